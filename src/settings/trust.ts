// The trust policy: which keys sign and verify, and whether this run may write the shared code-hash tier,
// decided by the event that started the job.
import * as core from '../runner.js'
import { Inputs, type Mode, SIGNING_KEY_ENV, TRUSTED_EVENTS } from '../constants.js'
import { InputError } from '../errors.js'
import { registerSecret } from '../util/redact.js'
import type { SetPolicy } from '../sets/asset-sets.js'
import { parseSigningKeys } from '../sets/signing.js'
import { input, oneOf } from './read.js'
import { parseBoolean } from './values.js'

/**
 * signing-key (one key per line), cache-write and allow-untrusted-signing; every key is masked before anything
 * else can print it. Signing follows the trusted events, as cache-write: auto does: on any other event (pull
 * requests, comments, check runs, …) the job may run code from a pull request while it holds the key, so the
 * keys only verify and nothing written is signed — no run that verifies will ever serve it.
 */
export function parsePolicy(): SetPolicy {
  const keysText = input(Inputs.SigningKey) || process.env[SIGNING_KEY_ENV] || ''
  const parsed = parseSigningKeys(keysText)
  for (const key of parsed.keys) registerSecret(key)
  if (parsed.keys.some((key) => key.length < 16)) {
    throw new InputError(
      `Input '${Inputs.SigningKey}' (${SIGNING_KEY_ENV}) holds a key shorter than 16 characters: use a long random secret, e.g. openssl rand -hex 32.`
    )
  }
  const choice = oneOf(Inputs.CacheWrite, input(Inputs.CacheWrite) || 'auto', ['auto', 'always', 'never'] as const)
  const event = process.env.GITHUB_EVENT_NAME ?? ''
  const insideActions = process.env.GITHUB_ACTIONS === 'true'
  const trusted = !insideActions || (TRUSTED_EVENTS as readonly string[]).includes(event)
  const allowed = choice === 'always' || (choice === 'auto' && trusted)
  const reason =
    choice === 'never'
      ? `'${Inputs.CacheWrite}' is never`
      : `'${Inputs.CacheWrite}: auto' writes it only on ${TRUSTED_EVENTS.join(', ')} events, and this is a '${event || 'unknown'}' event (its commit's set is still written)`
  const allowUntrusted = parseBoolean(Inputs.AllowUntrustedSigning, input(Inputs.AllowUntrustedSigning), false)
  const signs = parsed.keys.length > 0 && (trusted || allowUntrusted)
  const unsigned =
    parsed.keys.length > 0 && !signs
      ? `this is a '${event || 'unknown'}' event, and signing follows the trusted events (${TRUSTED_EVENTS.join(', ')}): ` +
        `jobs of other events may run pull-request code while they hold the key. What this run writes is unsigned, so no run that ` +
        `verifies will use it. Set '${Inputs.AllowUntrustedSigning}: true' only in a job that runs no pull-request code (see docs/threat-model.md)`
      : undefined
  return {
    signing: unsigned ? { keys: parsed.keys, sign: false } : parsed,
    cacheWrite: { allowed, reason },
    ...(unsigned ? { unsigned } : {})
  }
}

/** Whether a run in this mode may write a signed manifest or state (check does when it promotes a code-hash hit). */
function maySign(mode: Mode, codeHashOn: boolean, planOnly: boolean): boolean {
  if (mode === 'check') return codeHashOn
  if (mode === 'apply') return !planOnly
  return mode === 'upload' || mode === 'auto'
}

/**
 * On an event whose jobs may run pull-request code, sets are written unsigned (parsePolicy) and the step goes
 * on, saying so. apply cannot: its state is one object every later run reads, and an unsigned one would stop
 * them all (or be re-signed by hand, which is the attack). So a writing apply there is refused.
 */
export function noteUnsignedRun(mode: Mode, policy: SetPolicy, codeHashOn: boolean, planOnly: boolean): void {
  if (!policy.unsigned || !maySign(mode, codeHashOn, planOnly)) return
  if (mode === 'apply') {
    throw new InputError(
      `Refusing to apply with '${Inputs.SigningKey}' set: ${policy.unsigned}. apply's state is one shared object, so it is not written unsigned: ` +
        `run apply with 'plan-only: true' on this event, keep the key out of this job, or set '${Inputs.AllowUntrustedSigning}: true' if the job runs no pull-request code.`
    )
  }
  core.warning(`Not signing: ${policy.unsigned}.`)
}

import * as core from '../runner.js'

/**
 * Values that must never be shown: the runner masks them in the log once `core.setSecret` has named them,
 * but not in what this action sends elsewhere (the job summary file, commit statuses, pull-request
 * comments). Everything sent there goes through `redact`.
 *
 * Values shorter than this are not masked: masking `1` or `on` would garble every log line that holds them
 * (google-github-actions' secret actions draw the same line), and they are not secrets anyone can use.
 */
export const MIN_MASKED_LENGTH = 4

const secrets = new Set<string>()

/** Masks `value` in the log from now on (core.setSecret) and in everything `redact` cleans. */
export function registerSecret(value: string | undefined): void {
  if (!value || value.length < MIN_MASKED_LENGTH || secrets.has(value)) return
  secrets.add(value)
  core.setSecret(value)
}

/** `text` with every registered secret replaced by `***`, longest first (so a secret inside another goes too). */
export function redact(text: string): string {
  let result = text
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) result = result.split(secret).join('***')
  return result
}

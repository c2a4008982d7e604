import * as core from './runner.js'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { BACKENDS, BackendChoice, Inputs, MODES, Mode, SeedEnv, SIGNING_KEY_ENV, TRUSTED_EVENTS } from './constants.js'
import { InputError, MissingBucketError } from './errors.js'
import { parsePatterns } from './hashing/patterns.js'
import type { SetPolicy } from './sets/asset-sets.js'
import { parseSigningKeys } from './sets/signing.js'
import { isCommitHash } from './git.js'
import { registerSecret } from './report/redact.js'

export interface S3StoreSettings {
  readonly kind: 's3'
  /** aws: AWS itself; gcs: Google Cloud Storage's XML API; compatible: any other S3-compatible endpoint. */
  readonly flavor: 'aws' | 'gcs' | 'compatible'
  readonly bucket: string
  /** Key prefix, empty or ending in '/'. */
  readonly prefix: string
  readonly region: string
  /** S3-compatible endpoint URL; undefined means AWS itself. */
  readonly endpoint?: string
  readonly forcePathStyle: boolean
  readonly credentials?: {
    readonly accessKeyId: string
    readonly secretAccessKey: string
    readonly sessionToken?: string
  }
  readonly profile?: string
  /** A role assumed through STS on top of the credentials above (the original tool's AWS_ROLE). */
  readonly role?: { readonly arn: string; readonly sessionName: string }
  /** Milliseconds to wait for a connection, and for a whole request. */
  readonly connectTimeoutMs: number
  readonly requestTimeoutMs: number
}

export interface LocalStoreSettings {
  readonly kind: 'local'
  /** Absolute root directory of the store. */
  readonly root: string
  readonly prefix: string
}

/** The GitHub Actions cache: entries `<prefix>artifacts-<commit>` and `<prefix>cache-<code hash>`. */
export interface ActionsCacheStoreSettings {
  readonly kind: 'actions-cache'
  readonly prefix: string
}

export type StoreSettings = S3StoreSettings | LocalStoreSettings | ActionsCacheStoreSettings

/** Where results are shown besides the log and the job summary. */
export interface ReportingSettings {
  readonly prComment: boolean
  readonly commitStatus: boolean
  readonly token: string
  /** Names this use of the action in comment markers and status contexts. */
  readonly instance: string
}

/** Everything the action was asked to do, validated once. Paths are absolute. */
export interface Settings {
  readonly mode: Mode
  /** Outside GitHub, `auto --run <command>`: the build auto runs between its check and its upload. */
  readonly autoRun?: string
  readonly store: StoreSettings
  readonly repoPath: string
  /** Explicit commit hash (lowercase hex), or undefined to ask git. */
  readonly commit?: string
  /** Code-hash patterns; empty when the code-hash tier is off. */
  readonly codeHashPatterns: readonly string[]
  /** Environment variables whose values are part of the code-hash set key (as digests). */
  readonly codeHashEnv: readonly string[]
  /** Free text that is part of the key ('' for none). */
  readonly codeHashKey: string
  /** Keeps sets of different platforms or flavours apart: `<prefix>variants/<variant>/`; '' for none. */
  readonly variant: string
  /** Accept a set built on another platform (platform-independent assets). */
  readonly crossPlatform: boolean
  readonly packageDirectory: string
  /** check: bring the found assets into packageDirectory. */
  readonly download: boolean
  /** Transfers and copies in flight at once. */
  readonly concurrency: number
  /** upload: files smaller than this many bytes go into packs; 0 = every file its own object. */
  readonly packBelow: number
  /** The original tool's rule: a commit prefix holding objects but no manifest counts as found (migration aid). */
  readonly legacySets: boolean
  readonly reporting: ReportingSettings
  readonly apply: ApplySettings
  readonly prune: PruneSettings
  /** Signing keys and who may write the shared code-hash tier. */
  readonly policy: SetPolicy
  readonly doctorModes: DoctorModes
}

export interface ApplySettings {
  /** Absolute path of the config file or directory. */
  readonly config: string
  readonly planOnly: boolean
  /** Seconds to wait for a held state lock. */
  readonly lockTimeout: number
  /** Lock id to remove before taking the lock. */
  readonly forceUnlock?: string
  /** Carry out a plan that deletes every tool of a non-empty state. */
  readonly allowDeleteAll: boolean
  /** Accept the state as it is (unsigned or signed by another key) and sign it with the current key. */
  readonly resignState: boolean
}

/** doctor: the modes whose needs it checks (it fails when one of them cannot run). */
export type DoctorModes = readonly Exclude<Mode, 'doctor'>[]

export interface PruneSettings {
  /** Sets unused for longer go. */
  readonly keepDays: number
  /** The newest commit sets of each family always stay. */
  readonly keepLast: number
  readonly planOnly: boolean
  /** An apply config whose state's sets are never pruned; undefined when the 'config' input is empty. */
  readonly config?: string
}

/**
 * An input as the runner passes it (`INPUT_<NAME>`, hyphens kept). Outside GitHub, where a shell cannot export
 * a name with a hyphen, `INPUT_<NAME>` with underscores (INPUT_PACKAGE_DIRECTORY) is read too.
 */
export function rawInput(name: string, trim = true): string {
  const value = core.getInput(name, { trimWhitespace: trim })
  if (value || process.env.GITHUB_ACTIONS === 'true') return value
  const underscored = process.env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] ?? ''
  return trim ? underscored.trim() : underscored
}

function input(name: string): string {
  return rawInput(name)
}

/** Levenshtein distance, for "did you mean". */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]!
}

/** Every `INPUT_*` variable that names no input of action.yml, with the input it most likely meant. */
export function unknownInputs(env: NodeJS.ProcessEnv = process.env): { variable: string; name: string; suggestion?: string }[] {
  const known = Object.values(Inputs) as string[]
  const onGitHub = env.GITHUB_ACTIONS === 'true'
  const unknown = []
  for (const variable of Object.keys(env)) {
    if (!variable.startsWith('INPUT_') || variable.length === 6) continue
    const name = variable.slice(6).toLowerCase()
    if (known.includes(name)) continue
    // The runner passes `with:` keys exactly as written, so on GitHub `plan_only` is not `plan-only`.
    const folded = name.replace(/_/g, '-')
    if (!onGitHub && known.includes(folded)) continue
    const nearest = known
      .map((candidate) => ({ candidate, distance: editDistance(folded, candidate) }))
      .sort((a, b) => a.distance - b.distance)[0]!
    // A shortened name ('package-dir') is as likely a slip as a misspelt one.
    const shortened = folded.length >= 4 ? known.find((candidate) => candidate.startsWith(folded)) : undefined
    const suggestion = nearest.distance <= Math.max(2, Math.floor(folded.length / 3)) ? nearest.candidate : shortened
    unknown.push({ variable, name, ...(suggestion ? { suggestion } : {}) })
  }
  return unknown
}

/**
 * A misspelt input is never ignored in silence: in a step that decides or writes anything it is an error
 * before anything is done (a misspelt `plan-only` on prune would delete for real; a misspelt
 * `package-directory` on check would decide the skip with the default folder), elsewhere (doctor, a plan)
 * a warning.
 */
function refuseUnknownInputs(mode: Mode, planOnly: boolean): void {
  const unknown = unknownInputs()
  if (unknown.length === 0) return
  const lines = unknown.map(
    ({ variable, name, suggestion }) =>
      `'${name}' (${variable}) is not an input of this action${suggestion ? `; did you mean '${suggestion}'?` : '.'}`
  )
  const writes = mode === 'check' || mode === 'upload' || mode === 'auto' || ((mode === 'apply' || mode === 'prune') && !planOnly)
  const inputsList = `The inputs are listed in action.yml and the README${process.env.GITHUB_ACTIONS === 'true' ? '' : ' (outside GitHub, INPUT_<NAME> with - or _)'}`
  if (writes) {
    throw new InputError(
      `${lines.join(' ')} Nothing was done: mode '${mode}' ${mode === 'check' ? 'decides whether the build runs' : 'writes or deletes'}, so a misspelt input could change what it does. ${inputsList}.`
    )
  }
  for (const line of lines) core.warning(`${line} It is ignored. ${inputsList}.`)
}

/** An input, else the first non-empty environment variable, else the default. */
function inputOr(name: string, envNames: readonly string[], fallback: string): string {
  const value = input(name)
  if (value) return value
  for (const envName of envNames) {
    const fromEnv = process.env[envName]?.trim()
    if (fromEnv) return fromEnv
  }
  return fallback
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const lower = value.toLowerCase()
  if ((allowed as readonly string[]).includes(lower)) return lower as T
  throw new InputError(`Input '${name}' is '${value}'; allowed values: ${allowed.join(', ')}.`)
}

function parseMode(argv: readonly string[]): Mode {
  const fromInput = input(Inputs.Mode)
  const fromArgs = argv[2]?.trim() ?? ''
  const value = fromInput || fromArgs
  if (!value) {
    throw new InputError(
      `Input '${Inputs.Mode}' is required: one of ${MODES.join(', ')} ` +
        `(as a workflow input 'mode', or as the first argument: node dist/index.js check).`
    )
  }
  return oneOf(Inputs.Mode, value, MODES)
}

/** Normalises a key prefix to '' or 'a/b/' (no leading slash, one trailing slash). */
export function normalizePrefix(raw: string): string {
  const trimmed = raw.trim().replace(/^\/+/, '').replace(/\/+$/, '')
  if (!trimmed) return ''
  if (trimmed.includes('\\')) {
    throw new InputError(
      `Input '${Inputs.Prefix}' is '${raw}': a key prefix separates its parts with '/', not '\\' (for example 'my-repo/web/').`
    )
  }
  if (trimmed.split('/').some((segment) => segment === '..' || segment === '.' || segment === '')) {
    throw new InputError(`Input '${Inputs.Prefix}' is '${raw}': use a plain key prefix such as 'my-repo/' (no '.', '..' or '//').`)
  }
  return `${trimmed}/`
}

function parseBucket(raw: string): string {
  if (/^s3:\/\//i.test(raw) || raw.includes('/')) {
    throw new InputError(
      `Input '${Inputs.Bucket}' is '${raw}': give only the bucket name (for example 'my-assets'); ` +
        `put any key path in '${Inputs.Prefix}'.`
    )
  }
  if (!/^[a-z0-9][a-z0-9._-]{1,221}[a-z0-9]$/.test(raw)) {
    throw new InputError(
      `Input '${Inputs.Bucket}' is '${raw}', which is not a valid bucket name ` +
        `(lowercase letters, digits, '.', '-' and '_', 3 characters or more).`
    )
  }
  return raw
}

/**
 * Why an endpoint URL may not be used as it is, or undefined. One with a user name or password in it
 * (`https://key:secret@host`) is refused: logs, summaries and every object URL would show the secret. Its
 * parts are masked first, so even this refusal shows them as ***.
 */
export function endpointProblem(raw: string): string | undefined {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return `is '${raw}', which is not a URL: give one like https://minio.example.com:9000`
  }
  if (url.username || url.password) {
    for (const part of [url.username, url.password, decodeURIComponent(url.username), decodeURIComponent(url.password)])
      registerSecret(part)
    return (
      `is '${url.protocol}//***@${url.host}${url.pathname === '/' ? '' : url.pathname}': it holds a user name or password. Give the keys as ` +
      `'${Inputs.AccessKeyId}' and '${Inputs.SecretAccessKey}' (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), never in the URL, which logs and summaries show`
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `is '${raw}': the URL must start with http:// or https://`
  return undefined
}

function parseEndpoint(raw: string): string | undefined {
  if (!raw) return undefined
  const problem = endpointProblem(raw)
  if (problem) throw new InputError(`Input '${Inputs.Endpoint}' ${problem}.`)
  return raw.replace(/\/+$/, '')
}

function parseCommit(raw: string): string | undefined {
  if (!raw) return undefined
  if (!isCommitHash(raw)) {
    throw new InputError(
      `Input '${Inputs.Commit}' is '${raw}': give the full commit hash (40 hex characters, or 64 for SHA-256 repositories).`
    )
  }
  return raw.toLowerCase()
}

export function parseBoolean(name: string, raw: string, fallback: boolean): boolean {
  if (!raw) return fallback
  if (/^(true|yes|on|1)$/i.test(raw)) return true
  if (/^(false|no|off|0)$/i.test(raw)) return false
  throw new InputError(`Input '${name}' is '${raw}'; allowed values: true, false.`)
}

const GCS_ENDPOINT = 'https://storage.googleapis.com'

function parseSeconds(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw)
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new InputError(`Input '${name}' is '${raw}': give a number of seconds from ${min} to ${max}.`)
  }
  return value
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 }

/** A byte count such as `1MiB`, `512 KiB`, `1.5MB` or `4096`; undefined when `raw` is not one. */
export function parseByteSize(raw: string | number): number | undefined {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw >= 0 ? raw : undefined
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]i?b|b)?$/i.exec(raw.trim())
  if (!match) return undefined
  const bytes = Math.round(Number(match[1]) * SIZE_UNITS[(match[2] ?? '').toLowerCase()]!)
  return Number.isSafeInteger(bytes) ? bytes : undefined
}

/** Packs close at 64 MiB; a file as large as that is better as its own object. */
export const MAX_PACK_BELOW = 64 * 1024 * 1024

/** Units of a size: a bare number is bytes; KB/MB/GB are powers of 1000, KiB/MiB/GiB of 1024. */
export const SIZE_UNITS_HELP = 'a bare number is bytes; KB, MB, GB are powers of 1000, KiB, MiB, GiB of 1024'

function parsePackBelow(raw: string): number {
  const bytes = parseByteSize(raw)
  if (bytes === undefined || bytes > MAX_PACK_BELOW) {
    throw new InputError(
      `Input '${Inputs.PackBelow}' is '${raw}': give a size up to 64MiB such as '1MiB' or '256KiB' (files smaller than it go into packs), or 0 to store every file as its own object (${SIZE_UNITS_HELP}).`
    )
  }
  if (bytes > 0 && bytes < 1024) {
    core.warning(
      `Input '${Inputs.PackBelow}' is '${raw}', which is ${bytes} byte${bytes === 1 ? '' : 's'}: almost nothing will be packed. Did you mean '${raw}MiB'? (${SIZE_UNITS_HELP}).`
    )
  }
  return bytes
}

function parseEnvNames(raw: string): string[] {
  const names = raw.split(/[\s,]+/).filter(Boolean)
  for (const name of names) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new InputError(
        `Input '${Inputs.CodeHashEnv}' holds '${name}', which is not an environment variable name (letters, digits and '_').`
      )
    }
  }
  return [...new Set(names)]
}

function parseVariant(raw: string): string {
  if (!raw) return ''
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(raw)) {
    throw new InputError(
      `Input '${Inputs.Variant}' is '${raw}': use up to 64 letters, digits, '.', '_' or '-' (for example \${{ runner.os }}-\${{ runner.arch }}-node\${{ matrix.node }}).`
    )
  }
  return raw
}

function parseDoctorModes(raw: string): DoctorModes {
  const served = MODES.filter((mode) => mode !== 'doctor')
  return raw
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((mode) => oneOf(Inputs.DoctorModes, mode, served))
}

function parseConcurrency(raw: string): number {
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1 || value > 256) {
    throw new InputError(`Input '${Inputs.Concurrency}' is '${raw}': give a whole number from 1 to 256.`)
  }
  return value
}

function parseApply(cwd: string): ApplySettings {
  const timeoutText = input(Inputs.LockTimeout) || '0'
  const lockTimeout = Number(timeoutText)
  if (!Number.isFinite(lockTimeout) || lockTimeout < 0 || lockTimeout > 21600) {
    throw new InputError(`Input '${Inputs.LockTimeout}' is '${timeoutText}': give the seconds to wait for a held lock, 0 to 21600.`)
  }
  return {
    config: path.resolve(cwd, input(Inputs.Config) || '.github/assets.yml'),
    planOnly: parseBoolean(Inputs.PlanOnly, input(Inputs.PlanOnly), false),
    lockTimeout,
    forceUnlock: input(Inputs.ForceUnlock) || undefined,
    allowDeleteAll: parseBoolean(Inputs.AllowDeleteAll, input(Inputs.AllowDeleteAll), false),
    resignState: parseBoolean(Inputs.ResignState, input(Inputs.ResignState), false)
  }
}

function wholeNumber(name: string, fallback: string, max: number, what: string): number {
  const raw = input(name) || fallback
  const value = Number(raw)
  if (!/^\d+$/.test(raw) || value > max) throw new InputError(`Input '${name}' is '${raw}': give ${what}, a whole number from 0 to ${max}.`)
  return value
}

function parsePrune(cwd: string): PruneSettings {
  const config = input(Inputs.Config)
  return {
    keepDays: wholeNumber(Inputs.KeepDays, '30', 36500, 'the days a set may go unused before prune deletes it'),
    keepLast: wholeNumber(Inputs.KeepLast, '10', 100000, 'how many of the newest commit sets prune always keeps'),
    planOnly: parseBoolean(Inputs.PlanOnly, input(Inputs.PlanOnly), false),
    config: config ? path.resolve(cwd, config) : undefined
  }
}

function parseReporting(prefix: string): ReportingSettings {
  const prComment = parseBoolean(Inputs.PrComment, input(Inputs.PrComment), false)
  const commitStatus = parseBoolean(Inputs.CommitStatus, input(Inputs.CommitStatus), false)
  const token = input(Inputs.GitHubToken) || process.env.GITHUB_TOKEN || ''
  registerSecret(token)
  if ((prComment || commitStatus) && !token) {
    throw new InputError(
      `Input '${Inputs.GitHubToken}' is empty, but '${prComment ? Inputs.PrComment : Inputs.CommitStatus}' is on: pass \${{ github.token }} (the default in action.yml) or a token with pull-requests/statuses write access.`
    )
  }
  const instance = input(Inputs.InstanceName) || prefix.replace(/\/$/, '') || 'default'
  if (!/^[\w./-]{1,64}$/.test(instance)) {
    throw new InputError(`Input '${Inputs.InstanceName}' is '${instance}': use up to 64 letters, digits, '.', '_', '-' or '/'.`)
  }
  return { prComment, commitStatus, token, instance }
}

/**
 * Whether this job can reach the Actions cache, decided as @actions/cache's isFeatureAvailable() does without
 * loading it: the v2 service (ACTIONS_CACHE_SERVICE_V2, never on GHES) needs ACTIONS_RESULTS_URL, v1 ACTIONS_CACHE_URL.
 */
export function cacheServiceAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.GITHUB_ACTIONS !== 'true') return false
  const host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toUpperCase()
  const ghes = host !== 'GITHUB.COM' && !host.endsWith('.GHE.COM') && !host.endsWith('.LOCALHOST')
  return Boolean(env.ACTIONS_CACHE_SERVICE_V2 && !ghes ? env.ACTIONS_RESULTS_URL : env.ACTIONS_CACHE_URL)
}

function parseStore(cwd: string): StoreSettings {
  const backend: BackendChoice = oneOf(Inputs.Backend, input(Inputs.Backend) || 'auto', BACKENDS)
  const prefix = normalizePrefix(input(Inputs.Prefix))
  const bucketRaw = inputOr(Inputs.Bucket, [SeedEnv.Bucket], '')
  const kind = backend === 'auto' ? (bucketRaw ? 's3' : cacheServiceAvailable() ? 'actions-cache' : 'local') : backend
  if (kind === 'actions-cache') return { kind, prefix }

  if (kind === 'local') {
    const root = path.resolve(cwd, input(Inputs.LocalDir) || '.asset-store')
    if (backend === 'auto') refuseSilentLocalFallback(root)
    return { kind, prefix, root }
  }

  if (!bucketRaw) {
    throw new InputError(`backend '${kind}' needs a bucket: set the '${Inputs.Bucket}' input or ${SeedEnv.Bucket}.`)
  }
  const gcs = kind === 'gcs'
  const endpoint = gcs
    ? (parseEndpoint(input(Inputs.Endpoint)) ?? GCS_ENDPOINT)
    : parseEndpoint(inputOr(Inputs.Endpoint, ['AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL'], ''))
  const pathStyle = oneOf(Inputs.ForcePathStyle, input(Inputs.ForcePathStyle) || 'auto', ['auto', 'true', 'false'] as const)
  const accessKeyId = input(Inputs.AccessKeyId)
  const secretAccessKey = input(Inputs.SecretAccessKey)
  const sessionToken = input(Inputs.SessionToken)
  for (const secret of [accessKeyId, secretAccessKey, sessionToken]) registerSecret(secret)
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new InputError(
      `Inputs '${Inputs.AccessKeyId}' and '${Inputs.SecretAccessKey}' go together: set both, or neither to use the AWS default credential chain.`
    )
  }
  if (gcs && !accessKeyId) {
    throw new InputError(
      `backend 'gcs' needs an HMAC key: set '${Inputs.AccessKeyId}' and '${Inputs.SecretAccessKey}' (Cloud Storage → Settings → Interoperability; see "Google Cloud Storage" in the README).`
    )
  }
  const profile = input(Inputs.Profile)
  const roleArn = inputOr(Inputs.RoleArn, [SeedEnv.Role], '')
  if (roleArn && !/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(roleArn)) {
    throw new InputError(
      `Input '${Inputs.RoleArn}' (or $${SeedEnv.Role}) is '${roleArn}': give a role ARN such as arn:aws:iam::123456789012:role/assets.`
    )
  }
  return {
    kind: 's3',
    flavor: gcs ? 'gcs' : endpoint ? 'compatible' : 'aws',
    prefix,
    bucket: parseBucket(bucketRaw),
    // GCS signs with any region name; 'auto' is what its docs use.
    region: gcs ? input(Inputs.Region) || 'auto' : inputOr(Inputs.Region, ['AWS_REGION', 'AWS_DEFAULT_REGION'], 'us-east-1'),
    endpoint,
    forcePathStyle: pathStyle === 'auto' ? endpoint !== undefined : pathStyle === 'true',
    credentials: accessKeyId ? { accessKeyId, secretAccessKey, sessionToken: sessionToken || undefined } : undefined,
    profile: profile || undefined,
    role: roleArn ? { arn: roleArn, sessionName: input(Inputs.RoleSessionName) || 's3-asset-manager' } : undefined,
    connectTimeoutMs: parseSeconds(Inputs.ConnectTimeout, input(Inputs.ConnectTimeout) || '10', 1, 600) * 1000,
    requestTimeoutMs: parseSeconds(Inputs.RequestTimeout, input(Inputs.RequestTimeout) || '300', 1, 3600) * 1000
  }
}

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

/**
 * backend 'auto' fell back to a local directory. Outside GitHub, a job that sets the original tool's
 * variables but no bucket is almost always an unset secret or a typo: failing (as the original did, exit
 * 100) beats an exit 0 that uploads into a throwaway directory and rebuilds every time.
 */
function refuseSilentLocalFallback(root: string): void {
  const seedNames = Object.values(SeedEnv).filter((name) => process.env[name] !== undefined)
  if (process.env.GITHUB_ACTIONS !== 'true' && seedNames.length > 0) {
    throw new MissingBucketError(
      `Missing environment variable: ${SeedEnv.Bucket}. ${seedNames.join(', ')} ${seedNames.length > 1 ? 'are' : 'is'} set, as in an ` +
        `s3-asset-manager job, but no bucket is: set ${SeedEnv.Bucket} (or the '${Inputs.Bucket}' input). To keep the assets in a ` +
        `local directory on purpose, set backend to local (INPUT_BACKEND=local, or 'backend: local').`
    )
  }
  core.info(
    `No bucket is set, so the assets are kept in the local directory ${root} (backend 'auto'; set 'backend: local' to choose it explicitly).`
  )
}

/**
 * S3 settings for another bucket (apply's state backend, config.store): what the config names, the rest
 * (credentials, timeouts, and endpoint/region unless named) from the action's own store settings.
 */
export function deriveS3Settings(
  base: StoreSettings,
  target: { readonly bucket: string; readonly prefix?: string; readonly region?: string; readonly endpoint?: string }
): S3StoreSettings {
  const inherited = base.kind === 's3' ? base : undefined
  const endpoint = target.endpoint ?? inherited?.endpoint
  return {
    kind: 's3',
    flavor: target.endpoint ? 'compatible' : (inherited?.flavor ?? 'aws'),
    bucket: target.bucket,
    prefix: target.prefix ?? '',
    region: target.region ?? inherited?.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
    endpoint,
    forcePathStyle: inherited?.forcePathStyle ?? endpoint !== undefined,
    credentials: inherited?.credentials,
    profile: inherited?.profile,
    role: inherited?.role,
    connectTimeoutMs: inherited?.connectTimeoutMs ?? 10_000,
    requestTimeoutMs: inherited?.requestTimeoutMs ?? 300_000
  }
}

/** Whether `dir` or a folder above it holds a `.git` (directory, or file for worktrees and submodules). */
function insideGitRepository(dir: string): boolean {
  for (let current = dir; ; current = path.dirname(current)) {
    if (existsSync(path.join(current, '.git'))) return true
    if (path.dirname(current) === current) return false
  }
}

/**
 * `repo-path`, else $GIT_REPO_PATH, else `.`; outside GitHub, when `.` is not in a git repository but
 * `./repo` is one, `./repo`: the original tool's Docker image found the repository there.
 */
function parseRepoPath(cwd: string): string {
  const given = inputOr(Inputs.RepoPath, [SeedEnv.RepoPath], '')
  if (given) return path.resolve(cwd, given)
  const seedDefault = path.join(cwd, 'repo')
  if (!process.env.GITHUB_ACTIONS && !insideGitRepository(cwd) && existsSync(path.join(seedDefault, '.git'))) {
    core.info(
      `No repo-path or ${SeedEnv.RepoPath}, and ${cwd} is not a git repository: using ${seedDefault}, as the original tool's image did.`
    )
    return seedDefault
  }
  return cwd
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
function noteUnsignedRun(mode: Mode, policy: SetPolicy, codeHashOn: boolean, planOnly: boolean): void {
  if (!policy.unsigned || !maySign(mode, codeHashOn, planOnly)) return
  if (mode === 'apply') {
    throw new InputError(
      `Refusing to apply with '${Inputs.SigningKey}' set: ${policy.unsigned}. apply's state is one shared object, so it is not written unsigned: ` +
        `run apply with 'plan-only: true' on this event, keep the key out of this job, or set '${Inputs.AllowUntrustedSigning}: true' if the job runs no pull-request code.`
    )
  }
  core.warning(`Not signing: ${policy.unsigned}.`)
}

/**
 * `--run <command>` after the mode: outside GitHub there is no post step, so `auto` runs the build itself,
 * between its check and its upload, as the job's steps would on a runner.
 */
function parseAutoRun(argv: readonly string[], mode: Mode): string | undefined {
  const at = argv.indexOf('--run', 3)
  const extra = argv.slice(3).filter((_, index) => index + 3 !== at && index + 3 !== at + 1)
  if (extra.length > 0)
    throw new InputError(
      `Unexpected argument(s) ${extra.map((arg) => `'${arg}'`).join(', ')}: inputs are INPUT_<NAME> variables; see --help.`
    )
  if (at === -1) return undefined
  const command = argv[at + 1]?.trim()
  if (mode !== 'auto' || process.env.GITHUB_ACTIONS === 'true')
    throw new InputError(`'--run' belongs to 'auto' outside GitHub Actions (node dist/index.js auto --run 'npm run build').`)
  if (!command) throw new InputError(`'--run' needs the build command: node dist/index.js auto --run 'npm ci && npm run build'.`)
  return command
}

/** Reads every input (with the seed's environment names as fallbacks) into one validated settings object. */
export function getInputs(argv: readonly string[] = process.argv, cwd = process.cwd()): Settings {
  const mode = parseMode(argv)
  refuseUnknownInputs(mode, parseBoolean(Inputs.PlanOnly, input(Inputs.PlanOnly), false))
  const policy = parsePolicy()
  const patternsText = inputOr(Inputs.CodeHashPaths, [SeedEnv.CodeHashFilter], '')
  const store = parseStore(cwd)
  const codeHashPatterns = parsePatterns(patternsText)
  const codeHashEnv = parseEnvNames(input(Inputs.CodeHashEnv))
  const codeHashKey = rawInput(Inputs.CodeHashKey, false)
  if ((codeHashEnv.length > 0 || codeHashKey.trim()) && codeHashPatterns.length === 0 && mode !== 'apply') {
    throw new InputError(
      `Inputs '${Inputs.CodeHashEnv}' and '${Inputs.CodeHashKey}' add to the code-hash key, but '${Inputs.CodeHashPaths}' is empty, so there is no code-hash tier: set the patterns too.`
    )
  }
  const apply = parseApply(cwd)
  noteUnsignedRun(mode, policy, codeHashPatterns.length > 0, apply.planOnly)
  const autoRun = parseAutoRun(argv, mode)
  return {
    mode,
    ...(autoRun ? { autoRun } : {}),
    store,
    repoPath: parseRepoPath(cwd),
    commit: parseCommit(input(Inputs.Commit)),
    codeHashPatterns,
    codeHashEnv,
    codeHashKey: codeHashKey.trim() ? codeHashKey : '',
    variant: parseVariant(input(Inputs.Variant)),
    crossPlatform: parseBoolean(Inputs.CrossPlatform, input(Inputs.CrossPlatform), false),
    packageDirectory: path.resolve(cwd, inputOr(Inputs.PackageDirectory, [SeedEnv.PackageDirectory], './packages')),
    download: parseBoolean(Inputs.Download, input(Inputs.Download), false),
    concurrency: parseConcurrency(input(Inputs.Concurrency) || '16'),
    packBelow: parsePackBelow(input(Inputs.PackBelow) || '0'),
    legacySets: parseBoolean(Inputs.LegacySets, input(Inputs.LegacySets), false),
    reporting: parseReporting(store.prefix),
    apply,
    prune: parsePrune(cwd),
    doctorModes: parseDoctorModes(input(Inputs.DoctorModes) || 'check upload'),
    policy
  }
}

import { ConfigError } from './errors.js'
import { endpointProblem } from '../settings/values.js'

/** `config.store` (or a Replibyte `datastore`): overrides the action's store inputs for the assets and object plugins. */
export interface StoreOverrides {
  readonly backend?: string
  readonly bucket?: string
  readonly prefix?: string
  readonly region?: string
  readonly endpoint?: string
  readonly localDir?: string
  /** From a Replibyte datastore block: its own keys and profile instead of the action's. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string }
  readonly profile?: string
  /** Replibyte's local_disk.dir must exist already; config.store's localDir is created. */
  readonly mustExist?: boolean
}

/** Google Cloud Storage's S3-compatible (interoperability) endpoint, where HMAC keys work. */
export const GCS_ENDPOINT = 'https://storage.googleapis.com'

type Doc = Record<string, unknown>
const isMap = (value: unknown): value is Doc => value !== null && typeof value === 'object' && !Array.isArray(value)

/**
 * Replibyte's `$NAME`: a value that starts with `$` is read from the environment (a missing one is an error,
 * as in Replibyte); anything else is taken as written.
 */
function value(raw: unknown, where: string, env: NodeJS.ProcessEnv): string | undefined {
  if (raw === undefined || raw === null) return undefined
  if (typeof raw !== 'string' && typeof raw !== 'number') throw new ConfigError(`${where} must be a string.`)
  const text = String(raw)
  if (!text.startsWith('$')) return text
  const name = text.slice(1)
  const found = env[name]
  if (found === undefined || found === '')
    throw new ConfigError(`${where} is ${text}, but ${name} is not set in the environment. Set ${name} for this step.`)
  return found
}

function only(block: Doc, allowed: readonly string[], where: string): void {
  const unknown = Object.keys(block).filter((key) => !allowed.includes(key))
  if (unknown.length > 0) throw new ConfigError(`${where} has unknown key(s) ${unknown.join(', ')}; allowed: ${allowed.join(', ')}.`)
}

/**
 * A Replibyte `datastore:` block as the store of apply's plugins: `aws` (bucket, region, profile,
 * credentials, endpoint.custom), `gcp` (bucket, region, HMAC access_key and secret, through the interop
 * endpoint) or `local_disk.dir` (which must already exist, as Replibyte requires).
 */
export function parseDatastore(raw: unknown, file: string, env: NodeJS.ProcessEnv): StoreOverrides {
  const where = `${file}: datastore`
  if (!isMap(raw)) throw new ConfigError(`${where} must be a map with one of: aws, gcp, local_disk.`)
  const kinds = Object.keys(raw)
  if (kinds.length !== 1 || !['aws', 'gcp', 'local_disk'].includes(kinds[0]!)) {
    throw new ConfigError(`${where} must name exactly one of aws, gcp, local_disk (found: ${kinds.join(', ') || 'nothing'}).`)
  }
  const kind = kinds[0]!
  const block = raw[kind]
  if (!isMap(block)) throw new ConfigError(`${where}.${kind} must be a map.`)
  const at = `${where}.${kind}`

  if (kind === 'local_disk') {
    only(block, ['dir'], at)
    const dir = value(block.dir, `${at}.dir`, env)
    if (!dir) throw new ConfigError(`${at} needs 'dir', an existing directory.`)
    return { backend: 'local', localDir: dir, mustExist: true }
  }

  const bucket = value(block.bucket, `${at}.bucket`, env)
  if (!bucket) throw new ConfigError(`${at} needs a 'bucket'.`)
  const region = value(block.region, `${at}.region`, env)

  if (kind === 'gcp') {
    only(block, ['bucket', 'region', 'access_key', 'secret'], at)
    const accessKeyId = value(block.access_key, `${at}.access_key`, env)
    const secretAccessKey = value(block.secret, `${at}.secret`, env)
    if (!accessKeyId || !secretAccessKey) {
      throw new ConfigError(`${at} needs 'access_key' and 'secret': an HMAC key from Cloud Storage → Settings → Interoperability.`)
    }
    return { backend: 'gcs', bucket, region: region ?? 'auto', endpoint: GCS_ENDPOINT, credentials: { accessKeyId, secretAccessKey } }
  }

  only(block, ['bucket', 'region', 'profile', 'credentials', 'endpoint'], at)
  let credentials: StoreOverrides['credentials']
  if (block.credentials !== undefined) {
    if (!isMap(block.credentials)) throw new ConfigError(`${at}.credentials must be a map.`)
    only(block.credentials, ['access_key_id', 'secret_access_key', 'session_token'], `${at}.credentials`)
    const accessKeyId = value(block.credentials.access_key_id, `${at}.credentials.access_key_id`, env)
    const secretAccessKey = value(block.credentials.secret_access_key, `${at}.credentials.secret_access_key`, env)
    if (!accessKeyId || !secretAccessKey) throw new ConfigError(`${at}.credentials needs both access_key_id and secret_access_key.`)
    credentials = {
      accessKeyId,
      secretAccessKey,
      sessionToken: value(block.credentials.session_token, `${at}.credentials.session_token`, env)
    }
  }
  let endpoint: string | undefined
  if (isMap(block.endpoint)) {
    only(block.endpoint, ['custom'], `${at}.endpoint`)
    endpoint = value(block.endpoint.custom, `${at}.endpoint.custom`, env)
  } else if (block.endpoint !== undefined && block.endpoint !== 'default' && block.endpoint !== 'Default') {
    throw new ConfigError(`${at}.endpoint must be 'default' or { custom: 'https://…' }.`)
  }
  const problem = endpoint && endpointProblem(endpoint)
  if (problem) throw new ConfigError(`${at}.endpoint.custom ${problem}.`)
  return { backend: 's3', bucket, region, endpoint, credentials, profile: value(block.profile, `${at}.profile`, env) }
}

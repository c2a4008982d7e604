// Pure value parsers shared by the inputs and the apply config: each names the field it parses (an input,
// or a config option) in its error, so a bad value is reported where it was written.
import { Inputs } from '../constants.js'
import { InputError } from '../errors.js'
import { registerSecret } from '../util/redact.js'
import type { S3StoreSettings, StoreSettings } from './types.js'

/** Normalises a key prefix to '' or 'a/b/' (no leading slash, one trailing slash). */
export function normalizePrefix(raw: string, field = `Input '${Inputs.Prefix}'`): string {
  const trimmed = raw.trim().replace(/^\/+/, '').replace(/\/+$/, '')
  if (!trimmed) return ''
  if (trimmed.includes('\\')) {
    throw new InputError(`${field} is '${raw}': a key prefix separates its parts with '/', not '\\' (for example 'my-repo/web/').`)
  }
  if (trimmed.split('/').some((segment) => segment === '..' || segment === '.' || segment === '')) {
    throw new InputError(`${field} is '${raw}': use a plain key prefix such as 'my-repo/' (no '.', '..' or '//').`)
  }
  return `${trimmed}/`
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

export function parseBoolean(name: string, raw: string, fallback: boolean): boolean {
  if (!raw) return fallback
  if (/^(true|yes|on|1)$/i.test(raw)) return true
  if (/^(false|no|off|0)$/i.test(raw)) return false
  throw new InputError(`Input '${name}' is '${raw}'; allowed values: true, false.`)
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

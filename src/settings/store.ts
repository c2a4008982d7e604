// Which store a run uses, from the inputs: the backend, its bucket and endpoint, credentials and timeouts.
import * as core from '../runner.js'
import path from 'node:path'
import { BACKENDS, type BackendChoice, Inputs, SeedEnv } from '../constants.js'
import { InputError, MissingBucketError } from '../errors.js'
import { registerSecret } from '../util/redact.js'
import { input, inputOr, oneOf } from './read.js'
import type { StoreSettings } from './types.js'
import { endpointProblem, normalizePrefix } from './values.js'

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

function parseEndpoint(raw: string): string | undefined {
  if (!raw) return undefined
  const problem = endpointProblem(raw)
  if (problem) throw new InputError(`Input '${Inputs.Endpoint}' ${problem}.`)
  return raw.replace(/\/+$/, '')
}

const GCS_ENDPOINT = 'https://storage.googleapis.com'

function parseSeconds(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw)
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new InputError(`Input '${name}' is '${raw}': give a number of seconds from ${min} to ${max}.`)
  }
  return value
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

export function parseStore(cwd: string): StoreSettings {
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

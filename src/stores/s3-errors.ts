import { StoreError, type StoreProblem } from '../errors.js'

interface S3ErrorShape {
  name?: string
  code?: string
  message?: string
  Code?: string
  Region?: string
  $metadata?: { httpStatusCode?: number; requestId?: string; extendedRequestId?: string }
  $response?: { statusCode?: number; headers?: Record<string, string | undefined>; firstBytes?: Buffer }
}

/**
 * Whether a response came from an S3 server: it carries an S3 request id (x-amz-request-id, x-amzn-requestid,
 * x-amz-id-2) or Google's (x-goog-*). A plain web server, a proxy's error page or a captive portal has none.
 */
export function speaksS3(headers: Record<string, string | undefined> | undefined): boolean {
  return Object.keys(headers ?? {}).some((name) => /^x-amz(n)?-(request-?id|id-2)$|^x-goog-/i.test(name))
}

export interface S3ErrorContext {
  readonly operation: string
  readonly bucket: string
  readonly key: string
  readonly endpoint?: string
  readonly region: string
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE'])
const PERMISSIONS: Record<string, string> = {
  GetObject: 's3:GetObject (and s3:ListBucket, without which S3 answers 403 instead of 404 for a missing object)',
  PutObject: 's3:PutObject',
  CopyObject: 's3:GetObject on the source and s3:PutObject on the target',
  ListObjectsV2: 's3:ListBucket',
  DeleteObject: 's3:DeleteObject (apply needs it for the state lock and the object plugin only)'
}

/**
 * Only a missing key is a miss, and only when S3 says so: NoSuchKey in an S3 error body, or a bodiless 404
 * (NotFound) with S3's headers. A missing bucket (also a 404) is an error, and so is a 404 from something
 * that is not S3 (a web server at the endpoint): treating it as a miss would make every build run in silence.
 */
export function isNotFound(error: unknown): boolean {
  const shape = error as S3ErrorShape | undefined
  if (shape?.name === 'NoSuchKey') return true
  return shape?.name === 'NotFound' && speaksS3(shape.$response?.headers)
}

/** What came back from something that is not S3, for a message: status, content type, the first bytes. */
export function whatCameBack(
  status: number | undefined,
  headers: Record<string, string | undefined> | undefined,
  firstBytes?: Buffer
): string {
  const type = headers?.['content-type'] ?? 'no content type'
  const start =
    firstBytes && firstBytes.length > 0 ? `, starting ${JSON.stringify(firstBytes.toString('utf8').replace(/\s+/g, ' ').slice(0, 80))}` : ''
  return `HTTP ${status ?? '?'} (${type})${start}`
}

function where(context: S3ErrorContext): string {
  return context.endpoint ? `at endpoint ${context.endpoint}` : `in AWS region ${context.region}`
}

function bucketRegion(error: S3ErrorShape): string | undefined {
  const fromHeader = error.$response?.headers?.['x-amz-bucket-region']
  if (fromHeader) return fromHeader
  if (error.Region) return error.Region
  return /expecting '([a-z0-9-]+)'/.exec(error.message ?? '')?.[1]
}

function isTlsCode(code: string): boolean {
  return code.startsWith('ERR_TLS') || code.includes('CERT') || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || code.startsWith('ERR_SSL')
}

/** Turns an SDK failure into a StoreError saying what was wrong and what to check. */
export function describeS3Error(raw: unknown, context: S3ErrorContext): StoreError {
  const error = (raw ?? {}) as S3ErrorShape
  const name = error.name ?? ''
  // Under some runtimes (jest's VM realms) the SDK wraps socket errors and only the message keeps the code.
  const code = error.code ?? error.Code ?? /\b(E[A-Z]{4,}|ERR_TLS_[A-Z_]+|CERT_[A-Z_]+)\b/.exec(error.message ?? '')?.[1] ?? ''
  const status = error.$metadata?.httpStatusCode ?? error.$response?.statusCode
  const target = `s3://${context.bucket}/${context.key}`
  const detail = error.message ? ` (${name || code}: ${error.message})` : ''
  const make = (message: string, problem?: StoreProblem): StoreError =>
    new StoreError(message, { cause: raw, ...(problem ? { problem } : {}) })

  // Not S3: no S3 request id, no S3 error code, and either a bare status the SDK could not name or a body it
  // could not parse as S3's XML (a web server's 404 page, a proxy's error page, a text answer).
  const unparsed = /XML parse error|Deserialization error|Unexpected token|Expected closing tag|Invalid character/i.test(
    error.message ?? ''
  )
  if (
    !speaksS3(error.$response?.headers) &&
    !error.Code &&
    (name === 'NotFound' || name === 'UnknownError' || error.message === 'UnknownError' || unparsed)
  ) {
    return make(
      `${context.endpoint ?? `The S3 endpoint of region ${context.region}`} answered ${context.operation} on ${target} with ` +
        `${whatCameBack(status, error.$response?.headers, error.$response?.firstBytes)}: that is not an S3 server speaking (no S3 error, no S3 request id). ` +
        `Check the 'endpoint' input: it must be the S3 API's URL, not a web page or a proxy's.`,
      'endpoint'
    )
  }
  if (name === 'NoSuchBucket') {
    return make(
      `Bucket '${context.bucket}' does not exist ${where(context)}. Check the 'bucket' input (PACKAGE_ASSETS_BUCKET)` +
        `${context.endpoint ? " and 'endpoint'" : " and 'region'"}; this action never creates buckets.`,
      'bucket'
    )
  }
  if (
    name === 'PermanentRedirect' ||
    name === 'AuthorizationHeaderMalformed' ||
    name === 'IllegalLocationConstraintException' ||
    status === 301
  ) {
    const actual = bucketRegion(error)
    return make(
      `Bucket '${context.bucket}' is not in region '${context.region}'` +
        (actual
          ? `: it is in '${actual}'. Set the 'region' input (or AWS_REGION) to '${actual}'.`
          : `. Set the 'region' input (or AWS_REGION) to the bucket's region.`),
      'region'
    )
  }
  if (name === 'InvalidAccessKeyId' || name === 'SignatureDoesNotMatch' || name === 'ExpiredToken' || name === 'InvalidToken') {
    return make(
      `The store ${where(context)} rejected the credentials for ${context.operation} on ${target}${detail}. ` +
        `Check 'access-key-id', 'secret-access-key' and 'session-token' (or the profile / environment they come from).`,
      'credentials'
    )
  }
  if (name === 'AccessDenied' || name === 'Forbidden' || status === 403) {
    const permission = PERMISSIONS[context.operation] ?? `the permission for ${context.operation}`
    return make(
      `Access denied: ${context.operation} on ${target} ${where(context)}. The credentials need ${permission} ` +
        `on arn:aws:s3:::${context.bucket}${context.operation === 'ListObjectsV2' ? '' : '/*'}; see "IAM policy" in the README.`,
      'permission'
    )
  }
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(error.message ?? '')) {
    return make(
      `No credentials for bucket '${context.bucket}' were found: set 'access-key-id' and 'secret-access-key', a 'profile', ` +
        `or run aws-actions/configure-aws-credentials before this step (see "Credentials" in the README).`,
      'credentials'
    )
  }
  if (isTlsCode(code) || /certificate|\bSSL\b|\bTLS\b/i.test(error.message ?? '')) {
    return make(
      `TLS with ${context.endpoint ?? `the S3 endpoint of region ${context.region}`} failed for ${context.operation} on ${target}: ${code || error.message}. ` +
        `The server's certificate is not trusted here: for a private CA set NODE_EXTRA_CA_CERTS to its PEM file, or check the 'endpoint' host name.`,
      'endpoint'
    )
  }
  if (NETWORK_CODES.has(code) || name === 'TimeoutError') {
    const host = context.endpoint ?? `the S3 endpoint of region ${context.region}`
    return make(
      `Could not reach ${host} for ${context.operation} on ${target}: ${code || name}${error.message ? ` (${error.message})` : ''}. ` +
        `Check the 'endpoint' input, that the server is running, and the network/TLS setup.`,
      'endpoint'
    )
  }
  if (name === 'SlowDown' || name === 'ThrottlingException' || status === 503) {
    return make(
      `The store kept throttling ${context.operation} on ${target} after retries${detail}. Try again later or lower 'concurrency'.`
    )
  }
  return make(`${context.operation} on ${target} ${where(context)} failed${detail || ` with HTTP ${status ?? 'error'}`}.`)
}

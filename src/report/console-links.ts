import type { StoreSettings } from '../settings/types.js'

/** The AWS console's host for a region's partition. */
function awsConsoleHost(region: string): string {
  if (region.startsWith('cn-')) return 'console.amazonaws.cn'
  if (region.startsWith('us-gov-')) return 'console.amazonaws-us-gov.com'
  return 's3.console.aws.amazon.com'
}

/**
 * A web console page showing a set's location (`s3://bucket/key/`, `gs://bucket/key/`), where a console
 * exists: the AWS S3 console (the bucket's region included, or it redirects) and the Google Cloud console.
 * Other S3-compatible services, the local store and the Actions cache have none: undefined.
 */
export function consoleUrl(location: string, store: StoreSettings): string | undefined {
  if (store.kind !== 's3' || store.flavor === 'compatible') return undefined
  const match = /^(s3|gs):\/\/([^/]+)\/(.*)$/.exec(location)
  if (!match) return undefined
  const [, , bucket = '', key = ''] = match
  if (store.flavor === 'gcs') {
    const pathPart = [bucket, ...key.split('/')].map(encodeURIComponent).join('/')
    return `https://console.cloud.google.com/storage/browser/${pathPart}`
  }
  const query = new URLSearchParams({ region: store.region, bucketType: 'general', prefix: key, showversions: 'false' })
  return `https://${awsConsoleHost(store.region)}/s3/buckets/${encodeURIComponent(bucket)}?${query.toString()}`
}

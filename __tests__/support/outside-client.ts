// Apart from helpers.ts so that a test file with no S3 in it does not load the AWS SDK (0.18-0.3 s of a worker's
// CPU for each test file that imports it).
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { bucket, endpoint, s3Keys } from './helpers.js'

/** A plain SDK client, not our store: the "outside" reader that checks what the action wrote. */
export function outsideClient(): S3Client {
  return new S3Client({
    region: 'us-east-1',
    endpoint: endpoint(),
    forcePathStyle: true,
    credentials: s3Keys(),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED'
  })
}

export async function readObject(client: S3Client, key: string): Promise<Buffer | undefined> {
  try {
    const response = await client.send(new GetObjectCommand({ Bucket: bucket(), Key: key }))
    return Buffer.from(await response.Body!.transformToByteArray())
  } catch (error) {
    if ((error as Error).name === 'NoSuchKey') return undefined
    throw error
  }
}

/** Every key under a prefix (pages past 1,000 keys need --openssl-legacy-provider on s3rver). */
export async function listKeys(client: S3Client, prefix: string): Promise<string[]> {
  const keys: string[] = []
  let token: string | undefined
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket(), Prefix: prefix, ContinuationToken: token }))
    keys.push(...(page.Contents ?? []).map((object) => object.Key!))
    token = page.NextContinuationToken
  } while (token)
  return keys.sort()
}

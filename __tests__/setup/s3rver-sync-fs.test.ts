import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand
} from '@aws-sdk/client-s3'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import S3rver from 's3rver'
import { tempDir } from '../support/helpers.js'
import { makeS3rverDeletesTolerateEachOther, makeS3rverFileCallsSynchronous } from './s3rver-sync-fs.mjs'

// The test s3rver (global setup) makes its file calls synchronously. Here a second s3rver in this worker, patched the
// same way, must still answer like an S3 store.
describe('s3rver with synchronous file calls', () => {
  let server: S3rver
  let client: S3Client
  let directory: string
  beforeAll(async () => {
    makeS3rverFileCallsSynchronous()
    makeS3rverDeletesTolerateEachOther()
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: (directory = tempDir('s3rver-sync')),
      configureBuckets: [{ name: 'b', configs: [] }]
    })
    const { port } = (await server.run()) as { port: number }
    client = new S3Client({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      // s3rver reads no aws-chunked bodies (a streamed body with a trailing checksum)
      requestChecksumCalculation: 'WHEN_REQUIRED'
    })
  })
  afterAll(async () => {
    client.destroy()
    await server.close()
  })
  const read = async (Key: string): Promise<Buffer> =>
    Buffer.from(await (await client.send(new GetObjectCommand({ Bucket: 'b', Key }))).Body!.transformToByteArray())

  it("has an object's bytes on disk when it answers the PUT, for a body in memory and a streamed one", async () => {
    // s3rver resolves putObject once the body's MD5 is known, before its write stream closes. With asynchronous file
    // calls the MD5 and metadata writes that follow gave the stream time to flush; synchronous ones do not, so the
    // MD5 write waits for it. Without that wait the file read here is still empty.
    const store = (server as unknown as { store: { putObject(object: object): Promise<unknown> } }).store
    const body = randomBytes(256 * 1024)
    await store.putObject({ bucket: 'b', key: 'direct/buffer', content: body, metadata: {} })
    expect(readFileSync(path.join(directory, 'b', 'direct', 'buffer._S3rver_object')).equals(body)).toBe(true)
    await store.putObject({
      bucket: 'b',
      key: 'direct/stream',
      content: Readable.from([body.subarray(0, 1000), body.subarray(1000)]),
      metadata: {}
    })
    expect(readFileSync(path.join(directory, 'b', 'direct', 'stream._S3rver_object')).equals(body)).toBe(true)
  })

  it('serves what a PUT, a copy and a multipart upload wrote, lists it and deletes it', async () => {
    const body = randomBytes(100_000)
    for (let i = 0; i < 3; i++) {
      await client.send(new PutObjectCommand({ Bucket: 'b', Key: `dir/put-${i}`, Body: body }))
      expect((await read(`dir/put-${i}`)).equals(body)).toBe(true)
      await client.send(new CopyObjectCommand({ Bucket: 'b', Key: `other/copy-${i}`, CopySource: `b/dir/put-${i}` }))
      expect((await read(`other/copy-${i}`)).equals(body)).toBe(true)
    }
    const part = randomBytes(5 * 1024 * 1024)
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: 'b', Key: 'multi' }))
    const { ETag } = await client.send(new UploadPartCommand({ Bucket: 'b', Key: 'multi', UploadId, PartNumber: 1, Body: part }))
    await client.send(
      new CompleteMultipartUploadCommand({ Bucket: 'b', Key: 'multi', UploadId, MultipartUpload: { Parts: [{ ETag, PartNumber: 1 }] } })
    )
    expect((await read('multi')).equals(part)).toBe(true)

    await client.send(new DeleteObjectCommand({ Bucket: 'b', Key: 'dir/put-0' }))
    const listed = await client.send(new ListObjectsV2Command({ Bucket: 'b', Prefix: 'dir/' }))
    expect(listed.Contents?.map((object) => [object.Key, object.Size])).toEqual([
      ['dir/put-1', body.length],
      ['dir/put-2', body.length]
    ])
    await expect(read('dir/put-0')).rejects.toMatchObject({ name: 'NoSuchKey' })
  })

  it('deletes keys that share a folder in one DeleteObjects, answered at the first attempt', async () => {
    // Unpatched, the second key's delete finds the folder the first one removed, and the request fails with a 404
    // that the SDK retries: attempts is 2.
    const keys = ['claims-like/.claims/c-1', 'claims-like/.claims/t-1', 'claims-like/.claims/t-2']
    for (const Key of keys) await client.send(new PutObjectCommand({ Bucket: 'b', Key, Body: 'x' }))
    const deleted = await client.send(
      new DeleteObjectsCommand({ Bucket: 'b', Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } })
    )
    expect(deleted.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 1 })
    const listed = await client.send(new ListObjectsV2Command({ Bucket: 'b', Prefix: 'claims-like/' }))
    expect(listed.Contents ?? []).toEqual([])
  })
})

// Objects planted in s3rver's files must read back over S3 as if a PUT had written them: listed past one page,
// with their bytes, Content-Type and an ETag that is their MD5. A change of s3rver's store layout fails here.
import { afterAll, describe, expect, it } from '@jest/globals'
import { HeadObjectCommand } from '@aws-sdk/client-s3'
import { createHash } from 'node:crypto'
import { bucket, uniquePrefix } from './helpers.js'
import { listKeys, outsideClient, readObject } from './outside-client.js'
import { s3rverSeeder } from './s3rver-seed.js'

const client = outsideClient()
afterAll(() => client.destroy())

describe('objects seeded into s3rver', () => {
  it('read back over S3 as written: listed, with their bytes, Content-Type and MD5 ETag', async () => {
    // Defined in the s3rver project, the only one this file runs in.
    const seed = s3rverSeeder()
    if (!seed) throw new Error('s3rverSeeder: this run has no s3rver data directory (TEST_S3RVER_DIRECTORY)')
    const prefix = uniquePrefix('seed')
    const objects = Array.from({ length: 1003 }, (_, i) => ({
      key: `${prefix}${i % 2 ? 'deep/er/' : ''}o${String(i).padStart(4, '0')}.txt`,
      body: Buffer.from(`object ${i} ${'x'.repeat(i % 7)}`),
      contentType: i % 3 ? 'text/plain' : 'application/json'
    }))
    seed(objects)
    expect(await listKeys(client, prefix)).toEqual(objects.map((object) => object.key).sort())
    for (const { key, body, contentType } of [objects[0]!, objects[1]!, objects[1002]!]) {
      expect((await readObject(client, key))!.equals(body)).toBe(true)
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket(), Key: key }))
      expect(head).toMatchObject({ ContentType: contentType, ContentLength: body.length })
      expect(head.ETag).toBe(`"${createHash('md5').update(body).digest('hex')}"`)
    }
  })
})

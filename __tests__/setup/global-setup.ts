// One s3rver for the whole run: loopback only, data in a temp dir, gone when jest exits.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import S3rver from 's3rver'

export const TEST_BUCKET = 'assets'

export default async function globalSetup(): Promise<void> {
  const directory = mkdtempSync(path.join(tmpdir(), 's3rver-'))
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    resetOnClose: true,
    configureBuckets: [{ name: TEST_BUCKET, configs: [] }]
  })
  const { port } = (await server.run()) as { port: number }
  ;(globalThis as Record<string, unknown>).__S3RVER__ = server
  process.env.TEST_S3_ENDPOINT = `http://127.0.0.1:${port}`
  process.env.TEST_S3_BUCKET = TEST_BUCKET
}

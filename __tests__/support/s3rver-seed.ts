// Large fixtures written straight into s3rver's data directory, in the layout of its FilesystemStore (s3rver
// 3.7.1, lib/stores/filesystem.js): for a key `a/b/c`, the files `a/b/c._S3rver_object` (the body),
// `c._S3rver_object.md5` (its MD5 in hex, the ETag) and `c._S3rver_metadata.json` (the Content-Type) under the
// bucket's folder. A test that needs a thousand objects to exist, not the writes that made them, plants them here
// for a few milliseconds instead of a thousand PUTs (~4 s of a run); everything it then tests still goes over
// HTTP. The s3rver-seed test reads seeded objects back through S3 so a change of s3rver's layout fails there.
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { bucket, s3Server } from './helpers.js'

export interface SeedObject {
  readonly key: string
  readonly body: Buffer
  readonly contentType: string
}

/** Writes the objects into the test bucket of this run's s3rver; undefined when the project's S3 is not s3rver. */
export function s3rverSeeder(): ((objects: readonly SeedObject[]) => void) | undefined {
  const directory = process.env.TEST_S3RVER_DIRECTORY
  if (s3Server() !== 's3rver' || !directory) return undefined
  return (objects) => {
    for (const { key, body, contentType } of objects) {
      const parts = key.split('/')
      const folder = path.join(directory, bucket(), ...parts.slice(0, -1))
      const base = path.join(folder, parts.at(-1)!)
      mkdirSync(folder, { recursive: true })
      writeFileSync(`${base}._S3rver_object`, body)
      writeFileSync(`${base}._S3rver_object.md5`, createHash('md5').update(body).digest('hex'))
      writeFileSync(`${base}._S3rver_metadata.json`, JSON.stringify({ 'content-type': contentType }))
    }
  }
}

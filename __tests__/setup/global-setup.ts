// What the whole run shares: one root for its temporary files, an empty git repository to copy, and s3rver on
// loopback (data in a temp dir, gone when jest exits). moto (`moto_server`, a second, more faithful S3; see
// bench/moto-server.mjs) is started by the moto project's own setup (start-moto.ts). Each jest project points the
// helpers at one of them (__tests__/setup/use-<server>.ts).
import { mkdtempSync } from 'node:fs'
import path from 'node:path'
import S3rver from 's3rver'
import { makeGitTemplate } from './git-template.mjs'
import { makeS3rverDeletesTolerateEachOther, makeS3rverFileCallsSynchronous } from './s3rver-sync-fs.mjs'
import { TEST_BUCKET } from './test-bucket.mjs'
import { createTestRoot } from './test-root.mjs'

/**
 * s3rver formats a log line for every request (koa-logger with chalk, then winston's format pipeline) even when
 * silent, where the transport drops it at the end: ~1.5 s of the jest parent's CPU over a run, the process that
 * serves every request. The logger is the first middleware s3rver installs; a pass-through takes its place.
 */
function skipRequestLog(server: S3rver): void {
  const middleware = (server as unknown as { middleware: Array<(ctx: unknown, next: () => Promise<void>) => Promise<void>> }).middleware
  if (middleware[0]?.name !== 'logger') throw new Error("global-setup: s3rver's first middleware is no longer koa-logger; s3rver changed")
  middleware[0] = (_ctx, next) => next()
}

export default async function globalSetup(): Promise<void> {
  // Every temporary directory of the run (tests, steps, git, the servers' data) goes under one root (test-root.mjs).
  const root = createTestRoot()
  process.env.SAM_TEST_ROOT = root
  process.env.TMPDIR = root
  process.env.SAM_TEST_GIT_TEMPLATE = makeGitTemplate(mkdtempSync(path.join(root, 'git-template-')))
  const directory = mkdtempSync(path.join(root, 's3rver-'))
  makeS3rverFileCallsSynchronous()
  makeS3rverDeletesTolerateEachOther()
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    // Not resetOnClose: its data is under the run's root, which teardown removes whole (~0.3 s saved on ~1 GB), or
    // keeps with SAM_KEEP_TEST_FILES=1, objects included, for a look after a failure.
    configureBuckets: [{ name: TEST_BUCKET, configs: [] }]
  })
  skipRequestLog(server)
  const { port } = (await server.run()) as { port: number }
  const globals = globalThis as Record<string, unknown>
  globals.__S3RVER__ = server
  process.env.TEST_S3RVER_ENDPOINT = `http://127.0.0.1:${port}`
  process.env.TEST_S3_BUCKET = TEST_BUCKET
  // Where s3rver keeps its objects: support/s3rver-seed.ts writes large fixtures there directly.
  process.env.TEST_S3RVER_DIRECTORY = directory
  // moto starts in the moto project's own global setup (start-moto.ts), only when its files run.
}

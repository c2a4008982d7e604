// The S3 servers for the whole run, on loopback only: s3rver (data in a temp dir, gone when jest exits) and
// moto (`moto_server`, a second, more faithful S3; see bench/moto-server.mjs). Each jest project points the
// helpers at one of them (__tests__/setup/use-<server>.ts).
import { mkdtempSync } from 'node:fs'
import path from 'node:path'
import S3rver from 's3rver'
import { motoInstalled, startMoto } from '../../bench/moto-server.mjs'
import { makeGitTemplate } from './git-template.mjs'
import { createTestRoot } from './test-root.mjs'

export const TEST_BUCKET = 'assets'

export default async function globalSetup(): Promise<void> {
  // Every temporary directory of the run (tests, steps, git, the servers' data) goes under one root (test-root.mjs).
  const root = createTestRoot()
  process.env.SAM_TEST_ROOT = root
  process.env.TMPDIR = root
  process.env.SAM_TEST_GIT_TEMPLATE = makeGitTemplate(mkdtempSync(path.join(root, 'git-template-')))
  const directory = mkdtempSync(path.join(root, 's3rver-'))
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    resetOnClose: true,
    configureBuckets: [{ name: TEST_BUCKET, configs: [] }]
  })
  const { port } = (await server.run()) as { port: number }
  const globals = globalThis as Record<string, unknown>
  globals.__S3RVER__ = server
  process.env.TEST_S3RVER_ENDPOINT = `http://127.0.0.1:${port}`
  process.env.TEST_S3_BUCKET = TEST_BUCKET
  // Without moto_server outside CI, jest.config.js has left the moto project out and said how to install it.
  if (!motoInstalled() && process.env.CI !== 'true') return
  // Two moto servers: one open, for every S3 test; one checking credentials, for the tests about credentials.
  const [moto, motoAuth] = await Promise.all([startMoto({ bucket: TEST_BUCKET }), startMoto({ bucket: TEST_BUCKET, auth: true })])
  globals.__MOTO__ = [moto, motoAuth]
  process.env.TEST_MOTO_ENDPOINT = moto.endpoint
  process.env.TEST_MOTO_ACCESS_KEY = moto.keys.accessKeyId
  process.env.TEST_MOTO_SECRET_KEY = moto.keys.secretAccessKey
  process.env.TEST_MOTO_AUTH_ENDPOINT = motoAuth.endpoint
  process.env.TEST_MOTO_AUTH_ACCESS_KEY = motoAuth.keys.accessKeyId
  process.env.TEST_MOTO_AUTH_SECRET_KEY = motoAuth.keys.secretAccessKey
}

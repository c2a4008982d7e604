import type { Server } from 'node:http'
import { releaseTestRoot } from './test-root.mjs'

export default async function globalTeardown(): Promise<void> {
  const globals = globalThis as Record<string, unknown>
  const s3rver = globals.__S3RVER__ as { httpServer?: Server; close(): Promise<void> } | undefined
  // A keep-alive connection a test left open would hold close() for ever when the tests ran in this process (one
  // file alone, or `jest -i`): their clients are here, and no worker's exit ends them.
  s3rver?.httpServer?.closeAllConnections()
  await s3rver?.close()
  const root = process.env.SAM_TEST_ROOT
  if (!root) return
  releaseTestRoot(root)
}

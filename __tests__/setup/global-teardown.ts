import { releaseTestRoot } from './test-root.mjs'

export default async function globalTeardown(): Promise<void> {
  const globals = globalThis as Record<string, unknown>
  await (globals.__S3RVER__ as { close(): Promise<void> } | undefined)?.close()
  const root = process.env.SAM_TEST_ROOT
  if (!root) return
  releaseTestRoot(root)
}

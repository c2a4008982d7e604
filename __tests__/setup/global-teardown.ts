import { rmSync } from 'node:fs'

export default async function globalTeardown(): Promise<void> {
  const globals = globalThis as Record<string, unknown>
  await (globals.__S3RVER__ as { close(): Promise<void> } | undefined)?.close()
  await Promise.all(((globals.__MOTO__ as { stop(): Promise<void> }[] | undefined) ?? []).map((server) => server.stop()))
  const root = process.env.SAM_TEST_ROOT
  if (!root) return
  if (process.env.SAM_KEEP_TEST_FILES === '1') console.log(`SAM_KEEP_TEST_FILES: the run's files are kept in ${root}`)
  else rmSync(root, { recursive: true, force: true, maxRetries: 3 })
}

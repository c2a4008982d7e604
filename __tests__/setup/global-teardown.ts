export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as Record<string, unknown>).__S3RVER__ as { close(): Promise<void> } | undefined
  await server?.close()
}

// Global teardown of the moto project: stops what start-moto.ts started (it runs only when that did).
export default async function stopMotoServers(): Promise<void> {
  const servers = ((globalThis as Record<string, unknown>).__MOTO__ as { stop(): Promise<void> }[] | undefined) ?? []
  await Promise.all(servers.map((server) => server.stop()))
}

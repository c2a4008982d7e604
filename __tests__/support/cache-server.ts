// A small GitHub Actions cache service (the v1 protocol @actions/cache speaks when ACTIONS_CACHE_URL is
// set) on loopback, so the real library is exercised end to end: lookup, reserve, chunked upload, commit,
// download. `mode` simulates a read-only token (forks) or rate limiting for saves.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

interface Entry {
  id: number
  key: string
  version: string
  chunks: { start: number; data: Buffer }[]
  committed: boolean
}

export class FakeCacheService {
  readonly entries: Entry[] = []
  readonly log: string[] = []
  mode: 'normal' | 'read-only' | 'rate-limited' = 'normal'
  private server?: Server
  private base = ''

  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response))
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`
    return this.base
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server!.close(() => resolve()))
  }

  archive(entry: Entry): Buffer {
    return Buffer.concat([...entry.chunks].sort((a, b) => a.start - b.start).map((chunk) => chunk.data))
  }

  private async handle(request: IncomingMessage, response: import('node:http').ServerResponse): Promise<void> {
    const body = await new Promise<Buffer>((resolve) => {
      const parts: Buffer[] = []
      request.on('data', (part) => parts.push(part))
      request.on('end', () => resolve(Buffer.concat(parts)))
    })
    const url = new URL(request.url!, this.base)
    this.log.push(`${request.method} ${url.pathname}`)
    const json = (status: number, data?: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(data === undefined ? '' : JSON.stringify(data))
    }
    // The archive location is a pre-signed URL in the real service: fetched without the runtime token.
    if (!url.pathname.startsWith('/_download/') && request.headers.authorization !== 'Bearer test-runtime-token') {
      return json(401, { message: 'no token' })
    }
    const path = url.pathname
    if (request.method === 'GET' && path === '/_apis/artifactcache/cache') {
      const keys = (url.searchParams.get('keys') ?? '').split(',')
      const version = url.searchParams.get('version')
      for (const [index, key] of keys.entries()) {
        const match = this.entries
          .filter((e) => e.committed && e.version === version && (index === 0 ? e.key === key : e.key.startsWith(key)))
          .sort((a, b) => b.id - a.id)[0]
        if (match) return json(200, { cacheKey: match.key, scope: 'refs/heads/main', archiveLocation: `${this.base}_download/${match.id}` })
      }
      return json(204)
    }
    if (request.method === 'POST' && path === '/_apis/artifactcache/caches') {
      if (this.mode === 'read-only') return json(403, { message: 'Cache writes are not allowed for this token (read-only).' })
      if (this.mode === 'rate-limited') return json(429, { message: 'Rate limited' })
      const { key, version } = JSON.parse(body.toString()) as { key: string; version: string }
      if (this.entries.some((e) => e.key === key && e.version === version)) return json(409, { message: `Cache already exists: ${key}` })
      const entry: Entry = { id: this.entries.length + 1, key, version, chunks: [], committed: false }
      this.entries.push(entry)
      return json(201, { cacheId: entry.id })
    }
    const chunk = /^\/_apis\/artifactcache\/caches\/(\d+)$/.exec(path)
    if (chunk) {
      const entry = this.entries.find((e) => e.id === Number(chunk[1]))
      if (!entry) return json(404, { message: 'no such cache' })
      if (request.method === 'PATCH') {
        const start = Number(/bytes (\d+)-/.exec(String(request.headers['content-range']))?.[1] ?? 0)
        entry.chunks.push({ start, data: body })
        return json(204)
      }
      if (request.method === 'POST') {
        entry.committed = true
        return json(204)
      }
    }
    const download = /^\/_download\/(\d+)$/.exec(path)
    if (request.method === 'GET' && download) {
      const entry = this.entries.find((e) => e.id === Number(download[1]))!
      const archive = this.archive(entry)
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': archive.length })
      response.end(archive)
      return
    }
    json(404, { message: `unknown ${request.method} ${path}` })
  }
}

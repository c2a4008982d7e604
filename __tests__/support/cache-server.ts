// A GitHub Actions cache service on loopback, so the real @actions/cache library is exercised end to end in
// both protocols it speaks:
//
// - v1 (ACTIONS_CACHE_URL; GitHub retired it in 2025, GHES still speaks it): REST calls under
//   /_apis/artifactcache — lookup, reserve, chunked PATCH upload, commit — and a plain GET of the archive.
// - v2 (ACTIONS_CACHE_SERVICE_V2 + ACTIONS_RESULTS_URL; what github.com's hosted runners speak today): three
//   Twirp JSON calls under /twirp/github.actions.results.api.v1.CacheService/, which hand out signed Azure
//   Blob Storage URLs; the archive itself then goes straight to blob storage through @azure/storage-blob
//   (one Put Blob up to 128 MiB, else Put Block + Put Block List) and comes back through the same SDK
//   (Get Blob Properties, then 4 MiB ranged Get Blob calls in parallel).
//
// @actions/cache only takes the SDK download path for hosts ending in `.blob.core.windows.net`, so the signed
// URLs name such a host and the test process reaches it through this server acting as the HTTP proxy
// (`HTTP_PROXY`, which the Azure SDK honours); nothing leaves loopback. Which GitHub behaviour each answer
// stands for is said beside it; what had to be guessed is marked GUESS.
import { createHmac } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type CacheProtocol = 'v1' | 'v2'

interface Entry {
  id: number
  key: string
  version: string
  /** v1: PATCHed chunks by offset; v2: the committed blob as one chunk. */
  chunks: { start: number; data: Buffer }[]
  committed: boolean
  /** v2: blocks staged by Put Block, by block id, until Put Block List commits them. */
  staged: Map<string, Buffer>
  blobCommitted: boolean
}

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.CacheService/'
const BLOB_HOST = 'fakeaccount.blob.core.windows.net'
const TOKEN = 'test-runtime-token'
const SAS_SECRET = 'fake-sas-secret'

export class FakeCacheService {
  readonly entries: Entry[] = []
  /** Every request as `METHOD path[?comp=…]`, blob requests prefixed with `blob `. */
  readonly log: string[] = []
  /** read-only: the token of a pull request from a fork; rate-limited: too many requests. */
  mode: 'normal' | 'read-only' | 'rate-limited' = 'normal'
  private server?: Server
  private base = ''

  constructor(readonly protocol: CacheProtocol = 'v1') {}

  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response))
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`
    return this.base
  }

  stop(): Promise<void> {
    this.server!.closeAllConnections()
    return new Promise((resolve) => this.server!.close(() => resolve()))
  }

  /** The variables a runner sets for a job that may use the cache with this protocol. */
  runnerEnv(): Record<string, string> {
    const common = { ACTIONS_RUNTIME_TOKEN: TOKEN, GITHUB_REF: 'refs/heads/main', GITHUB_SERVER_URL: 'https://github.com' }
    if (this.protocol === 'v1') return { ...common, ACTIONS_CACHE_URL: this.base }
    // Only the blob host goes through the proxy: @actions/http-client never proxies loopback addresses.
    const proxy = { HTTP_PROXY: this.base, http_proxy: this.base, HTTPS_PROXY: '', https_proxy: '', NO_PROXY: '', no_proxy: '' }
    return { ...common, ...proxy, ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: this.base }
  }

  archive(entry: Entry): Buffer {
    return Buffer.concat([...entry.chunks].sort((a, b) => a.start - b.start).map((chunk) => chunk.data))
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await new Promise<Buffer>((resolve) => {
      const parts: Buffer[] = []
      request.on('data', (part: Buffer) => parts.push(part))
      request.on('end', () => resolve(Buffer.concat(parts)))
    })
    // A proxied request carries an absolute URL; a direct one only a path.
    const url = new URL(request.url!, this.base)
    if (url.hostname === BLOB_HOST) return this.handleBlob(request, response, url, body)
    this.log.push(`${request.method} ${url.pathname}`)
    const json = (status: number, data?: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(data === undefined ? '' : JSON.stringify(data))
    }
    // The archive location is a pre-signed URL in the real service: fetched without the runtime token.
    if (!url.pathname.startsWith('/_download/') && request.headers.authorization !== `Bearer ${TOKEN}`) {
      return this.protocol === 'v2' ? json(401, { code: 'unauthenticated', msg: 'no token' }) : json(401, { message: 'no token' })
    }
    if (this.protocol === 'v2') return this.handleTwirp(request, url, body, json)
    return this.handleV1(request, response, url, body, json)
  }

  private handleV1(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    body: Buffer,
    json: (status: number, data?: unknown) => void
  ): void {
    const path = url.pathname
    if (request.method === 'GET' && path === '/_apis/artifactcache/cache') {
      const keys = (url.searchParams.get('keys') ?? '').split(',')
      const version = url.searchParams.get('version') ?? ''
      const match = this.lookup(keys, version)
      if (match) return json(200, { cacheKey: match.key, scope: 'refs/heads/main', archiveLocation: `${this.base}_download/${match.id}` })
      return json(204)
    }
    if (request.method === 'POST' && path === '/_apis/artifactcache/caches') {
      if (this.mode === 'read-only') return json(403, { message: 'Cache writes are not allowed for this token (read-only).' })
      if (this.mode === 'rate-limited') return json(429, { message: 'Rate limited' })
      const { key, version } = JSON.parse(body.toString()) as { key: string; version: string }
      if (this.entries.some((e) => e.key === key && e.version === version)) return json(409, { message: `Cache already exists: ${key}` })
      return json(201, { cacheId: this.create(key, version).id })
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

  /** Exact primary key first, then each restore key as a prefix, newest entry first; committed entries of this version only. */
  private lookup(keys: string[], version: string): Entry | undefined {
    for (const [index, key] of keys.entries()) {
      const match = this.entries
        .filter((e) => e.committed && e.version === version && (index === 0 ? e.key === key : e.key.startsWith(key)))
        .sort((a, b) => b.id - a.id)[0]
      if (match) return match
    }
    return undefined
  }

  private create(key: string, version: string): Entry {
    const entry: Entry = {
      id: this.entries.length + 1,
      key,
      version,
      chunks: [],
      committed: false,
      staged: new Map(),
      blobCommitted: false
    }
    this.entries.push(entry)
    return entry
  }

  private signedUrl(entry: Entry, permissions: 'r' | 'cw'): string {
    const path = `/actions-cache/${entry.id}`
    const sig = createHmac('sha256', SAS_SECRET).update(`${permissions}:${path}`).digest('base64')
    const query = new URLSearchParams({ sv: '2024-11-04', sp: permissions, se: '2099-01-01T00:00:00Z', sr: 'b', sig })
    return `http://${BLOB_HOST}${path}?${query.toString()}`
  }

  private handleTwirp(request: IncomingMessage, url: URL, body: Buffer, json: (status: number, data?: unknown) => void): void {
    if (request.method !== 'POST' || !url.pathname.startsWith(TWIRP_PREFIX)) return json(404, { code: 'bad_route', msg: url.pathname })
    const method = url.pathname.slice(TWIRP_PREFIX.length)
    // The client sends protobuf field names (useProtoFieldName: size_bytes, restore_keys). GUESS: GitHub answers as
    // a Go Twirp v8 server does by default, proto names with every field present (it accepts camelCase too).
    const message = JSON.parse(body.toString() || '{}') as Record<string, unknown>
    const key = String(message.key ?? '')
    const version = String(message.version ?? '')
    if (method === 'GetCacheEntryDownloadURL') {
      const restoreKeys = (message.restore_keys as string[] | undefined) ?? []
      const match = this.lookup([key, ...restoreKeys], version)
      if (!match) return json(200, { ok: false, signed_download_url: '', matched_key: '' })
      return json(200, { ok: true, signed_download_url: this.signedUrl(match, 'r'), matched_key: match.key })
    }
    if (method === 'CreateCacheEntry') {
      // A read-only token (pull requests from forks) is refused with HTTP 200, ok=false and this message prefix,
      // which @actions/cache 6 turns into a warning (CacheWriteDeniedError).
      if (this.mode === 'read-only')
        return json(200, { ok: false, signed_upload_url: '', message: 'cache write denied: token has no writable scopes' })
      // GUESS: the body of GitHub's 429; the client only reads the status (and Retry-After) for it.
      if (this.mode === 'rate-limited') return json(429, { code: 'resource_exhausted', msg: 'Rate limited' })
      // An entry with the same key and version exists (or is being uploaded by another job): Twirp already_exists,
      // the exact message hosted runners print.
      if (this.entries.some((e) => e.key === key && e.version === version)) {
        return json(409, { code: 'already_exists', msg: 'cache entry with the same key, version, and scope already exists' })
      }
      return json(200, { ok: true, signed_upload_url: this.signedUrl(this.create(key, version), 'cw'), message: '' })
    }
    if (method === 'FinalizeCacheEntryUpload') {
      const entry = this.entries.find((e) => e.key === key && e.version === version && !e.committed)
      // GUESS: how GitHub answers a finalize without an upload or with a size that does not match the blob.
      if (!entry || !entry.blobCommitted) return json(200, { ok: false, entry_id: '0', message: `no uploaded cache entry ${key}` })
      if (String(this.archive(entry).length) !== String(message.size_bytes))
        return json(200, { ok: false, entry_id: '0', message: `size ${String(message.size_bytes)} does not match the uploaded blob` })
      entry.committed = true
      // int64 fields are strings in protobuf JSON.
      return json(200, { ok: true, entry_id: String(entry.id), message: '' })
    }
    json(404, { code: 'bad_route', msg: `no method ${method}` })
  }

  /** The subset of the Blob service REST API that @azure/storage-blob uses for @actions/cache's uploads and downloads. */
  private handleBlob(request: IncomingMessage, response: ServerResponse, url: URL, body: Buffer): void {
    const comp = url.searchParams.get('comp')
    const rangeHeader = request.headers['x-ms-range'] ?? request.headers.range
    this.log.push(`blob ${request.method} ${url.pathname}${comp ? `?comp=${comp}` : ''}${rangeHeader ? ` ${String(rangeHeader)}` : ''}`)
    const fail = (status: number, code: string, text: string): void => {
      response.writeHead(status, { 'content-type': 'application/xml', 'x-ms-error-code': code, 'x-ms-request-id': 'fake' })
      response.end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${text}</Message></Error>`)
    }
    const id = /^\/actions-cache\/(\d+)$/.exec(url.pathname)?.[1]
    const entry = this.entries.find((e) => String(e.id) === id)
    if (!entry) return fail(404, 'BlobNotFound', 'The specified blob does not exist.')
    const writing = request.method === 'PUT'
    const permissions = writing ? 'cw' : 'r'
    const expected = createHmac('sha256', SAS_SECRET).update(`${permissions}:${url.pathname}`).digest('base64')
    if (url.searchParams.get('sp') !== permissions || url.searchParams.get('sig') !== expected) {
      return fail(403, 'AuthenticationFailed', 'Server failed to authenticate the request.')
    }
    const headers = {
      etag: `"0x${entry.id}"`,
      'last-modified': new Date(0).toUTCString(),
      'x-ms-request-id': 'fake',
      'x-ms-version': '2024-11-04'
    }
    if (writing) {
      if (entry.blobCommitted) return fail(409, 'BlobAlreadyExists', 'The specified blob already exists.')
      if (comp === 'block') {
        entry.staged.set(url.searchParams.get('blockid') ?? '', body)
      } else if (comp === 'blocklist') {
        const ids = [...body.toString().matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((m) => m[1]!)
        const missing = ids.find((blockId) => !entry.staged.has(blockId))
        if (missing !== undefined) return fail(400, 'InvalidBlockList', `The block ${missing} was not staged.`)
        entry.chunks = [{ start: 0, data: Buffer.concat(ids.map((blockId) => entry.staged.get(blockId)!)) }]
        entry.staged.clear()
        entry.blobCommitted = true
      } else if (comp === null && request.headers['x-ms-blob-type'] === 'BlockBlob') {
        entry.chunks = [{ start: 0, data: body }]
        entry.blobCommitted = true
      } else {
        return fail(400, 'UnsupportedQueryParameter', `PUT comp=${String(comp)}`)
      }
      response.writeHead(201, headers)
      response.end()
      return
    }
    if (!entry.blobCommitted) return fail(404, 'BlobNotFound', 'The specified blob does not exist.')
    const blob = this.archive(entry)
    const properties = { ...headers, 'x-ms-blob-type': 'BlockBlob', 'accept-ranges': 'bytes', 'content-type': 'application/octet-stream' }
    if (request.method === 'HEAD') {
      response.writeHead(200, { ...properties, 'content-length': blob.length })
      response.end()
      return
    }
    if (request.method !== 'GET') return fail(405, 'UnsupportedHttpVerb', String(request.method))
    const range = /^bytes=(\d+)-(\d*)$/.exec(String(rangeHeader ?? ''))
    if (!range) {
      response.writeHead(200, { ...properties, 'content-length': blob.length })
      response.end(blob)
      return
    }
    const start = Number(range[1])
    const end = Math.min(range[2] ? Number(range[2]) : blob.length - 1, blob.length - 1)
    if (start >= blob.length) return fail(416, 'InvalidRange', 'The range specified is invalid for the current size of the resource.')
    const part = blob.subarray(start, end + 1)
    response.writeHead(206, { ...properties, 'content-length': part.length, 'content-range': `bytes ${start}-${end}/${blob.length}` })
    response.end(part)
  }
}

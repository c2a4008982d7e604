// backend: actions-cache through the real @actions/cache library against FakeCacheService on loopback, once
// with the legacy v1 protocol (GHES) and once with v2 (github.com's hosted runners since 2025): the same
// behaviour is expected from both.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { FakeCacheService, type CacheProtocol } from '../support/cache-server.js'
import { commitAll, makeRepo, runAction, runMainThenPost, tempDir, writeFiles } from '../support/helpers.js'

describe.each<CacheProtocol>(['v1', 'v2'])('backend: actions-cache (cache service %s)', (protocol) => {
  const service = new FakeCacheService(protocol)
  beforeAll(() => service.start())
  afterAll(() => service.stop())
  beforeEach(() => {
    service.mode = 'normal'
  })

  // Every run gets its own RUNNER_TEMP, at a different depth each time, as separate jobs on different runners
  // would: entries must be found whatever the stage's absolute path was when they were saved.
  let runs = 0
  const runnerEnv = (): Record<string, string> => ({
    ...service.runnerEnv(),
    RUNNER_TEMP: path.join(tempDir('runner'), ...Array.from({ length: ++runs % 3 }, () => 'deeper'), '_temp')
  })

  it('is what auto picks inside GitHub Actions without a bucket; check → upload → check, then a code-hash hit', async () => {
    const repo = makeRepo({ 'src/a.js': '1', 'docs.md': 'd' })
    const workspace = repo.dir
    const inputs = { 'repo-path': repo.dir, 'code-hash-paths': 'src/**', prefix: 'web/' }
    const uploadEnv = runnerEnv()

    const miss = await runAction({ inputs: { ...inputs, mode: 'check', 'package-directory': 'out' }, env: runnerEnv(), cwd: workspace })
    expect(miss.code).toBe(0)
    expect(miss.outputs).toMatchObject({ found: 'false', location: `actions-cache://web/artifacts-${repo.commit}` })

    writeFiles(path.join(workspace, 'out'), { 'app.js': 'built app', 'nested/chunk.js': 'chunk', '.hidden': 'no' })
    const up = await runAction({ inputs: { ...inputs, mode: 'upload', 'package-directory': 'out' }, env: uploadEnv, cwd: workspace })
    expect(up.code).toBe(0)
    expect(up.stdout).not.toContain('::warning::')
    expect(up.outputs).toMatchObject({ files: '2', bytes: '14' })
    const keys = service.entries.map((e) => e.key)
    expect(keys).toEqual([`web/cache-${miss.outputs['code-hash']}`, `web/artifacts-${repo.commit}`])
    // The stage lived in RUNNER_TEMP and is gone; nothing was written into the workspace.
    expect(readdirSync(uploadEnv.RUNNER_TEMP!)).not.toContain('.s3-asset-manager-stage')
    expect(existsSync(path.join(workspace, '.s3-asset-manager-stage'))).toBe(false)

    const hit = await runAction({ inputs: { ...inputs, mode: 'check', 'package-directory': 'out2' }, env: runnerEnv(), cwd: workspace })
    expect(hit.outputs).toMatchObject({ found: 'true', source: 'commit' })
    expect(existsSync(path.join(workspace, 'out2', '.found'))).toBe(true)
    expect(existsSync(path.join(workspace, 'out2', 'app.js'))).toBe(false) // lookup only

    const next = commitAll(repo.dir, 'docs', { 'docs.md': 'changed' })
    const promoted = await runAction({
      inputs: { ...inputs, mode: 'check', 'package-directory': 'out3', download: 'true' },
      env: runnerEnv(),
      cwd: workspace
    })
    expect(promoted.outputs).toMatchObject({ found: 'true', source: 'cache', 'commit-hash': next, files: '2' })
    expect(readFileSync(path.join(workspace, 'out3', 'nested', 'chunk.js'), 'utf8')).toBe('chunk')
    expect(existsSync(path.join(workspace, 'out3', '.hidden'))).toBe(false)
    // The promotion is a small entry naming the code-hash entry: the data was saved once.
    expect(service.entries.map((e) => e.key)).toEqual([...keys, `web/artifacts-${next}`])
    expect(service.archive(service.entries[2]!).length).toBeLessThanOrEqual(service.archive(service.entries[0]!).length)

    const again = await runAction({
      inputs: { ...inputs, mode: 'check', 'package-directory': 'out4', download: 'true' },
      env: runnerEnv(),
      cwd: workspace
    })
    expect(again.outputs).toMatchObject({ found: 'true', source: 'commit', files: '2' })
    expect(readFileSync(path.join(workspace, 'out4', 'app.js'), 'utf8')).toBe('built app')
    if (protocol === 'v2') {
      // The archives went to blob storage in one Put Blob each and came back through the SDK: properties, then ranges.
      expect(service.log).toEqual(expect.arrayContaining(['blob PUT /actions-cache/1', 'blob HEAD /actions-cache/1']))
      expect(service.log.some((line) => /^blob GET \/actions-cache\/1 bytes=0-\d+$/.test(line))).toBe(true)
    }
  })

  it('mode: auto — the zero-config step: check in main, the post step saves, the next job hits', async () => {
    const repo = makeRepo({ 'src/a.js': '1' })
    const inputs = { mode: 'auto', 'repo-path': repo.dir, 'package-directory': 'dist', 'code-hash-paths': 'src/**' }
    const first = await runMainThenPost({
      inputs,
      env: runnerEnv(),
      cwd: repo.dir,
      build: () => writeFiles(path.join(repo.dir, 'dist'), { 'app.js': 'built' })
    })
    expect(first.main.outputs).toMatchObject({ found: 'false', location: `actions-cache://artifacts-${repo.commit}` })
    expect(first.post.code).toBe(0)
    expect(first.post.stdout).toContain('Uploaded 1 file to actions-cache://')
    const second = await runMainThenPost({
      inputs: { ...inputs, download: 'true', 'package-directory': 'again' },
      env: runnerEnv(),
      cwd: repo.dir
    })
    expect(second.main.outputs).toMatchObject({ found: 'true', source: 'commit', files: '1' })
    expect(readFileSync(path.join(repo.dir, 'again', 'app.js'), 'utf8')).toBe('built')
    expect(second.post.stdout).toContain('were found by the main step: nothing to upload.')
  })

  it('with a signing key a hit is verified; an entry signed with another key is a miss with a warning', async () => {
    const repo = makeRepo({ 'src/a.js': '1' })
    const inputs = { 'repo-path': repo.dir, 'package-directory': 'out', prefix: 'signed/', 'signing-key': 'k'.repeat(20) }
    writeFiles(path.join(repo.dir, 'out'), { 'app.js': 'signed build' })
    expect((await runAction({ inputs: { ...inputs, mode: 'upload' }, env: runnerEnv(), cwd: repo.dir })).code).toBe(0)
    const trusted = await runAction({
      inputs: { ...inputs, mode: 'check', download: 'true', 'package-directory': 'got' },
      env: runnerEnv(),
      cwd: repo.dir
    })
    expect(trusted.outputs).toMatchObject({ found: 'true', files: '1' })
    expect(readFileSync(path.join(repo.dir, 'got', 'app.js'), 'utf8')).toBe('signed build')
    const other = await runAction({
      inputs: { ...inputs, mode: 'check', 'package-directory': 'none', 'signing-key': 'x'.repeat(20) },
      env: runnerEnv(),
      cwd: repo.dir
    })
    expect(other.code).toBe(0)
    expect(other.outputs.found).toBe('false')
    expect(other.stdout).toMatch(
      /::warning::Not trusting the cache entry signed\/artifacts-[0-9a-f]{40}: its manifest is signed by an unknown key/
    )
  })

  it('an entry another run saved first is kept, not warned about, and the commit still gets its pointer', async () => {
    const repo = makeRepo({ 'src/a.js': '1', 'docs.md': 'd' })
    const inputs = { 'repo-path': repo.dir, 'code-hash-paths': 'src/**', 'package-directory': 'out' }
    writeFiles(path.join(repo.dir, 'out'), { 'app.js': 'built' })
    const first = await runAction({ inputs: { ...inputs, mode: 'upload' }, env: runnerEnv(), cwd: repo.dir })
    expect(first.code).toBe(0)
    const next = commitAll(repo.dir, 'docs', { 'docs.md': 'changed' })
    // Same code, new commit, upload without a check first: the code-hash entry exists and the service refuses it.
    const second = await runAction({ inputs: { ...inputs, mode: 'upload' }, env: runnerEnv(), cwd: repo.dir })
    expect(second.code).toBe(0)
    expect(second.stdout).not.toContain('::warning::')
    expect(second.stdout).toContain(`The cache entry cache-${first.outputs['code-hash']} already exists: keeping it.`)
    expect(service.entries.filter((e) => e.key === `cache-${first.outputs['code-hash']}`)).toHaveLength(1)
    const hit = await runAction({
      inputs: { ...inputs, mode: 'check', 'package-directory': 'got', download: 'true' },
      env: runnerEnv(),
      cwd: repo.dir
    })
    expect(hit.outputs).toMatchObject({ found: 'true', source: 'commit', 'commit-hash': next })
    expect(readFileSync(path.join(repo.dir, 'got', 'app.js'), 'utf8')).toBe('built')
  })

  it.each([
    ['read-only', protocol === 'v1' ? 'read-only' : 'cache write denied: token has no writable scopes'],
    ['rate-limited', 'Rate limited']
  ] as const)('a %s cache makes upload warn, not fail', async (mode, text) => {
    // A commit of its own: the cache service is shared by the file's tests, and each case must store anew.
    const repo = makeRepo({ 'src/a.js': `refused by a ${mode} cache` })
    service.mode = mode
    writeFiles(path.join(repo.dir, 'out'), { 'app.js': 'x' })
    const up = await runAction({
      inputs: { mode: 'upload', backend: 'actions-cache', 'repo-path': repo.dir, 'package-directory': 'out' },
      env: runnerEnv(),
      cwd: repo.dir
    })
    expect(up.code).toBe(0)
    expect(up.stdout).toContain('::warning::')
    expect(up.stdout).toContain(text)
  })

  it('apply refuses it with a clear message', async () => {
    const repo = makeRepo({ 'a.js': '1' })
    const config = path.join(tempDir('c'), 'assets.yml')
    writeFileSync(
      config,
      'config: { state: { backend: local, options: { stateFile: s.state } } }\ntools: [{ name: object, instanceID: x, options: { key: k, content: c } }]\n'
    )
    const run = await runAction({
      inputs: { mode: 'apply', backend: 'actions-cache', 'repo-path': repo.dir, config },
      env: runnerEnv(),
      cwd: repo.dir
    })
    expect(run.code).toBe(2)
    expect(run.stdout).toContain(
      "::error::backend 'actions-cache' keeps whole asset sets, not objects: apply needs backend s3, gcs or local"
    )
  })
})

// The blob half of v2, driven through @azure/storage-blob directly with small thresholds: @actions/cache only
// switches from one Put Blob to Put Block + Put Block List above 128 MiB, too big for a test archive.
describe('v2 cache service: the blob calls of @azure/storage-blob', () => {
  const service = new FakeCacheService('v2')
  let base: string
  beforeAll(async () => (base = await service.start()))
  afterAll(() => service.stop())

  const twirp = async (method: string, body: unknown): Promise<Record<string, string | boolean>> => {
    const response = await fetch(`${base}twirp/github.actions.results.api.v1.CacheService/${method}`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-runtime-token', 'content-type': 'application/json' },
      body: JSON.stringify(body)
    })
    return (await response.json()) as Record<string, string | boolean>
  }

  it('block uploads with a block list, finalize, then parallel ranged downloads', async () => {
    const { BlockBlobClient } = await import('@azure/storage-blob')
    const proxyOptions = { host: 'http://127.0.0.1', port: Number(new URL(base).port) }
    const data = Buffer.alloc(5 * 1024 * 1024 + 123)
    for (let i = 0; i < data.length; i++) data[i] = (i * 7919) % 251

    const created = await twirp('CreateCacheEntry', { key: 'k-blocks', version: 'v' })
    expect(created.ok).toBe(true)
    const uploader = new BlockBlobClient(String(created.signed_upload_url), undefined, { proxyOptions })
    await uploader.uploadData(data, { blockSize: 1024 * 1024, maxSingleShotSize: 1024 * 1024, concurrency: 3 })
    expect(service.log.filter((line) => line.endsWith('?comp=block'))).toHaveLength(6)
    expect(service.log.filter((line) => line.endsWith('?comp=blocklist'))).toHaveLength(1)

    // Not visible before it is finalized; a finalize naming the wrong size is refused.
    expect(await twirp('GetCacheEntryDownloadURL', { key: 'k-blocks', version: 'v' })).toMatchObject({ ok: false })
    expect((await twirp('FinalizeCacheEntryUpload', { key: 'k-blocks', version: 'v', size_bytes: '1' })).ok).toBe(false)
    expect(await twirp('FinalizeCacheEntryUpload', { key: 'k-blocks', version: 'v', size_bytes: String(data.length) })).toMatchObject({
      ok: true,
      entry_id: expect.stringMatching(/^\d+$/)
    })
    const found = await twirp('GetCacheEntryDownloadURL', { key: 'other', restore_keys: ['k-'], version: 'v' })
    expect(found).toMatchObject({ ok: true, matched_key: 'k-blocks' })

    // The upload URL cannot read and the download URL cannot write.
    const wrongWay = new BlockBlobClient(String(created.signed_upload_url), undefined, { proxyOptions })
    await expect(wrongWay.getProperties()).rejects.toMatchObject({ statusCode: 403 })
    const reader = new BlockBlobClient(String(found.signed_download_url), undefined, { proxyOptions })
    await expect(reader.upload(Buffer.from('x'), 1)).rejects.toMatchObject({ statusCode: 403 })

    const before = service.log.length
    expect((await reader.getProperties()).contentLength).toBe(data.length)
    const copy = await reader.downloadToBuffer(0, data.length, { blockSize: 1024 * 1024, concurrency: 4 })
    expect(copy.equals(data)).toBe(true)
    expect(service.log.slice(before).filter((line) => line.startsWith('blob GET /actions-cache/1 bytes='))).toHaveLength(6)

    // A second entry for the same key and version is refused as GitHub refuses it.
    const again = await fetch(`${base}twirp/github.actions.results.api.v1.CacheService/CreateCacheEntry`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-runtime-token', 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'k-blocks', version: 'v' })
    })
    expect(again.status).toBe(409)
    expect(await again.json()).toEqual({ code: 'already_exists', msg: 'cache entry with the same key, version, and scope already exists' })
  })
})

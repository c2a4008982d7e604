// backend: actions-cache through the real @actions/cache library against FakeCacheService on loopback.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { FakeCacheService } from '../support/cache-server.js'
import { commitAll, makeRepo, runDist, tempDir, writeFiles } from '../support/helpers.js'

describe('backend: actions-cache', () => {
  const service = new FakeCacheService()
  let cacheUrl: string
  beforeAll(async () => (cacheUrl = await service.start()))
  afterAll(() => service.stop())
  beforeEach(() => {
    service.mode = 'normal'
  })

  const runnerEnv = (): Record<string, string> => ({
    ACTIONS_CACHE_URL: cacheUrl,
    ACTIONS_RUNTIME_TOKEN: 'test-runtime-token',
    GITHUB_REF: 'refs/heads/main',
    RUNNER_TEMP: tempDir('runner-temp')
  })

  it('is what auto picks inside GitHub Actions without a bucket; check → upload → check, then a code-hash hit', async () => {
    const repo = makeRepo({ 'src/a.js': '1', 'docs.md': 'd' })
    const workspace = repo.dir
    const inputs = { 'repo-path': repo.dir, 'code-hash-paths': 'src/**', prefix: 'web/' }
    const env = runnerEnv()

    const miss = await runDist({ inputs: { ...inputs, mode: 'check', 'package-directory': 'out' }, env, cwd: workspace })
    expect(miss.code).toBe(0)
    expect(miss.outputs).toMatchObject({ found: 'false', location: `actions-cache://web/artifacts-${repo.commit}` })

    writeFiles(path.join(workspace, 'out'), { 'app.js': 'built app', 'nested/chunk.js': 'chunk', '.hidden': 'no' })
    const up = await runDist({ inputs: { ...inputs, mode: 'upload', 'package-directory': 'out' }, env, cwd: workspace })
    expect(up.code).toBe(0)
    expect(up.outputs).toMatchObject({ files: '2', bytes: '14' })
    const keys = service.entries.map((e) => e.key)
    expect(keys).toEqual([`web/cache-${miss.outputs['code-hash']}`, `web/artifacts-${repo.commit}`])
    expect(existsSync(path.join(workspace, '.s3-asset-manager-stage'))).toBe(false)

    const hit = await runDist({ inputs: { ...inputs, mode: 'check', 'package-directory': 'out2' }, env, cwd: workspace })
    expect(hit.outputs).toMatchObject({ found: 'true', source: 'commit' })
    expect(existsSync(path.join(workspace, 'out2', '.found'))).toBe(true)
    expect(existsSync(path.join(workspace, 'out2', 'app.js'))).toBe(false) // lookup only

    const next = commitAll(repo.dir, 'docs', { 'docs.md': 'changed' })
    const promoted = await runDist({
      inputs: { ...inputs, mode: 'check', 'package-directory': 'out3', download: 'true' },
      env,
      cwd: workspace
    })
    expect(promoted.outputs).toMatchObject({ found: 'true', source: 'cache', 'commit-hash': next, files: '2' })
    expect(readFileSync(path.join(workspace, 'out3', 'nested', 'chunk.js'), 'utf8')).toBe('chunk')
    expect(existsSync(path.join(workspace, 'out3', '.hidden'))).toBe(false)
    // The promotion is a small entry naming the code-hash entry: the data was saved once.
    expect(service.entries.map((e) => e.key)).toEqual([...keys, `web/artifacts-${next}`])
    expect(service.entries[2]!.chunks.reduce((n, c) => n + c.data.length, 0)).toBeLessThan(
      service.entries[0]!.chunks.reduce((n, c) => n + c.data.length, 0) + 1
    )

    const again = await runDist({
      inputs: { ...inputs, mode: 'check', 'package-directory': 'out4', download: 'true' },
      env,
      cwd: workspace
    })
    expect(again.outputs).toMatchObject({ found: 'true', source: 'commit', files: '2' })
    expect(readFileSync(path.join(workspace, 'out4', 'app.js'), 'utf8')).toBe('built app')
  })

  it.each([
    ['read-only', 'read-only'],
    ['rate-limited', 'Rate limited']
  ] as const)('a %s cache makes upload warn, not fail', async (mode, text) => {
    const repo = makeRepo({ 'src/a.js': '1' })
    service.mode = mode
    writeFiles(path.join(repo.dir, 'out'), { 'app.js': 'x' })
    const up = await runDist({
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
    const run = await runDist({
      inputs: { mode: 'apply', backend: 'actions-cache', 'repo-path': repo.dir, config },
      env: runnerEnv(),
      cwd: repo.dir
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      "::error::backend 'actions-cache' keeps whole asset sets, not objects: apply needs backend s3, gcs or local"
    )
  })
})

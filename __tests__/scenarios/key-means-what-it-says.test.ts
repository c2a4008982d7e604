// Issue "the key means what it says": a realistic npm-workspaces monorepo (packages/{api,web}/src, a build
// writing dist/), run through dist/index.js as a new user would run it, outside GitHub and on a runner. Each
// case is an ordinary set-up in which the skip decision used to be silently wrong. The store is a local
// directory (none of the cases depends on the store). SAM_TEST_DIST=<older dist/index.js> shows each failing.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { commitAll, makeRepo, runAction, tempDir, uniquePrefix, writeFiles } from '../support/helpers.js'

const MONOREPO = {
  'package.json': '{ "name": "monorepo", "workspaces": ["packages/*"] }\n',
  'package-lock.json': '{ "lockfileVersion": 3 }\n',
  'packages/api/package.json': '{ "name": "api" }\n',
  'packages/api/src/index.js': 'export const api = 1\n',
  'packages/web/package.json': '{ "name": "web" }\n',
  'packages/web/src/main.js': 'export const web = 1\n'
}

/** One local store for the file: each test under its own prefix. */
const root = tempDir('store')

function setup(extra: Record<string, string> = {}): {
  repo: ReturnType<typeof makeRepo>
  inputs: Record<string, string>
  build: (tag: string) => void
} {
  const repo = makeRepo(MONOREPO)
  const inputs = {
    backend: 'local',
    'local-dir': root,
    prefix: uniquePrefix('key'),
    'repo-path': repo.dir,
    'package-directory': path.join(repo.dir, 'dist'),
    'code-hash-paths': 'packages/*/src/** package-lock.json',
    ...extra
  }
  return { repo, inputs, build: (tag) => writeFiles(path.join(repo.dir, 'dist'), { 'bundle.js': `${tag}\n` }) }
}

describe('1. every pattern counts', () => {
  it('a typo in one of several patterns is an error naming it, not a hash of the others that serves an old build', async () => {
    const { repo, inputs } = setup({ 'code-hash-paths': 'packages/*/scr/** package-lock.json' })
    const check = await runAction({ inputs: { ...inputs, mode: 'check' } })
    expect(check.code).toBe(1)
    expect(check.stdout).toContain("The code-hash pattern 'packages/*/scr/**' matches no file under")
    expect(check.stdout).toContain("'?packages/*/scr/**'")
    expect(check.outputs.found).toBe('false')
    // The README's own example in a repository without src/: the same error, not a hash of the lock file.
    const readme = await runAction({ inputs: { ...inputs, mode: 'check', 'code-hash-paths': 'src/** package-lock.json' } })
    expect(readme.code).toBe(1)
    expect(readme.stdout).toContain("The code-hash pattern 'src/**' matches no file")
    void repo
  })

  it("a lock file of another package manager marked '?' may be missing", async () => {
    const { inputs } = setup({ 'code-hash-paths': 'packages/*/src/** package-lock.json ?yarn.lock ?pnpm-lock.yaml' })
    const check = await runAction({ inputs: { ...inputs, mode: 'check' } })
    expect(check.code).toBe(0)
    expect(check.outputs['code-hash']).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('2. the key decides a hit on both tiers', () => {
  it('a commit built with NODE_ENV=production is not found for NODE_ENV=development, and the miss says so', async () => {
    const { inputs, build } = setup({ 'code-hash-env': 'NODE_ENV' })
    const prod = { NODE_ENV: 'production' }
    expect((await runAction({ inputs: { ...inputs, mode: 'check' }, env: prod })).outputs.found).toBe('false')
    build('production bundle')
    expect((await runAction({ inputs: { ...inputs, mode: 'upload' }, env: prod })).outputs.source).toBe('upload')
    expect((await runAction({ inputs: { ...inputs, mode: 'check' }, env: prod })).outputs).toMatchObject({
      found: 'true',
      source: 'commit'
    })

    const dev = await runAction({
      inputs: { ...inputs, mode: 'check', download: 'true', 'package-directory': path.join(tempDir('ws'), 'dist') },
      env: { NODE_ENV: 'development' }
    })
    expect(dev.outputs.found).toBe('false')
    expect(dev.outputs['miss-reason']).toContain('the set stored for this commit was built under another key')
    expect(dev.outputs['miss-reason']).toContain('environment NODE_ENV changed')
    expect(dev.outputs['miss-reason']).not.toContain('production')
  })

  it('the development build replaces the commit set with a warning pointing at variant; each environment then hits its own', async () => {
    const { inputs, build } = setup({ 'code-hash-env': 'NODE_ENV' })
    build('production bundle')
    await runAction({ inputs: { ...inputs, mode: 'upload' }, env: { NODE_ENV: 'production' } })
    build('development bundle')
    const dev = await runAction({ inputs: { ...inputs, mode: 'upload' }, env: { NODE_ENV: 'development' } })
    expect(dev.outputs.source).toBe('upload')
    expect(dev.stdout).toContain('::warning::The set stored for commit')
    expect(dev.stdout).toContain("give each its own 'variant'")
    for (const [env, bundle] of [
      ['production', 'production bundle'],
      ['development', 'development bundle']
    ]) {
      const out = path.join(tempDir('ws'), 'dist')
      const hit = await runAction({
        inputs: { ...inputs, mode: 'check', download: 'true', 'package-directory': out },
        env: { NODE_ENV: env! }
      })
      expect(hit.outputs.found).toBe('true')
      expect(readFileSync(path.join(out, 'bundle.js'), 'utf8')).toBe(`${bundle}\n`)
    }
  })

  it('a newly added code-hash-env is named as added, not changed', async () => {
    const { repo, inputs, build } = setup()
    build('v1')
    await runAction({ inputs: { ...inputs, mode: 'upload' } })
    commitAll(repo.dir, 'api change', { 'packages/api/src/index.js': 'export const api = 2\n' })
    const check = await runAction({ inputs: { ...inputs, mode: 'check', 'code-hash-env': 'API_URL' }, env: { API_URL: 'x' } })
    expect(check.outputs['miss-reason']).toContain('code-hash-env API_URL added')
    expect(check.outputs['miss-reason']).not.toContain('API_URL changed')
  })
})

describe('3. the package directory is not the sources', () => {
  it("the default ./packages in an npm-workspaces monorepo is an error naming 'package-directory', the count and the first files", async () => {
    const { repo, inputs } = setup()
    const { 'package-directory': _given, ...rest } = inputs
    const check = await runAction({ inputs: { ...rest, mode: 'check' }, cwd: repo.dir })
    expect(check.code).toBe(1)
    expect(check.stdout).toContain("'package-directory' (its default, ./packages) 'packages' holds 2 tracked file(s)")
    expect(check.stdout).toContain('packages/api/src/index.js, packages/web/src/main.js')
    // Nothing was written into the sources.
    expect(existsSync(path.join(repo.dir, 'packages', '.s3-asset-manager.json'))).toBe(false)
  })

  it('a misspelt package-directory input is an error on check, as on upload', async () => {
    const { inputs } = setup()
    const { 'package-directory': dir, ...rest } = inputs
    const check = await runAction({ inputs: { ...rest, 'package-dir': dir!, mode: 'check' } })
    expect(check.code).toBe(2)
    expect(check.stdout).toContain("'package-dir' (INPUT_PACKAGE-DIR) is not an input of this action; did you mean 'package-directory'?")
  })
})

describe('4. a download leaves the package directory holding the set', () => {
  it('a stale file the set does not have is removed and named; files git tracks are kept with a warning', async () => {
    const { repo, inputs } = setup({ 'package-directory': 'public' })
    commitAll(repo.dir, 'robots', { 'public/robots.txt': 'tracked\n' })
    writeFiles(path.join(repo.dir, 'public'), { 'bundle.js': 'new\n' })
    expect((await runAction({ inputs: { ...inputs, mode: 'upload' }, cwd: repo.dir })).code).toBe(0)
    // The folder now also holds an older build's chunks, and a file added to git since.
    writeFiles(path.join(repo.dir, 'public'), { 'old-chunk-123.js': 'stale\n', 'nested/old.css': 'stale\n', 'legal.txt': 'tracked\n' })
    execFileSync('git', ['add', 'public/legal.txt'], { cwd: repo.dir })
    const hit = await runAction({ inputs: { ...inputs, mode: 'check', download: 'true' }, cwd: repo.dir })
    expect(hit.outputs.found).toBe('true')
    expect(hit.stdout).toContain('that the set does not have (nested/old.css, old-chunk-123.js)')
    expect(hit.stdout).toMatch(/::warning::.*holds 1 file the set does not have, kept because git tracks them \(legal\.txt\)/)
    const left = readdirSync(path.join(repo.dir, 'public')).filter((name) => !name.startsWith('.'))
    expect(left.sort()).toEqual(['bundle.js', 'legal.txt', 'robots.txt'])
  })
})

describe('8. auto outside GitHub', () => {
  it("'auto --run' checks, builds on a miss, uploads; the next run finds it and does not build", async () => {
    const { repo, inputs } = setup()
    const env = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase().replace(/-/g, '_')}`, value]))
    const build = `mkdir -p dist && echo built >> dist/bundle.js && echo ran >> ${path.join(repo.dir, 'builds.log')}`
    const first = await runAction({ args: ['auto', '--run', build], runner: false, cwd: repo.dir, env })
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/found=false[\s\S]*found=true\nsource=upload/)
    const second = await runAction({ args: ['auto', '--run', build], runner: false, cwd: repo.dir, env })
    expect(second.stdout).toContain('found=true')
    expect(readFileSync(path.join(repo.dir, 'builds.log'), 'utf8')).toBe('ran\n')
    const failing = await runAction({
      args: ['auto', '--run', 'exit 7'],
      runner: false,
      cwd: repo.dir,
      env: { ...env, INPUT_PREFIX: uniquePrefix('f') }
    })
    expect(failing.code).toBe(1)
    expect(failing.stderr).toContain('The build command exited with code 7: nothing was uploaded')
    const plain = await runAction({ args: ['auto'], runner: false, cwd: repo.dir, env })
    expect(plain.code).toBe(2)
    expect(plain.stderr).toContain("node dist/index.js auto --run 'npm ci && npm run build'")
  })
})

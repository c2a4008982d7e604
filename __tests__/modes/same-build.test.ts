// Issue "a hit means the same build, and a miss says why": the four situations where a hit served another
// build's output, each reproduced through dist/index.js (SAM_TEST_DIST=<older dist> shows them fail), and
// the miss explanations. s3rver for S3 and real local stores; real git repositories.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { groupSets } from '../../src/retention/inventory.js'
import { decide } from '../../src/retention/rules.js'
import { commitAll, makeRepo, ROOT, runAction, runMainThenPost, s3Inputs, tempDir, uniquePrefix, writeFiles } from '../support/helpers.js'
import { listKeys, outsideClient } from '../support/outside-client.js'

const client = outsideClient()
afterAll(() => client.destroy())

function clone(dir: string): string {
  const target = path.join(tempDir('clone'), 'repo')
  execFileSync('git', ['clone', '-q', dir, target])
  return target
}

describe('1. outputs are never inputs', () => {
  it("code-hash-paths '**' with package-directory dist inside the repository: the next commit's fresh checkout hits", async () => {
    const repo = makeRepo({ 'src/a.js': 'a\n', 'package.json': '{}\n' })
    const inputs = { ...s3Inputs(uniquePrefix('star')), 'code-hash-paths': '**', 'package-directory': 'dist', 'repo-path': '.' }
    const miss = await runAction({ inputs: { ...inputs, mode: 'check' }, cwd: repo.dir })
    expect(miss.outputs.found).toBe('false')
    writeFiles(path.join(repo.dir, 'dist'), { 'app.js': 'built' })
    const up = await runAction({ inputs: { ...inputs, mode: 'upload' }, cwd: repo.dir })
    expect(up.outputs['code-hash']).toBe(miss.outputs['code-hash'])

    // The next commit changes nothing the build reads; CI checks it out afresh.
    commitAll(repo.dir, 'docs only, empty')
    const next = await runAction({ inputs: { ...inputs, mode: 'check' }, cwd: clone(repo.dir) })
    expect(next.outputs).toMatchObject({ found: 'true', source: 'cache', 'code-hash': miss.outputs['code-hash'] })
  })

  it('the default local store inside the repository (outside GitHub) is not hashed: the next commit hits', async () => {
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    const env = { 'INPUT_CODE-HASH-PATHS': '**' }
    const first = await runAction({ args: ['check'], runner: false, cwd: repo.dir, env })
    expect(first.stdout).toContain('found=false')
    writeFiles(path.join(repo.dir, 'packages'), { 'app.js': 'built' })
    expect((await runAction({ args: ['upload'], runner: false, cwd: repo.dir, env })).code).toBe(0)
    expect(existsSync(path.join(repo.dir, '.asset-store'))).toBe(true)
    commitAll(repo.dir, 'empty')
    const next = await runAction({ args: ['check'], runner: false, cwd: repo.dir, env })
    expect(next.stdout).toContain('found=true')
    expect(next.stdout).toContain('source=cache')
  })
})

describe('3. another platform', () => {
  const windows = { RUNNER_OS: 'Windows', RUNNER_ARCH: 'X64' }
  const linux = { RUNNER_OS: 'Linux', RUNNER_ARCH: 'X64' }

  it('a set built on Windows is not a hit on Linux unless cross-platform; upload there writes nothing', async () => {
    const prefix = uniquePrefix('platform')
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'app.exe': 'windows build' })
    const inputs = { ...s3Inputs(prefix), 'repo-path': repo.dir, 'code-hash-paths': 'src/**' }
    expect((await runAction({ inputs: { ...inputs, mode: 'upload', 'package-directory': pkg }, env: windows })).code).toBe(0)

    const check = await runAction({ inputs: { ...inputs, mode: 'check', 'package-directory': tempDir('out') }, env: linux })
    expect(check.code).toBe(0)
    expect(check.outputs.found).toBe('false')
    expect(check.stdout).toContain('it was built on windows-x64 and this run builds on linux-x64')
    expect(check.stdout).toContain("Set 'variant'")
    expect(check.stdout).toContain("'cross-platform: true'")
    expect(check.outputs['miss-reason']).toBe('the stored set was built on windows-x64, not linux-x64')
    expect(check.summary).toContain('Why not found')

    const linuxBuild = tempDir('pkg')
    writeFiles(linuxBuild, { app: 'linux build' })
    const refused = await runAction({ inputs: { ...inputs, mode: 'upload', 'package-directory': linuxBuild }, env: linux })
    expect(refused.code).toBe(0)
    expect(refused.stdout).toContain('::warning::Not uploading to')
    expect((await listKeys(client, `${prefix}artifacts/${repo.commit}/`)).some((key) => key.endsWith('/app'))).toBe(false)

    const cross = await runAction({
      inputs: { ...inputs, mode: 'check', 'cross-platform': 'true', 'package-directory': tempDir('out') },
      env: linux
    })
    expect(cross.outputs).toMatchObject({ found: 'true', source: 'commit' })
  })

  it('two variants are stored side by side, each found by its own leg, in both tiers', async () => {
    const prefix = uniquePrefix('variants')
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    const inputs = { ...s3Inputs(prefix), 'repo-path': repo.dir, 'code-hash-paths': 'src/**' }
    for (const [variant, env] of [
      ['Windows-X64', windows],
      ['Linux-X64', linux]
    ] as const) {
      const pkg = tempDir('pkg')
      writeFiles(pkg, { 'built-on.txt': variant })
      const up = await runAction({ inputs: { ...inputs, variant, mode: 'upload', 'package-directory': pkg }, env })
      expect(up.outputs.location).toContain(`${prefix}variants/${variant}/artifacts/${repo.commit}/`)
    }
    const next = commitAll(repo.dir, 'empty')
    for (const [variant, env] of [
      ['Windows-X64', windows],
      ['Linux-X64', linux]
    ] as const) {
      const out = tempDir('out')
      const hit = await runAction({ inputs: { ...inputs, variant, mode: 'check', download: 'true', 'package-directory': out }, env })
      expect(hit.outputs).toMatchObject({ found: 'true', source: 'cache', 'commit-hash': next })
      expect(readFileSync(path.join(out, 'built-on.txt'), 'utf8')).toBe(variant)
    }
    // Without a variant the plain layout is unchanged: nothing there.
    expect((await runAction({ inputs: { ...inputs, mode: 'check' }, env: linux })).outputs.found).toBe('false')
  })

  it('prune keeps keep-last sets per variant', () => {
    const at = (days: number): Date => new Date(Date.UTC(2026, 0, 31 - days))
    const objects = ['Linux', 'Windows'].flatMap((variant) =>
      [1, 2, 3].map((age) => ({
        key: `p/variants/${variant}/artifacts/${String(age).repeat(40)}/.manifest.json`,
        size: 1,
        lastModified: at(age * 40)
      }))
    )
    const sets = groupSets(objects, 'p/')
    const dates = new Map(sets.map((set) => [set.root, { createdAt: set.newest }]))
    const kept = decide(sets, dates, { keepDays: 30, keepLast: 1, now: at(0), referenced: new Map(), legacySets: false })
      .filter((decision) => !decision.delete)
      .map((decision) => decision.set.root)
    expect(kept.sort()).toEqual([`p/variants/Linux/artifacts/${'1'.repeat(40)}/`, `p/variants/Windows/artifacts/${'1'.repeat(40)}/`])
  })
})

describe('2 and 4. what the build depends on besides files', () => {
  it('code-hash-env changes the key, and the miss says which variable changed (never its value)', async () => {
    const prefix = uniquePrefix('env')
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'app.js': 'production build' })
    const inputs = { ...s3Inputs(prefix), 'repo-path': repo.dir, 'code-hash-paths': 'src/**', 'code-hash-env': 'NODE_ENV API_URL' }
    const up = await runAction({ inputs: { ...inputs, mode: 'upload', 'package-directory': pkg }, env: { NODE_ENV: 'production' } })
    commitAll(repo.dir, 'empty')
    const dev = await runAction({ inputs: { ...inputs, mode: 'check' }, env: { NODE_ENV: 'development' } })
    expect(dev.outputs.found).toBe('false')
    expect(dev.outputs['code-hash']).not.toBe(up.outputs['code-hash'])
    expect(dev.outputs['miss-reason']).toContain('environment NODE_ENV changed')
    expect(dev.stdout).not.toContain('development')
    const empty = await runAction({ inputs: { ...inputs, mode: 'check' }, env: { NODE_ENV: 'production', API_URL: '' } })
    expect(empty.outputs['miss-reason']).toContain('environment API_URL changed') // unset and empty differ
    const prod = await runAction({ inputs: { ...inputs, mode: 'check' }, env: { NODE_ENV: 'production' } })
    expect(prod.outputs).toMatchObject({ found: 'true', source: 'cache', 'code-hash': up.outputs['code-hash'] })
  })

  it("the README's definition of the key, run by python, gives the key the action computed", async () => {
    const repo = makeRepo({ 'src/a.js': 'a\n', 'src/b.js': 'b\n' })
    const inputs = { backend: 'local', 'local-dir': tempDir('store'), 'repo-path': repo.dir, 'code-hash-paths': 'src/**' }
    const extra = { 'code-hash-env': 'NODE_ENV, MISSING_VAR', 'code-hash-key': 'node 24.1 · recipe 3' }
    const run = await runAction({ inputs: { ...inputs, ...extra, mode: 'check' }, env: { NODE_ENV: 'production' } })
    const plain = await runAction({ inputs: { ...inputs, mode: 'check' } })
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    const script = /<!-- set-key -->\s*```python\n([\s\S]*?)```/.exec(readme)?.[1]
    expect(script).toBeDefined()
    const file = path.join(tempDir('py'), 'set_key.py')
    writeFileSync(file, script!)
    const python = execFileSync('python3', [file, plain.outputs['code-hash']!, 'NODE_ENV', 'MISSING_VAR'], {
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production', CODE_HASH_KEY: 'node 24.1 · recipe 3' }
    }).trim()
    expect(python).toBe(run.outputs['code-hash'])
  })

  it("apply: changing an assets tool's run rebuilds it (a changed recipe is not served the old output)", async () => {
    const repo = makeRepo({ 'web/index.js': 'web\n' })
    const store = tempDir('store')
    const config = (run: string): void =>
      writeFiles(repo.dir, {
        '.github/assets.yml': `config:\n  state:\n    backend: local\n    options: { stateFile: assets.state }\n  store: { backend: local, localDir: ${store} }\ntools:\n  - name: assets\n    instanceID: web\n    options:\n      paths: [ "web/**" ]\n      run: ${JSON.stringify(run)}\n      directory: out\n`
      })
    const apply = (): ReturnType<typeof runAction> =>
      runAction({ inputs: { mode: 'apply', 'repo-path': repo.dir, config: path.join(repo.dir, '.github', 'assets.yml') }, cwd: repo.dir })
    config('mkdir -p out && echo app > out/app.js')
    commitAll(repo.dir, 'config')
    expect((await apply()).outputs.found).toBe('false')
    config('mkdir -p out && echo app > out/app.js && echo minified > out/app.min.js')
    commitAll(repo.dir, 'minify')
    const run = await apply()
    expect(run.code).toBe(0)
    expect(run.outputs.found).toBe('false') // it built
    expect(run.stdout).toContain("the tool's run changed")
    const outputs = JSON.parse(run.outputs.outputs!) as Record<string, { location: string; files: number }>
    expect(outputs.assets_web!.files).toBe(2)
    expect((await apply()).outputs.changes).toBe('0')
  })
})

describe('4 and 5. drift is caught, and a miss says why', () => {
  it("auto's post step names a file the build wrote into the hashed paths, and stores under the key from before the build", async () => {
    const prefix = uniquePrefix('drift')
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    const pkg = path.join(tempDir('ws'), 'dist')
    const inputs = { ...s3Inputs(prefix), mode: 'auto', 'repo-path': repo.dir, 'package-directory': pkg, 'code-hash-paths': 'src/**' }
    const run = await runMainThenPost({
      inputs,
      env: { RUNNER_TEMP: tempDir('runner-temp') },
      build: () => {
        writeFiles(repo.dir, { 'src/generated.ts': 'generated by the build' })
        writeFiles(pkg, { 'app.js': 'built' })
      }
    })
    expect(run.main.outputs.found).toBe('false')
    expect(run.post.code).toBe(0)
    expect(run.post.stdout).toContain('::warning::The build changed what the code hash covers: 1 file added (src/generated.ts)')
    expect(run.post.summary).toContain('Code hash drift')
    expect(run.post.outputs['code-hash']).toBe(run.main.outputs['code-hash'])
    // The next commit, checked out afresh (no generated file), hits the set stored under the key from before the build.
    execFileSync('git', ['-c', 'user.email=t@e.com', '-c', 'user.name=T', 'commit', '-q', '--allow-empty', '-m', 'empty'], {
      cwd: repo.dir
    })
    const fresh = clone(repo.dir)
    const next = await runAction({ inputs: { ...inputs, mode: 'check', 'repo-path': fresh }, cwd: fresh })
    expect(next.outputs).toMatchObject({ found: 'true', source: 'cache' })
  })

  it('a code-hash miss names the one file that changed since the newest build, in the log, the summary and miss-reason', async () => {
    const prefix = uniquePrefix('why')
    const repo = makeRepo({ 'src/a.js': 'a\n', 'src/b.js': 'b\n' })
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'app.js': 'built' })
    const inputs = { ...s3Inputs(prefix), 'repo-path': repo.dir, 'code-hash-paths': 'src/**' }
    const none = await runAction({ inputs: { ...inputs, mode: 'check' } })
    expect(none.outputs['miss-reason']).toBe('no earlier build under this prefix to compare with')
    expect((await runAction({ inputs: { ...inputs, mode: 'upload', 'package-directory': pkg } })).code).toBe(0)
    commitAll(repo.dir, 'change b', { 'src/b.js': 'b changed\n' })
    const miss = await runAction({ inputs: { ...inputs, mode: 'check' } })
    expect(miss.outputs.found).toBe('false')
    expect(miss.outputs['miss-reason']).toMatch(
      /^since the newest build under this prefix \([0-9a-f]{12}…\): 1 file changed \(src\/b\.js\)$/
    )
    expect(miss.stdout).toContain('Why no set was found: since the newest build')
    expect(miss.summary).toMatch(/\| Why not found \| since the newest build .*1 file changed \(src\/b\.js\)/)
  })
})

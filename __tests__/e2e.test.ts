// Runs the bundled dist/index.js as the runner does (INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY)
// and as the seed's Concourse tasks did (mode as argument, seed environment names), against s3rver.
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import {
  bucket,
  commitAll,
  endpoint,
  makeRepo,
  NODE,
  runDist,
  s3Inputs,
  s3KeyEnv,
  tempDir,
  uniquePrefix,
  writeFiles
} from './support/helpers.js'
import { outsideClient, readObject } from './support/outside-client.js'
import { VERSIONS_KEPT } from '../src/util/code-cache.js'

const client = outsideClient()
afterAll(() => client.destroy())

const SOURCES = { 'lambdas/a/index.js': 'exports.a = 1\n', 'lambdas/b/index.js': 'exports.b = 2\n', 'docs/readme.md': 'docs\n' }

describe('dist/index.js on a runner', () => {
  it('check misses, upload stores, check hits; outputs and summary are written', async () => {
    const repo = makeRepo(SOURCES)
    const prefix = uniquePrefix('e2e')
    const pkg = path.join(tempDir('ws'), 'packages')
    const inputs = { ...s3Inputs(prefix), mode: 'check', 'repo-path': repo.dir, 'package-directory': pkg, 'code-hash-paths': 'lambdas/**' }

    const miss = await runDist({ inputs })
    expect(miss.code).toBe(0)
    expect(miss.outputs).toMatchObject({ found: 'false', source: 'none', 'commit-hash': repo.commit, files: '0', bytes: '0' })
    expect(miss.outputs['code-hash']).toMatch(/^[0-9a-f]{64}$/)
    expect(miss.summary).toContain('not found — build needed')

    writeFiles(pkg, { 'a.zip': 'zip-a', 'b/b.zip': 'zip-b' })
    const up = await runDist({ inputs: { ...inputs, mode: 'upload' } })
    expect(up.code).toBe(0)
    expect(up.outputs).toMatchObject({ files: '2', bytes: '10', location: `s3://${bucket()}/${prefix}artifacts/${repo.commit}/` })
    expect(up.summary).toContain('uploaded')

    const manifest = JSON.parse((await readObject(client, `${prefix}artifacts/${repo.commit}/.manifest.json`))!.toString())
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(['a.zip', 'b/b.zip'])

    const pkg2 = path.join(tempDir('ws'), 'packages')
    const hit = await runDist({ inputs: { ...inputs, 'package-directory': pkg2 } })
    expect(hit.outputs).toMatchObject({ found: 'true', source: 'commit', files: '2', bytes: '10', 'code-hash': miss.outputs['code-hash'] })
    expect(existsSync(path.join(pkg2, '.found'))).toBe(true)
    // Markdown, not HTML cells: GitHub would show the backticks of code inside a <td>.
    expect(hit.summary).not.toContain('<table>')
    expect(hit.summary).toContain(`| Commit | \`${repo.commit}\` |`)
    expect(hit.summary).toContain('Found the assets of commit')
    expect(hit.summary).toContain('(2 files)')

    const next = commitAll(repo.dir, 'docs only', { 'docs/readme.md': 'changed docs\n' })
    const cacheHit = await runDist({ inputs: { ...inputs, 'package-directory': path.join(tempDir('ws'), 'packages') } })
    expect(cacheHit.outputs).toMatchObject({ found: 'true', source: 'cache', 'commit-hash': next })
    expect((await readObject(client, `${prefix}artifacts/${next}/b/b.zip`))!.toString()).toBe('zip-b')

    // The two store-keeping modes from the same bundle (CI runs this file under node24 too).
    const doctor = await runDist({ inputs: { ...s3Inputs(prefix), mode: 'doctor', 'doctor-modes': 'check upload prune' } })
    expect(doctor.code).toBe(0)
    expect(doctor.stdout).toContain(`The store s3://${bucket()}/${prefix} can serve check, upload, prune.`)
    const prune = await runDist({
      inputs: { ...s3Inputs(prefix), mode: 'prune', 'keep-days': '30', 'keep-last': '1', 'plan-only': 'true' }
    })
    expect(prune.code).toBe(0)
    // Both commit sets were made today: keep-days keeps them, and the plan deletes nothing.
    expect(prune.outputs).toMatchObject({ 'pruned-sets': '0', 'pruned-objects': '0' })
    expect(prune.summary).toContain('### S3 Asset Manager — prune (plan only)')
  })

  // Exit 2: a bad input, nothing was done; exit 1: the step failed doing it (the README's table).
  it.each<[string, Record<string, string>, Record<string, string>, string, number]>([
    ['an invalid mode', { mode: 'deploy' }, {}, "Input 'mode' is 'deploy'; allowed values: check, upload, apply, prune, auto, doctor.", 2],
    ['s3 without a bucket', { mode: 'check', backend: 's3', bucket: '' }, {}, "backend 's3' needs a bucket", 2],
    ['a malformed endpoint', { mode: 'check', bucket: 'b-1', endpoint: 'localhost:9000' }, {}, "Input 'endpoint' is 'localhost:9000'", 2],
    ['a missing bucket', { mode: 'check', bucket: 'missing-bucket' }, {}, "Bucket 'missing-bucket' does not exist at endpoint", 1],
    ['an unreachable endpoint', { mode: 'check', endpoint: 'http://127.0.0.1:9' }, {}, 'Could not reach http://127.0.0.1:9', 1],
    ['no commit to key by', { mode: 'check', 'repo-path': '/nonexistent' }, {}, 'Could not work out the commit hash', 1]
  ])('fails with a clear message on %s', async (_label, extra, env, message, exitCode) => {
    const repo = makeRepo(SOURCES)
    const run = await runDist({ inputs: { ...s3Inputs(uniquePrefix('err')), 'repo-path': repo.dir, ...extra }, env })
    expect(run.code).toBe(exitCode)
    expect(run.stdout).toContain(`::error::${message}`)
    expect(run.outputs.found).toBe('false')
    expect(run.summary).toMatch(/^### S3 Asset Manager — (check|deploy) failed\n\n❌ /)
  })

  // Each request in flight listens on the step's cancel signal; at Node's default limit of 10 listeners, a download
  // or an upload with more requests at once printed "MaxListenersExceededWarning: Possible EventTarget memory leak" in the log.
  // The steps run without jest's NODE_OPTIONS, whose --no-warnings would hide it.
  it('uploads and downloads 100 objects, 32 requests at a time, with no leak warning in the log', async () => {
    const repo = makeRepo(SOURCES)
    const pkg = path.join(tempDir('ws'), 'packages')
    const inputs = { ...s3Inputs(uniquePrefix('wide')), 'repo-path': repo.dir, 'pack-below': '0', concurrency: '32' }
    writeFiles(pkg, Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`f${i}.bin`, Buffer.alloc(4096, i)])))
    const env = { NODE_OPTIONS: '' }
    const up = await runDist({ inputs: { ...inputs, mode: 'upload', 'package-directory': pkg }, env })
    const down = await runDist({
      inputs: { ...inputs, mode: 'check', download: 'true', 'package-directory': path.join(tempDir('ws'), 'p') },
      env
    })
    expect([up.code, down.code, down.outputs.files]).toEqual([0, 0, '100'])
    expect(up.stderr + down.stderr).not.toContain('MaxListenersExceededWarning')
  })

  it('fails with one clear line, no stack trace, when the outputs file is missing', async () => {
    const repo = makeRepo(SOURCES)
    const missing = path.join(tempDir('gone'), 'no-such-dir', 'output.txt')
    const run = await runDist({
      inputs: { ...s3Inputs(uniquePrefix('out')), mode: 'check', 'repo-path': repo.dir },
      env: { GITHUB_OUTPUT: missing }
    })
    expect(run.code).toBe(1)
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'))
    expect(errors).toEqual([expect.stringContaining(`::error::Could not set the output 'found'`)])
    expect(errors[0]).toContain(missing)
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .*\.js:\d+/)
  })

  it('fails with one clear line when the job summary file cannot be written', async () => {
    const repo = makeRepo(SOURCES)
    const missing = path.join(tempDir('gone'), 'no-such-dir', 'summary.md')
    const run = await runDist({
      inputs: { ...s3Inputs(uniquePrefix('sum')), mode: 'check', 'repo-path': repo.dir },
      env: { GITHUB_STEP_SUMMARY: missing }
    })
    expect(run.code).toBe(1)
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'))
    expect(errors).toEqual([expect.stringContaining(`::error::Could not write the job summary to GITHUB_STEP_SUMMARY (${missing})`)])
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .*\.js:\d+/)
  })
})

describe('dist/index.js the seed way (Concourse / docker)', () => {
  it('check and upload take the mode as an argument and the seed environment names', async () => {
    const repo = makeRepo(SOURCES)
    const workdir = tempDir('concourse')
    const prefixEnv = uniquePrefix('seed')
    const aws = {
      ...s3KeyEnv(),
      AWS_DEFAULT_REGION: 'eu-west-2',
      AWS_ENDPOINT_URL_S3: endpoint(),
      PACKAGE_ASSETS_BUCKET: bucket(),
      INPUT_PREFIX: prefixEnv
    }
    const check = await runDist({
      args: ['check'],
      cwd: workdir,
      runner: false,
      env: { ...aws, GIT_REPO_PATH: repo.dir, CODE_HASH_FIND_FILTER: 'lambdas/**' }
    })
    expect(check.code).toBe(0)
    expect(check.stdout).toContain('found=false')
    expect(check.stdout).toContain(`commit-hash=${repo.commit}`)

    // The upload task has only the packages directory: no repository, no code-hash filter.
    writeFiles(path.join(workdir, 'packages'), { 'fn.zip': 'lambda' })
    const upload = await runDist({ args: ['upload'], cwd: workdir, runner: false, env: aws })
    expect(upload.code).toBe(0)
    expect((await readObject(client, `${prefixEnv}artifacts/${repo.commit}/fn.zip`))!.toString()).toBe('lambda')

    const again = tempDir('concourse')
    const hit = await runDist({ args: ['check'], cwd: again, runner: false, env: { ...aws, GIT_REPO_PATH: repo.dir } })
    expect(hit.stdout).toContain('found=true')
    expect(existsSync(path.join(again, 'packages', '.found'))).toBe(true)
  })

  it('leaves once the step is done, so a cancel during Node.js teardown cannot kill a finished step', async () => {
    // A step that let the event loop run dry went through Node.js's teardown with its signal handlers gone (node24
    // also writes its compile cache there): a SIGINT landing then killed a step whose work was done. The bundle
    // now leaves by process.exit with its own exit code, so the event loop never empties: 'beforeExit' never fires.
    const preload = path.join(tempDir('preload'), 'watch-exit.cjs')
    writeFileSync(preload, "process.on('beforeExit', () => process.stderr.write('EVENT LOOP RAN DRY\\n'))\n")
    const env = { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${preload}` }
    const repo = makeRepo(SOURCES)
    const done = await runDist({ args: ['check'], cwd: repo.dir, runner: false, env })
    expect(done.code).toBe(0)
    expect(done.stdout).toContain('found=false')
    const failed = await runDist({ args: ['check'], cwd: repo.dir, runner: false, env: { ...env, INPUT_PACK_BELOW: 'lots' } })
    expect(failed.code).toBe(2)
    for (const run of [done, failed]) expect(run.stderr).not.toContain('EVENT LOOP RAN DRY')
  })

  it('starts without node:crypto, child_process, zlib, fs/promises, stream or net when a check finds nothing, on a runner or not', async () => {
    // Each costs 3-10 ms of every step's start on node24 (src/util/node-builtins.ts, src/util/fs-calls.ts): loaded
    // where used, not at start. node:net is what Node.js's stdout on a pipe (as here and on a runner) is made of: the
    // lines go to the descriptor instead (src/util/stdio.ts). A check that hashes code needs node:crypto and git (and
    // child_process brings node:net and node:stream), but still not node:fs/promises.
    const repo = makeRepo(SOURCES)
    const dir = tempDir('builtins')
    const report = path.join(dir, 'loaded.txt')
    const preload = path.join(dir, 'report-builtins.cjs')
    writeFileSync(
      preload,
      `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(report)}, process.moduleLoadList.join('\\n')))\n`
    )
    const env = { NODE_OPTIONS: `--require ${preload}` }
    const heavyLoaded = (): string[] => {
      const loaded = readFileSync(report, 'utf8').split('\n')
      expect(loaded).toContain('NativeModule fs') // the list is what it claims
      rmSync(report)
      return ['crypto', 'child_process', 'zlib', 'fs/promises', 'stream', 'net'].filter((name) => loaded.includes(`NativeModule ${name}`))
    }
    const local = await runDist({ args: ['check'], cwd: repo.dir, runner: false, env })
    expect(local.stdout).toContain('found=false')
    expect(heavyLoaded()).toEqual([])
    // On a runner the outputs go to GITHUB_OUTPUT between random delimiters (src/util/random.ts).
    const inputs = { mode: 'check', backend: 'local', 'local-dir': path.join(dir, 'store'), 'repo-path': repo.dir }
    const onRunner = await runDist({ inputs, env })
    expect(onRunner.outputs.found).toBe('false')
    expect(heavyLoaded()).toEqual([])
    const hashing = await runDist({ inputs: { ...inputs, 'code-hash-paths': '**' }, env })
    expect(hashing.outputs['code-hash']).toMatch(/^[0-9a-f]{64}$/)
    expect(heavyLoaded()).toEqual(['crypto', 'child_process', 'stream', 'net'])
  })

  it('keeps the compiled code of its chunks on Node.js 20, in a directory only its user may write', async () => {
    // Node.js >= 22.1 has a compile cache of its own (src/index.ts); on Node.js 20, src/util/code-cache.ts keeps V8's.
    const [version, compileCache] = execFileSync(NODE, ['-p', "process.version + ' ' + typeof require('node:module').enableCompileCache"], {
      encoding: 'utf8'
    })
      .trim()
      .split(' ')
    const repo = makeRepo(SOURCES)
    const tmp = tempDir('code-cache-tmp')
    const cache = path.join(tmp, `s3-asset-manager-code-cache-${process.getuid!()}`)
    const check = async (): Promise<void> => {
      const run = await runDist({ args: ['check'], cwd: repo.dir, runner: false, env: { TMPDIR: tmp } })
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('found=false')
    }
    const entries = (): string[] => (existsSync(cache) ? readdirSync(cache).sort() : [])
    await check()
    if (compileCache === 'function') {
      expect(existsSync(cache)).toBe(false)
      return
    }
    const written = entries()
    expect(written.length).toBeGreaterThan(1)
    for (const entry of written) {
      expect(entry).toMatch(new RegExp(`^\\d+\\.index\\.js-[\\d-]+-${version!.replace(/\./g, '\\.')}-${process.arch}\\.cache$`))
      expect(statSync(path.join(cache, entry)).mode & 0o777).toBe(0o600)
    }
    // Taken as it is: nothing is written again.
    const before = written.map((entry) => statSync(path.join(cache, entry)).mtimeMs)
    await check()
    expect(entries()).toEqual(written)
    expect(written.map((entry) => statSync(path.join(cache, entry)).mtimeMs)).toEqual(before)
    // Garbage in an entry: V8 refuses it, the chunk is compiled again and the entry replaced. Writing prunes: of the
    // older copies of that chunk planted beside it (other bundles), only the newest stay.
    const spoiled = path.join(cache, written[0]!)
    writeFileSync(spoiled, Buffer.alloc(4096, 7))
    const chunk = written[0]!.slice(0, written[0]!.indexOf('.js-') + 3)
    const older = Array.from({ length: VERSIONS_KEPT }, (_, n) => path.join(cache, `${chunk}-1-${n}-1-1-${version}-${process.arch}.cache`))
    older.forEach((entry, n) => (writeFileSync(entry, 'old'), utimesSync(entry, 1_000_000 + n, 1_000_000 + n)))
    await check()
    expect(readFileSync(spoiled).equals(Buffer.alloc(4096, 7))).toBe(false)
    expect(entries().filter((entry) => entry.startsWith(`${chunk}-`))).toEqual(
      [written[0]!, ...older.slice(1).map((entry) => path.basename(entry))].sort()
    )
    // A directory others may write is not used: nothing is read from it or written to it.
    rmSync(cache, { recursive: true })
    mkdirSync(cache)
    chmodSync(cache, 0o777)
    await check()
    expect(entries()).toEqual([])
  })

  it('runs with no cloud account: the local store is the default outside GitHub', async () => {
    const repo = makeRepo(SOURCES)
    const first = await runDist({ args: ['check'], cwd: repo.dir, runner: false })
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('found=false')
    mkdirSync(path.join(repo.dir, 'packages'), { recursive: true })
    writeFiles(path.join(repo.dir, 'packages'), { 'app.js': 'built' })
    expect((await runDist({ args: ['upload'], cwd: repo.dir, runner: false })).code).toBe(0)
    expect(existsSync(path.join(repo.dir, '.asset-store', 'artifacts', repo.commit, '.manifest.json'))).toBe(true)
    const hit = await runDist({ args: ['check'], cwd: repo.dir, runner: false })
    expect(hit.stdout).toContain('found=true')
    expect(hit.stdout).toContain('source=commit')
  })
})

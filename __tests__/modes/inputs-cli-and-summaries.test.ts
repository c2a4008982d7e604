// Issue "nothing a person types goes unheard, and every summary tells the truth": steps in-process (as the
// bundle under SAM_TEST_NODE, and where the test reads the process's own output):
// misspelt inputs, the command line, summaries that match what happened, failed builds explained.
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { marked } from 'marked'
import { makeRepo, runAction, runMainThenPost, s3Inputs, tempDir, uniquePrefix, writeFiles } from '../support/helpers.js'

describe('1. a misspelt input is never ignored', () => {
  async function storeWithOldSet(): Promise<string> {
    const store = tempDir('store')
    const repo = makeRepo({ 'a.txt': 'a' })
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'app.js': 'built' })
    expect(
      (
        await runAction({
          inputs: { mode: 'upload', backend: 'local', 'local-dir': store, 'repo-path': repo.dir, 'package-directory': pkg }
        })
      ).code
    ).toBe(0)
    return store
  }

  it("prune with 'plan_only: true' (underscore) on GitHub deletes nothing and says which input was meant", async () => {
    const store = await storeWithOldSet()
    const before = readdirSync(store, { recursive: true }).length
    const run = await runAction({
      inputs: { mode: 'prune', backend: 'local', 'local-dir': store, 'keep-days': '0', 'keep-last': '0', plan_only: 'true' }
    })
    expect(run.code).toBe(2)
    expect(run.stdout).toContain("::error::'plan_only' (INPUT_PLAN_ONLY) is not an input of this action; did you mean 'plan-only'?")
    expect(run.stdout).toContain("Nothing was done: mode 'prune' writes or deletes")
    expect(readdirSync(store, { recursive: true }).length).toBe(before)
    // Spelt right, the same step only lists.
    const listed = await runAction({
      inputs: { mode: 'prune', backend: 'local', 'local-dir': store, 'keep-days': '0', 'keep-last': '0', 'plan-only': 'true' }
    })
    expect(listed.code).toBe(0)
    expect(listed.outputs['pruned-sets']).toBe('1')
    expect(readdirSync(store, { recursive: true }).length).toBe(before)
  })

  it("'bukcet' is an error on upload and on check, a warning on doctor, naming 'bucket'", async () => {
    const repo = makeRepo({ 'a.txt': 'a' })
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'app.js': 'built' })
    const store = tempDir('store')
    const base = { backend: 'local', 'local-dir': store, 'repo-path': repo.dir, 'package-directory': pkg, bukcet: 'assets' }
    const upload = await runAction({ inputs: { ...base, mode: 'upload' } })
    expect(upload.code).toBe(2)
    expect(upload.stdout).toContain("'bukcet' (INPUT_BUKCET) is not an input of this action; did you mean 'bucket'?")
    expect(readdirSync(store)).toEqual([])
    const check = await runAction({ inputs: { ...base, mode: 'check' } })
    expect(check.code).toBe(2)
    expect(check.stdout).toContain("Nothing was done: mode 'check' decides whether the build runs")
    expect(readdirSync(pkg)).toEqual(['app.js']) // no record, no marker
    const doctor = await runAction({ inputs: { ...base, mode: 'doctor' } })
    expect(doctor.stdout).toContain(
      "::warning::'bukcet' (INPUT_BUKCET) is not an input of this action; did you mean 'bucket'? It is ignored."
    )
  })

  it('outside GitHub INPUT_PACKAGE_DIRECTORY and INPUT_CODE_HASH_PATHS (underscores) are read; an unknown one is refused', async () => {
    const repo = makeRepo({ 'src/a.js': 'a' })
    const env = {
      INPUT_BACKEND: 'local',
      INPUT_LOCAL_DIR: tempDir('store'),
      INPUT_PACKAGE_DIRECTORY: path.join(repo.dir, 'out'),
      INPUT_CODE_HASH_PATHS: 'src/**'
    }
    const run = await runAction({ args: ['check'], runner: false, cwd: repo.dir, env })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^code-hash=[0-9a-f]{64}$/m)
    expect(existsSync(path.join(repo.dir, 'out', '.s3-asset-manager.json'))).toBe(true)
    const typo = await runAction({ args: ['check'], runner: false, cwd: repo.dir, env: { ...env, INPUT_PACKAGE_DIRCTORY: 'dist' } })
    expect(typo.code).toBe(2)
    expect(typo.stderr).toContain(
      "'package_dirctory' (INPUT_PACKAGE_DIRCTORY) is not an input of this action; did you mean 'package-directory'?"
    )
  })
})

describe('2. summaries say what happened', () => {
  it('a successful upload reports found=true source=upload; on a pull request it does not claim the shared tier', async () => {
    const repo = makeRepo({ 'src/a.js': 'a' })
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'app.js': 'built' })
    const run = await runAction({
      inputs: {
        ...s3Inputs(uniquePrefix('told')),
        mode: 'upload',
        'repo-path': repo.dir,
        'package-directory': pkg,
        'code-hash-paths': 'src/**'
      },
      env: { GITHUB_EVENT_NAME: 'pull_request' }
    })
    expect(run.outputs).toMatchObject({ found: 'true', source: 'upload' })
    expect(run.stdout).toContain('Not writing the shared code-hash set')
    expect(run.summary).not.toContain('cached them under')
    expect(run.summary).toMatch(/\| Code-hash set \| not written: 'cache-write: auto' writes it only on/)
    expect(run.summary).toContain('| Outcome | ⬆️ uploaded |')
  })

  it("mode auto: an empty build's warning reaches the job summary from the post step", async () => {
    const repo = makeRepo({ 'a.txt': 'a' })
    const inputs = {
      ...s3Inputs(uniquePrefix('auto-empty')),
      mode: 'auto',
      'repo-path': repo.dir,
      'package-directory': path.join(tempDir('ws'), 'out')
    }
    const run = await runMainThenPost({ inputs })
    expect(run.main.summary).toContain('build needed')
    expect(run.post.summary).toContain('### S3 Asset Manager — upload (post step)')
    expect(run.post.summary).toContain('⚠️ Nothing was uploaded. The job succeeded but')
  })

  it('a no-change apply says so once', async () => {
    const repo = makeRepo({ 'a.txt': 'a' })
    writeFiles(repo.dir, {
      '.github/assets.yml': `config:\n  state:\n    backend: local\n    options: { stateFile: s.state }\n  store: { backend: local, localDir: ${tempDir('store')} }\ntools:\n  - { name: object, instanceID: o, options: { key: k, content: x } }\n`
    })
    const apply = (): ReturnType<typeof runAction> =>
      runAction({ inputs: { mode: 'apply', 'repo-path': repo.dir, config: path.join(repo.dir, '.github/assets.yml') } })
    expect((await apply()).code).toBe(0)
    const again = await apply()
    expect(again.stdout.match(/No changes/g)).toHaveLength(1)
  })

  it('the check summary has no empty header row', async () => {
    const repo = makeRepo({ 'a.txt': 'a' })
    const run = await runAction({ inputs: { mode: 'check', backend: 'local', 'local-dir': tempDir('store'), 'repo-path': repo.dir } })
    const html = await marked.parse(run.summary)
    expect(html).toMatch(/<thead>\s*<tr>\s*<th>Outcome<\/th>\s*<th>🔨 not found — build needed<\/th>/)
    expect(run.summary).not.toContain('|  |  |')
  })
})

describe('3. a failed apply says why', () => {
  it('a multi-line run that fails: the tool, its exit code and where its output is; nothing it printed', async () => {
    const repo = makeRepo({ 'web/a.js': 'a' })
    const run = [
      'echo "building web"',
      'for i in $(seq 1 30); do echo "stderr line $i" >&2; done',
      'echo "token was [[ env DEPLOY_TOKEN ]]" >&2',
      'echo "a token the action never saw: npm_$(echo q8CX9)abcdef" >&2',
      'exit 7'
    ].join('\n')
    writeFiles(repo.dir, {
      '.github/assets.yml': `config:\n  state:\n    backend: local\n    options: { stateFile: s.state }\n  store: { backend: local, localDir: ${tempDir('store')} }\ntools:\n  - name: assets\n    instanceID: web\n    options:\n      paths: [ "web/**" ]\n      directory: out\n      run: ${JSON.stringify(run)}\n`
    })
    // As the bundle: the build writes to the step's own stderr, which a step run in this process does not collect.
    const result = await runAction({
      bundle: true,
      inputs: { mode: 'apply', 'repo-path': repo.dir, config: path.join(repo.dir, '.github/assets.yml') },
      env: { DEPLOY_TOKEN: 'tok_a1b2c3d4e5' }
    })
    expect(result.code).toBe(1)
    expect(result.summary).toContain('❌ Tool `assets.web` failed: its build ended with exit code 7.')
    expect(result.summary).toContain('```sh\necho "building web"\nfor i in')
    expect(result.summary).toContain("Its output is in this step's log, in the group `Build assets.web`.")
    // The log has it all (the runner masks it); the summary, which nothing masks, quotes none of it.
    expect(result.stderr).toContain('stderr line 30')
    expect(result.summary).not.toContain('stderr line 30')
    expect(result.summary).not.toContain('npm_q8CX9')
    expect(result.summary).not.toContain('tok_a1b2c3d4e5')
  })
})

describe('5. the command line is a command line', () => {
  it('--help and --version answer without a mode', async () => {
    const help = await runAction({ args: ['--help'], runner: false })
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: node dist/index.js <mode>')
    expect(help.stdout).toContain('Exit codes: 0 done; 1 failed; 2 a bad input or config')
    const version = await runAction({ args: ['--version'], runner: false })
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it('outside GitHub errors are plain error: lines on stderr, with exit 2 for a bad input, and no secret is printed to mask it', async () => {
    const run = await runAction({
      args: ['check'],
      runner: false,
      env: { INPUT_BACKEND: 'sftp', INPUT_SIGNING_KEY: 'a-very-long-signing-key-0123' }
    })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain("error: Input 'backend' is 'sftp'; allowed values: auto, s3, gcs, local, actions-cache.")
    expect(run.stdout + run.stderr).not.toContain('::')
    expect(run.stdout + run.stderr).not.toContain('a-very-long-signing-key-0123')
  })
})

describe('6. small things', () => {
  it('pack-below under 1 KiB warns that it means bytes', async () => {
    const repo = makeRepo({ 'a.txt': 'a' })
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'app.js': 'built' })
    const run = await runAction({
      inputs: {
        mode: 'upload',
        backend: 'local',
        'local-dir': tempDir('store'),
        'repo-path': repo.dir,
        'package-directory': pkg,
        'pack-below': '1'
      }
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      "::warning::Input 'pack-below' is '1', which is 1 byte: almost nothing will be packed. Did you mean '1MiB'?"
    )
  })

  it('the prune summary names the store once, above its table, and lists keys relative to it', async () => {
    const store = tempDir('store')
    const repo = makeRepo({ 'a.txt': 'a' })
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'app.js': 'built' })
    await runAction({
      inputs: { mode: 'upload', backend: 'local', 'local-dir': store, 'repo-path': repo.dir, 'package-directory': pkg, prefix: 'team/' }
    })
    const run = await runAction({
      inputs: {
        mode: 'prune',
        backend: 'local',
        'local-dir': store,
        prefix: 'team/',
        'keep-days': '0',
        'keep-last': '0',
        'plan-only': 'true'
      }
    })
    expect(run.summary.match(/file:\/\//g)).toHaveLength(1)
    expect(run.summary).toContain(`| \`artifacts/${repo.commit}/\` |`)
  })

  it('on Node.js 20 an S3 run prints one line about the SDK, not its nine-line warning', async () => {
    const repo = makeRepo({ 'a.txt': 'a' })
    // The bundle in a process of its own, without jest's --no-warnings, which would hide the SDK's warning anyway.
    const run = await runAction({
      bundle: true,
      inputs: { ...s3Inputs(uniquePrefix('note')), mode: 'check', 'repo-path': repo.dir },
      env: { NODE_OPTIONS: '' }
    })
    expect(run.stderr).not.toContain('NodeVersionSupportWarning')
    expect(
      run.stderr.replace(/^note: Node\.js 2\d\.[\d.]+: AWS SDK releases after January 2027 need Node\.js 22 or later[^\n]*\n/, '')
    ).toBe('')
  })
})

// Issue "trust, second pass", the attacks through apply: values spliced into shells, secrets sent where the
// runner cannot mask them, a set served to another instance, an edited object, a replayed state. All through
// dist/index.js with a local state file and a local store (the attacks do not depend on the store).
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import yaml from 'js-yaml'
import { FakeGitHub } from '../support/fake-github.js'
import { makeRepo, runAction, tempDir, writeFiles } from '../support/helpers.js'

const KEY = 'key-a-0123456789abcdef0123456789'

interface Setup {
  dir: string
  store: string
  stateFile: string
  config(tools: string): void
  apply(extra?: Record<string, string>, env?: Record<string, string>): ReturnType<typeof runAction>
  state(): Record<string, { options: Record<string, unknown>; resourceStatus: { outputs: Record<string, unknown> } }>
}

function setup(files: Record<string, string> = { 'api/index.js': 'api\n', 'web/index.js': 'web\n' }): Setup {
  const repo = makeRepo(files)
  const store = tempDir('store')
  const stateFile = path.join(repo.dir, '.github', 'assets.state')
  const configFile = path.join(repo.dir, '.github', 'assets.yml')
  return {
    dir: repo.dir,
    store,
    stateFile,
    config(tools) {
      writeFiles(repo.dir, {
        '.github/assets.yml': `config:\n  state:\n    backend: local\n    options: { stateFile: assets.state }\n  store: { backend: local, localDir: ${store} }\n${tools}`
      })
    },
    apply(extra = {}, env = {}) {
      return runAction({ inputs: { mode: 'apply', 'repo-path': repo.dir, config: configFile, ...extra }, env, cwd: repo.dir })
    },
    state() {
      return yaml.load(readFileSync(stateFile, 'utf8')) as ReturnType<Setup['state']>
    }
  }
}

const assetsTool = (id: string, run: string, paths = `${id}/**`): string =>
  `  - name: assets\n    instanceID: ${id}\n    options:\n      paths: [ "${paths}" ]\n      run: ${JSON.stringify(run)}\n      directory: out/${id}\n`

describe('5. no value reaches a shell as text', () => {
  it("a pull request's branch name in [[ env ]] is passed as a value, not run", async () => {
    const s = setup()
    const pwned = path.join(tempDir('pwn'), 'pwned')
    s.config(`tools:\n${assetsTool('web', 'mkdir -p out/web && echo "branch: [[ env GITHUB_HEAD_REF ]]" > out/web/branch.txt')}`)
    const run = await s.apply({}, { GITHUB_HEAD_REF: `$(touch ${pwned})` })
    expect(run.code).toBe(0)
    expect(existsSync(pwned)).toBe(false)
    expect(readFileSync(path.join(s.dir, 'out/web/branch.txt'), 'utf8')).toBe(`branch: $(touch ${pwned})\n`)
  })

  it('an output recorded in the state is passed as a value, even when the state was tampered with', async () => {
    const s = setup()
    const pwned = path.join(tempDir('pwn'), 'pwned')
    const tools = (withWeb: boolean): string =>
      `tools:\n${assetsTool('api', 'mkdir -p out/api && echo api > out/api/a.txt')}` +
      (withWeb ? assetsTool('web', 'mkdir -p out/web && echo ${{ assets.api.outputs.location }} > out/web/from-api.txt') : '')
    s.config(tools(false))
    expect((await s.apply()).code).toBe(0)
    // Someone who can write the (unsigned) state puts a command where a location should be.
    const state = readFileSync(s.stateFile, 'utf8').replace(/location: .*/, `location: $(touch ${pwned})`)
    writeFileSync(s.stateFile, state)
    s.config(tools(true))
    const run = await s.apply()
    expect(run.code).toBe(0)
    expect(existsSync(pwned)).toBe(false)
    expect(readFileSync(path.join(s.dir, 'out/web/from-api.txt'), 'utf8')).toBe(`$(touch ${pwned})\n`)
  })

  it.each([
    ['inside backticks', 'echo `echo [[ name ]]`', 'inside backticks'],
    ['in arithmetic', 'echo $(( [[ name ]] + 1 ))', 'inside arithmetic'],
    ['in a quoted here-document', "cat <<'EOF'\n[[ name ]]\nEOF", 'inside a here-document'],
    ['inside single quotes', "printf '%s|' '[[ name ]]'", 'inside single quotes']
  ])('a template %s is refused, naming the line', async (_where, command, problem) => {
    const s = setup()
    s.config(`vars:\n  name: x\ntools:\n${assetsTool('web', command)}`)
    const run = await s.apply()
    expect(run.code).toBe(2)
    expect(run.stdout).toContain(`'run' has [[ name ]] ${problem}`)
    expect(run.stdout).toMatch(/line \d of 'run'/)
  })

  it('quoting follows the template: unquoted words and double quotes get the value as data', async () => {
    const s = setup()
    const value = `it's "$(whoami)" & \`id\` ; *`
    const command = [
      'mkdir -p out/web',
      `printf '%s|' [[ v ]] >> out/web/r.txt`,
      `printf '%s|' "pre-[[ v ]]-post" >> out/web/r.txt`,
      `echo "[[ v ]]" >> out/web/r.txt`
    ].join('\n')
    s.config(`vars:\n  v: ${JSON.stringify(value)}\ntools:\n${assetsTool('web', command)}`)
    const run = await s.apply()
    expect(run.code).toBe(0)
    expect(readFileSync(path.join(s.dir, 'out/web/r.txt'), 'utf8')).toBe(`${value}|pre-${value}-post|${value}\n`)
  })
})

describe('6. secrets never reach a summary or GitHub', () => {
  const github = new FakeGitHub()
  let apiUrl: string
  beforeAll(async () => (apiUrl = await github.start()))
  afterAll(() => github.stop())

  it('a failing run using [[ env "DEPLOY_TOKEN" ]] shows the command as written, and the token nowhere', async () => {
    const token = 'tok_5up3rs3cr3t_value'
    const s = setup()
    s.config(
      `tools:\n${assetsTool('web', 'echo "deploying with [[ env DEPLOY_TOKEN ]]" >&2; echo "token=[[ env DEPLOY_TOKEN ]]"; exit 2')}`
    )
    const eventPath = path.join(tempDir('event'), 'event.json')
    writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 7, head: { sha: 'e'.repeat(40) } } }))
    const run = await s.apply(
      { 'pr-comment': 'true', 'commit-status': 'true', 'github-token': 'ghs_x' },
      {
        DEPLOY_TOKEN: token,
        GITHUB_API_URL: apiUrl,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REPOSITORY: 'octo/app'
      }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`::add-mask::${token}`)
    expect(run.stdout).toContain('the build command exited with code 2: echo "deploying with [[ env DEPLOY_TOKEN ]]"')
    const sent = JSON.stringify(github.requests.map((request) => request.body))
    expect(github.requests.length).toBeGreaterThanOrEqual(2)
    expect(sent).toContain('build ended with exit code 2')
    // What the command printed stays in the (masked) log: not even a masked copy goes to GitHub.
    expect(sent).not.toContain('deploying with ***')
    expect(sent).toContain('in the group `Build assets.web`')
    expect(sent).not.toContain(token)
    expect(run.summary).toContain('its build ended with exit code 2')
    expect(run.summary).not.toContain(token)
    // The runner masks the log from the ::add-mask:: line on; before it nothing may print the value.
    expect(run.stdout.slice(0, run.stdout.indexOf(`::add-mask::${token}`))).not.toContain(token)
  })

  it('an object key built from [[ env ]] is not stored in clear in the state', async () => {
    const s = setup()
    s.config(`tools:\n  - name: object\n    instanceID: o\n    options: { key: 'drops/[[ env "DROP_ID" ]].json', content: hi }\n`)
    const run = await s.apply({}, { DROP_ID: 'drop-secret-4711' })
    expect(run.code).toBe(0)
    expect(readFileSync(s.stateFile, 'utf8')).not.toContain('drop-secret-4711')
    expect(existsSync(path.join(s.store, 'drops', 'drop-secret-4711.json'))).toBe(true)
    // The next run finds the object by its real key: nothing to do.
    expect((await s.apply({}, { DROP_ID: 'drop-secret-4711' })).outputs.changes).toBe('0')
  })
})

describe('2 and 8. what apply reads back must be what it wrote', () => {
  it("one instance's set copied over another's is not that instance's: it is rebuilt", async () => {
    const s = setup()
    s.config(
      `tools:\n${assetsTool('api', 'mkdir -p out/api && echo api > out/api/a.txt')}${assetsTool('web', 'mkdir -p out/web && echo web > out/web/w.txt')}`
    )
    expect((await s.apply({ 'signing-key': KEY })).code).toBe(0)
    const commit = readdirSync(path.join(s.store, 'api', 'artifacts'))[0]!
    rmSync(path.join(s.store, 'web'), { recursive: true })
    cpSync(path.join(s.store, 'api'), path.join(s.store, 'web'), { recursive: true })
    const run = await s.apply({ 'signing-key': KEY })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('signed for file://')
    expect(run.stdout).toMatch(/Tool \(assets\/web\) state found but it seems the tool isn't created/)
    expect(readFileSync(path.join(s.store, 'web', 'artifacts', commit, 'w.txt'), 'utf8')).toBe('web\n')
  })

  it('an object edited in the store is drift: the plan rewrites it', async () => {
    const s = setup()
    s.config(`tools:\n  - name: object\n    instanceID: latest\n    options: { key: releases/latest.json, content: { version: 1 } }\n`)
    expect((await s.apply()).code).toBe(0)
    const object = path.join(s.store, 'releases', 'latest.json')
    const written = readFileSync(object, 'utf8')
    writeFileSync(object, '{ "version": 666 }\n')
    const run = await s.apply()
    expect(run.outputs.changes).toBe('1')
    expect(run.stdout).toContain('was changed in the store')
    expect(readFileSync(object, 'utf8')).toBe(written)
  })
})

describe('a replayed signed state', () => {
  it('an older genuinely signed state put back in place of a newer one is refused', async () => {
    const s = setup()
    const marks = tempDir('tool-cache')
    const env = { RUNNER_TOOL_CACHE: marks }
    const object = (content: string): string =>
      `tools:\n  - name: object\n    instanceID: o\n    options: { key: k.txt, content: ${content} }\n`
    s.config(object('one'))
    expect((await s.apply({ 'signing-key': KEY }, env)).code).toBe(0)
    const older = readFileSync(s.stateFile, 'utf8')
    s.config(object('two'))
    expect((await s.apply({ 'signing-key': KEY }, env)).code).toBe(0)
    writeFileSync(s.stateFile, older)
    const replayed = await s.apply({ 'signing-key': KEY }, env)
    expect(replayed.code).toBe(1)
    expect(replayed.stdout).toContain('is at serial 1, older than serial 2 this machine already saw there')
  })
})

describe('third pass, 10. keys are checked after every template in them was resolved', () => {
  it("an output edited in an unsigned state cannot lead an object's key out of the local store", async () => {
    const s = setup()
    const name = `escaped-${path.basename(s.store)}.txt`
    const tools = (withCopy: boolean): string =>
      `tools:\n  - name: object\n    instanceID: a\n    options: { key: a.txt, content: a }\n` +
      (withCopy ? '  - name: object\n    instanceID: b\n    options: { key: "copies/${{ object.a.outputs.key }}", content: b }\n' : '')
    s.config(tools(false))
    expect((await s.apply()).code).toBe(0)
    // Someone who can write the (keyless) state makes a's key lead two folders up.
    const state = readFileSync(s.stateFile, 'utf8')
    const output = state.lastIndexOf('key: a.txt') // the one under resourceStatus.outputs
    writeFileSync(s.stateFile, `${state.slice(0, output)}key: ../../${name}${state.slice(output + 'key: a.txt'.length)}`)
    s.config(tools(true))
    const run = await s.apply()
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`its key resolves to 'copies/../../${name}', which is not a plain relative key`)
    expect(existsSync(path.join(s.store, '..', name))).toBe(false)
  })
})

describe('third pass, 4. no value reaches a second parser', () => {
  it.each([
    ['sh -c', 'sh -c "echo [[ env BRANCH ]]"'],
    ['bash -c in single quotes', "bash -c 'echo [[ env BRANCH ]]'"],
    ['eval', 'eval "echo [[ env BRANCH ]]"'],
    ['a pipe into sh', 'echo "[[ env BRANCH ]]" | sh'],
    ['an unquoted here-document fed to sh', 'sh <<EOF\necho [[ env BRANCH ]]\nEOF'],
    ['xargs sh -c', 'echo "[[ env BRANCH ]]" | xargs sh -c']
  ])("a pull request's branch name %s is refused before anything runs", async (_shape, command) => {
    const s = setup()
    const pwned = path.join(tempDir('pwn'), 'pwned')
    s.config(`tools:\n${assetsTool('web', `mkdir -p out/web && ${command}`)}`)
    const run = await s.apply({}, { BRANCH: `x;touch\${IFS}${pwned};$(touch ${pwned})` })
    expect(run.code).toBe(2)
    expect(run.stdout).toMatch(/line \d of 'run' has \[\[ env BRANCH \]\]/)
    expect(existsSync(pwned)).toBe(false)
  })
})

// apply end to end through dist/index.js: state in s3rver (or a local file), assets in s3rver, builds that
// leave a trace in a log file so "nothing was built" can be checked.
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import yaml from 'js-yaml'
import { bucket, commitAll, endpoint, makeRepo, runAction, s3Inputs, tempDir, uniquePrefix } from '../support/helpers.js'
import { outsideClient, readObject } from '../support/outside-client.js'

const client = outsideClient()
afterAll(() => client.destroy())

interface Fixture {
  repo: { dir: string; commit: string }
  prefix: string
  stateKey: string
  buildLog: string
  configFile: string
  apply(extra?: Record<string, string>, env?: Record<string, string>): ReturnType<typeof runAction>
  builds(): string[]
  state(): Promise<Record<string, unknown> | undefined>
  writeConfig(text: string): void
}

function configText(f: { stateKey: string; buildLog: string }, toolsOverride?: string): string {
  return `varFile: vars.yaml
config:
  state:
    backend: s3
    options: { bucket: ${bucket()}, region: us-east-1, key: ${f.stateKey}, endpoint: "${endpoint()}" }
vars:
  app: demo
${
  toolsOverride ??
  `tools:
  - name: assets
    instanceID: api
    dependsOn: []
    options:
      paths: [ "services/api/**" ]
      run: echo api >> ${f.buildLog} && mkdir -p services/api/dist && cp services/api/index.js services/api/dist/api.js
      directory: services/api/dist
  - name: assets
    instanceID: web
    dependsOn: [ "assets.api" ]
    options:
      paths: [ "web/**" ]
      run: echo web >> ${f.buildLog} && mkdir -p web/dist && echo "[[ app ]] \${{ assets.api.outputs.codeHash }}" > web/dist/built.txt
      directory: web/dist
  - name: object
    instanceID: latest
    options:
      key: releases/latest.json
      content:
        api: \${{ assets.api.outputs.location }}
        web: \${{ assets.web.outputs.location }}
        team: [[ team ]]
`
}`
}

function fixture(): Fixture {
  const repo = makeRepo({ 'services/api/index.js': 'api v1\n', 'web/index.js': 'web v1\n', 'README.md': 'readme\n' })
  const prefix = uniquePrefix('apply')
  const f = {
    repo,
    prefix,
    stateKey: `${prefix}state/assets.state`,
    buildLog: path.join(tempDir('builds'), 'build.log'),
    configFile: path.join(repo.dir, '.github', 'assets.yml')
  }
  const writeConfig = (text: string): void => {
    writeFileSync(f.configFile, text)
  }
  mkdirSync(path.dirname(f.configFile), { recursive: true })
  writeConfig(configText(f))
  writeFileSync(path.join(repo.dir, '.github', 'vars.yaml'), "team: 'platform: core # infra'\n")
  return {
    ...f,
    writeConfig,
    apply: (extra = {}, env = {}) =>
      runAction({
        inputs: { ...s3Inputs(prefix), mode: 'apply', 'repo-path': repo.dir, config: f.configFile, ...extra },
        env,
        cwd: repo.dir
      }),
    builds: () => (existsSync(f.buildLog) ? readFileSync(f.buildLog, 'utf8').trim().split('\n') : []),
    state: async () => {
      const body = await readObject(client, f.stateKey)
      return body ? (yaml.load(body.toString()) as Record<string, unknown>) : undefined
    }
  }
}

describe('apply', () => {
  it('plan-only on an empty state prints and outputs the plan, and changes nothing', async () => {
    const f = fixture()
    const run = await f.apply({ 'plan-only': 'true' })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain("Tool (assets/api) found in config but doesn't exist in the state, will be created.")
    expect(run.stdout).toContain('Changes count: 3.')
    expect(JSON.parse(run.outputs.plan!)).toEqual([
      { key: 'assets_api', action: 'Create', reason: 'not in the state' },
      { key: 'assets_web', action: 'Create', reason: 'not in the state' },
      { key: 'object_latest', action: 'Create', reason: 'not in the state' }
    ])
    expect(run.outputs).toMatchObject({ changes: '3', found: 'false' })
    expect(run.summary).toContain('Create')
    expect(f.builds()).toEqual([])
    expect(await f.state()).toBeUndefined()
    expect(await readObject(client, `${f.stateKey}.lock`)).toBeUndefined()
  })

  it('creates in dependency order, saves state, then re-applies with no change and no build', async () => {
    const f = fixture()
    const first = await f.apply()
    expect(first.code).toBe(0)
    expect(f.builds()).toEqual(['api', 'web'])
    const lines = first.stdout.split('\n')
    const order = [
      'Processing: (assets/api) -> Create ...',
      'Processing: (assets/web) -> Create ...',
      'Processing: (object/latest) -> Create ...'
    ].map((l) => lines.indexOf(l))
    expect(order.every((index, i) => index > 0 && (i === 0 || index > order[i - 1]!))).toBe(true)
    expect(first.stdout).toContain('Tool (object/latest) Create done.')
    expect(first.stdout).toContain('-------------------- [  Processing done.  ] --------------------')

    const state = (await f.state())!
    expect(state).toMatchObject({ schemaVersion: 1, serial: 3 })
    expect(state.assets_web).toMatchObject({ name: 'assets', instanceID: 'web', dependsOn: ['assets.api'] })
    const api = (state.assets_api as { resourceStatus: { outputs: Record<string, unknown> } }).resourceStatus.outputs
    expect(api).toMatchObject({
      commitHash: f.repo.commit,
      source: 'build',
      files: 1,
      location: `s3://${bucket()}/${f.prefix}api/artifacts/${f.repo.commit}/`
    })
    expect((await readObject(client, `${f.prefix}api/artifacts/${f.repo.commit}/api.js`))!.toString()).toBe('api v1\n')
    const web = (await readObject(client, `${f.prefix}web/artifacts/${f.repo.commit}/built.txt`))!.toString()
    expect(web).toBe(`demo ${String(api.codeHash)}\n`)
    const latest = JSON.parse((await readObject(client, `${f.prefix}releases/latest.json`))!.toString())
    expect(latest).toEqual({
      api: api.location,
      web: `s3://${bucket()}/${f.prefix}web/artifacts/${f.repo.commit}/`,
      team: 'platform: core # infra'
    })
    expect(JSON.parse(first.outputs.outputs!).assets_api).toMatchObject({ source: 'build' })

    const again = await f.apply()

    expect(again.code).toBe(0)
    expect(again.outputs).toMatchObject({ changes: '0', found: 'true' })
    expect(f.builds()).toEqual(['api', 'web'])
    expect((await f.state())!.serial).toBe(3)

    commitAll(f.repo.dir, 'docs only', { 'README.md': 'more\n' })
    const newCommit = await f.apply()
    expect(newCommit.outputs).toMatchObject({ changes: '0', found: 'true' })
  })

  it('updates dependents of a changed tool, and finds reverted code in the cache without building', async () => {
    const f = fixture()
    await f.apply()
    commitAll(f.repo.dir, 'api v2', { 'services/api/index.js': 'api v2\n' })
    const changed = await f.apply()
    expect(changed.code).toBe(0)
    expect(JSON.parse(changed.outputs.plan!)).toEqual([
      { key: 'assets_api', action: 'Update', reason: expect.stringMatching(/^code hash changed/) },
      { key: 'assets_web', action: 'Update', reason: 'dependency assets.api changes' },
      { key: 'object_latest', action: 'Update', reason: 'dependency assets.api changes' }
    ])
    expect(f.builds()).toEqual(['api', 'web', 'api', 'web'])

    const reverted = commitAll(f.repo.dir, 'revert', { 'services/api/index.js': 'api v1\n' })
    const back = await f.apply()
    expect(back.code).toBe(0)
    expect(back.outputs).toMatchObject({ changes: '3', found: 'true' })
    expect(f.builds()).toEqual(['api', 'web', 'api', 'web'])
    expect(JSON.parse(back.outputs.outputs!).assets_api).toMatchObject({ source: 'cache', commitHash: reverted })
    expect((await readObject(client, `${f.prefix}api/artifacts/${reverted}/api.js`))!.toString()).toBe('api v1\n')
  })

  it('repairs drift: a deleted manifest makes the tool update', async () => {
    const f = fixture()
    await f.apply()
    await client.send(new DeleteObjectCommand({ Bucket: bucket(), Key: `${f.prefix}api/artifacts/${f.repo.commit}/.manifest.json` }))
    const run = await f.apply()
    expect(run.stdout).toContain("Tool (assets/api) state found but it seems the tool isn't created (no manifest at")
    // As dtm: a resource gone from under its state entry is created again.
    expect(JSON.parse(run.outputs.plan!)[0]).toMatchObject({ key: 'assets_api', action: 'Create' })
    expect(await readObject(client, `${f.prefix}api/artifacts/${f.repo.commit}/.manifest.json`)).toBeDefined()
  })

  it('options.packBelow packs the small files of a tool as the pack-below input does; a bad size names the tool', async () => {
    const f = fixture()
    f.writeConfig(
      configText(f).replace('      directory: services/api/dist\n', '      directory: services/api/dist\n      packBelow: 1MiB\n')
    )
    const run = await f.apply()
    expect(run.code).toBe(0)
    const set = `${f.prefix}api/artifacts/${f.repo.commit}/`
    // Version 3 where the bundle's runtime compresses packs (node24), 2 where it cannot.
    const manifest = JSON.parse((await readObject(client, `${set}.manifest.json`))!.toString()) as {
      version: number
      packs: { path: string }[]
    }
    expect([2, 3]).toContain(manifest.version)
    expect(await readObject(client, `${set}${manifest.packs[0]!.path}`)).toBeDefined()
    expect(await readObject(client, `${set}api.js`)).toBeUndefined()

    f.writeConfig(
      configText(f).replace('      directory: services/api/dist\n', '      directory: services/api/dist\n      packBelow: lots\n')
    )
    const bad = await f.apply({ 'plan-only': 'true' })
    expect(bad.code).toBe(2)
    expect(bad.stdout).toContain("Tool assets.api: 'options.packBelow' must be a size up to 64MiB")

    f.writeConfig(
      configText(f).replace('      directory: services/api/dist\n', '      directory: services/api/dist\n      packCompression: zip\n')
    )
    const badCompression = await f.apply({ 'plan-only': 'true' })
    expect(badCompression.code).toBe(2)
    expect(badCompression.stdout).toContain("Tool assets.api: 'options.packCompression' must be auto")
  })

  it('deletes a tool removed from the config', async () => {
    const f = fixture()
    await f.apply()
    const withoutObject = readFileSync(f.configFile, 'utf8').split('  - name: object')[0]!
    f.writeConfig(withoutObject)
    const run = await f.apply()
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Tool (object/latest) in the state but not in config, will be deleted.')
    expect(JSON.parse(run.outputs.plan!)).toEqual([{ key: 'object_latest', action: 'Delete', reason: 'not in the config' }])
    expect(await readObject(client, `${f.prefix}releases/latest.json`)).toBeUndefined()
    expect(Object.keys((await f.state())!)).toEqual(['schemaVersion', 'serial', 'assets_api', 'assets_web'])
  })

  it('a failing build stops the run and keeps earlier changes in the state', async () => {
    const f = fixture()
    f.writeConfig(readFileSync(f.configFile, 'utf8').replace('echo web >>', 'exit 3; echo web >>'))
    const run = await f.apply()
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('-------------------- [  Processing aborted.  ] --------------------')
    expect(run.stdout).toContain('::error::Tool (assets/web) Create failed: the build command exited with code 3: exit 3;')
    expect(run.stdout).toContain('The change before it was applied and is saved in the state.')
    // The job summary still says what happened: which tool failed, its error's first line, what ran.
    expect(run.summary).toMatch(/^### S3 Asset Manager — apply failed$/m)
    expect(run.summary).toContain('❌ Tool `assets.web` failed: its build ended with exit code 3.')
    expect(run.summary).toContain('```sh\nexit 3; echo web >>')
    expect(run.summary).toMatch(/\| `assets\.api` \| ➕ Create \| .* \| ✅ applied \|/)
    expect(run.summary).toMatch(/\| `assets\.web` \| ➕ Create \| .* \| ❌ failed \|/)
    expect(run.summary).toContain('```mermaid\nflowchart LR')
    const state = (await f.state())!
    expect(Object.keys(state)).toEqual(['schemaVersion', 'serial', 'assets_api'])
    expect(await readObject(client, `${f.stateKey}.lock`)).toBeUndefined()
  })

  it('a held lock stops apply, names its holder, and force-unlock removes it', async () => {
    // s3rver ignores If-None-Match, so this also shows that a lock already there is seen by reading it first.
    const f = fixture()
    const lock = {
      id: 'lock-1234',
      createdAt: new Date(Date.now() - 90_000).toISOString(),
      run: { id: '77', workflow: 'deploy', actor: 'octocat' }
    }
    await client.send(new PutObjectCommand({ Bucket: bucket(), Key: `${f.stateKey}.lock`, Body: JSON.stringify(lock) }))
    const held = await f.apply()
    expect(held.code).toBe(1)
    expect(held.stdout).toMatch(
      /::error::The state s3:\/\/.* is locked: lock lock-1234, taken 9\d s ago \(.*\) by workflow 'deploy', run 77, started by octocat\. .*re-run with 'force-unlock: lock-1234'/
    )
    expect(f.builds()).toEqual([])
    expect(await f.state()).toBeUndefined()

    const wrongId = await f.apply({ 'force-unlock': 'nope' })
    expect(wrongId.stdout).toContain("::error::force-unlock 'nope' does not match the lock lock-1234")

    const forced = await f.apply({ 'force-unlock': 'lock-1234' })
    expect(forced.code).toBe(0)
    expect(forced.stdout).toContain('::warning::Removed the stale lock lock-1234')
    expect(await readObject(client, `${f.stateKey}.lock`)).toBeUndefined()
  })

  it('waits for a lock with lock-timeout, then fails', async () => {
    const f = fixture()
    await client.send(
      new PutObjectCommand({
        Bucket: bucket(),
        Key: `${f.stateKey}.lock`,
        Body: JSON.stringify({ id: 'x', createdAt: new Date().toISOString(), run: {} })
      })
    )
    const started = Date.now()
    // Seconds may be fractional: half a second shows the wait as well as two did.
    const run = await f.apply({ 'lock-timeout': '0.5' })
    expect(run.code).toBe(1)
    expect(Date.now() - started).toBeGreaterThanOrEqual(500)
    expect(run.stdout).toMatch(/Waiting for the state lock \(lock x, taken \d s ago \(.*\) by a run that did not say which\)/)
  })

  it('refuses a state it cannot parse instead of starting empty', async () => {
    const f = fixture()
    await client.send(new PutObjectCommand({ Bucket: bucket(), Key: f.stateKey, Body: 'assets_api: [unclosed' }))
    const run = await f.apply()
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('is not valid YAML')
    expect(run.stdout).toContain('it is not treated as empty')
    expect(f.builds()).toEqual([])
  })

  it('warns that a local state file is lost on a GitHub-hosted runner', async () => {
    const f = fixture()
    f.writeConfig(
      readFileSync(f.configFile, 'utf8').replace(/ {4}backend: s3\n.*\n/, '    backend: local\n    options: { stateFile: assets.state }\n')
    )
    const run = await f.apply({ 'plan-only': 'true' }, { RUNNER_ENVIRONMENT: 'github-hosted' })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      `::warning::The state is a local file (${path.join(f.repo.dir, '.github', 'assets.state')}) on a GitHub-hosted runner`
    )
  })

  it('keeps env values out of the state', async () => {
    const f = fixture()
    f.writeConfig(readFileSync(f.configFile, 'utf8').replace('team: [[ team ]]', 'token: [[ env "DEPLOY_TOKEN" ]]'))
    const run = await f.apply({}, { DEPLOY_TOKEN: 's3cr3t-value' })
    expect(run.code).toBe(0)
    const stateText = (await readObject(client, f.stateKey))!.toString()
    expect(stateText).not.toContain('s3cr3t-value')
    expect(stateText).toMatch(/token: <env DEPLOY_TOKEN sha256:[0-9a-f]{16}>/)
    expect(JSON.parse((await readObject(client, `${f.prefix}releases/latest.json`))!.toString()).token).toBe('s3cr3t-value')
    expect((await f.apply({}, { DEPLOY_TOKEN: 's3cr3t-value' })).outputs.changes).toBe('0')
    expect((await f.apply({}, { DEPLOY_TOKEN: 'rotated' })).outputs.changes).toBe('1')
  })
})

describe('apply refusing a config', () => {
  // One applied state for every case: a refusal changes nothing (asserted each time), so they can share it.
  let f: Fixture
  let good: string
  beforeAll(async () => {
    f = fixture()
    expect((await f.apply()).code).toBe(0)
    good = readFileSync(f.configFile, 'utf8')
  })
  afterEach(() => f.writeConfig(good))

  it.each<[string, (text: string) => string, string]>([
    ['an unknown section', (t) => `${t}\nextras: {}\n`, "unknown section 'extras'"],
    [
      'an unknown plugin',
      (t) => t.replace('- name: object', '- name: helm'),
      "uses plugin 'helm', which does not exist; known plugins: assets, object"
    ],
    ['a duplicate tool', (t) => t.replace('instanceID: web', 'instanceID: api'), 'Tool assets.api is defined twice'],
    [
      'an unknown dependency',
      (t) => t.replace('dependsOn: [ "assets.api" ]', 'dependsOn: [ "assets.nope" ]'),
      'depends on assets.nope, which is not in the config'
    ],
    [
      'a cycle',
      (t) => t.replace('dependsOn: []', 'dependsOn: [ "assets.web" ]'),
      'These tools depend on each other in a cycle: assets.api, assets.web'
    ],
    ['an undefined var', (t) => t.replace('[[ app ]]', '[[ nope ]]'), '[[ nope ]] is not defined'],
    [
      'an unset env',
      (t) => t.replace('[[ app ]]', '[[ env "SAM_TEST_UNSET" ]]'),
      '[[ env "SAM_TEST_UNSET" ]] is not set in the environment'
    ],
    ['invalid YAML', (t) => `${t}\n  - : [\n`, 'is not valid YAML'],
    ['no state backend', (t) => t.replace(/config:\n {2}state:\n.*\n.*\n/, ''), 'no state backend']
  ])('rejects %s, leaving the state untouched', async (_label, edit, message) => {
    const before = (await readObject(client, f.stateKey))!.toString()
    f.writeConfig(edit(good))
    const run = await f.apply()
    expect(run.code).toBe(2)
    expect(run.stdout).toContain(message)
    expect((await readObject(client, f.stateKey))!.toString()).toBe(before)
    expect(await readObject(client, `${f.stateKey}.lock`)).toBeUndefined()
  })
})

// Issue "never destroy by accident": apply refuses plans that would wipe the state by mistake, and reads
// the state files dtm writes without planning spurious changes. Everything through dist/index.js.
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import yaml from 'js-yaml'
import { bucket, endpoint, makeRepo, runAction, s3Inputs, tempDir, uniquePrefix } from '../support/helpers.js'
import { outsideClient, readObject } from '../support/outside-client.js'

const client = outsideClient()
afterAll(() => client.destroy())

function setup(): {
  dir: string
  prefix: string
  stateKey: string
  configFile: string
  config(tools: string): void
  apply(extra?: Record<string, string>): ReturnType<typeof runAction>
  state(): Promise<Record<string, unknown> | undefined>
} {
  const repo = makeRepo({ 'src/a.js': 'a\n' })
  const prefix = uniquePrefix('safety')
  const stateKey = `${prefix}state/assets.state`
  const configFile = path.join(repo.dir, '.github', 'assets.yml')
  mkdirSync(path.dirname(configFile), { recursive: true })
  const config = (tools: string): void =>
    writeFileSync(
      configFile,
      `config:\n  state:\n    backend: s3\n    options: { bucket: ${bucket()}, region: us-east-1, key: ${stateKey}, endpoint: "${endpoint()}" }\n${tools}`
    )
  config(`tools:
  - name: object
    instanceID: latest
    options: { key: releases/latest.json, content: { version: 1 } }
  - name: object
    instanceID: notes
    options: { key: releases/notes.txt, content: "hello" }
`)
  return {
    dir: repo.dir,
    prefix,
    stateKey,
    configFile,
    config,
    apply: (extra = {}) =>
      runAction({ inputs: { ...s3Inputs(prefix), mode: 'apply', 'repo-path': repo.dir, config: configFile, ...extra }, cwd: repo.dir }),
    state: async () => {
      const body = await readObject(client, stateKey)
      return body ? (yaml.load(body.toString()) as Record<string, unknown>) : undefined
    }
  }
}

describe('apply never destroys by accident', () => {
  it('a config with no tools and no apps is an error naming the file; the state and objects stay', async () => {
    const s = setup()
    expect((await s.apply()).code).toBe(0)
    const before = await s.state()
    s.config('vars: { a: 1 }\n# tools: moved to another file by mistake\n')
    const run = await s.apply()
    expect(run.code).toBe(2)
    expect(run.stdout).toContain(`::error::${s.configFile} declares no tools and no apps.`)
    expect(await s.state()).toEqual(before)
    expect((await readObject(client, `${s.prefix}releases/latest.json`))!.toString()).toContain('"version": 1')
  })

  it('a plan that deletes every tool is refused unless allow-delete-all is set', async () => {
    const s = setup()
    expect((await s.apply()).code).toBe(0)
    const before = await s.state()
    s.config(`tools:
  - name: object
    instanceID: renamed
    options: { key: releases/other.json, content: { v: 2 } }
`)
    const planned = await s.apply({ 'plan-only': 'true' })
    expect(planned.code).toBe(0)
    expect(planned.stdout).toContain('::warning::This plan deletes every tool in the state')

    const refused = await s.apply()
    expect(refused.code).toBe(2)
    expect(refused.stdout).toContain('This plan deletes every tool in the state')
    expect(refused.stdout).toContain(': object/notes, object/latest.')
    expect(refused.stdout).toContain("set 'allow-delete-all: true'. Nothing was changed.")
    expect(await s.state()).toEqual(before)
    expect(await readObject(client, `${s.prefix}releases/latest.json`)).toBeDefined()
    expect(await readObject(client, `${s.prefix}releases/other.json`)).toBeUndefined()

    const allowed = await s.apply({ 'allow-delete-all': 'true' })
    expect(allowed.code).toBe(0)
    expect(await readObject(client, `${s.prefix}releases/latest.json`)).toBeUndefined()
    expect(Object.keys((await s.state())!)).toEqual(['schemaVersion', 'serial', 'object_renamed'])
  })

  it('deleting some tools stays allowed and shown in the plan', async () => {
    const s = setup()
    expect((await s.apply()).code).toBe(0)
    s.config(`tools:
  - name: object
    instanceID: latest
    options: { key: releases/latest.json, content: { version: 1 } }
`)
    const run = await s.apply()
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs.plan!)).toEqual([{ key: 'object_notes', action: 'Delete', reason: 'not in the config' }])
  })

  it('reads a state dtm wrote (options.instanceID, no schemaVersion or serial) with no spurious change, then upgrades it', async () => {
    const s = setup()
    expect((await s.apply()).code).toBe(0)
    const ours = (await s.state())!
    const dtm: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(ours)) {
      if (key === 'schemaVersion' || key === 'serial') continue
      const entry = value as { instanceID: string; options: Record<string, unknown> }
      dtm[key] = { ...entry, options: { ...entry.options, instanceID: entry.instanceID } }
    }
    await client.send(new PutObjectCommand({ Bucket: bucket(), Key: s.stateKey, Body: yaml.dump(dtm) }))
    const run = await s.apply()
    expect(run.code).toBe(0)
    expect(run.outputs.changes).toBe('0')
    expect(run.stdout).toContain('Tool (object/latest) is up to date.')
  })

  it('an empty state file (what dtm leaves after deleting everything) is an empty state', async () => {
    const s = setup()
    await client.send(new PutObjectCommand({ Bucket: bucket(), Key: s.stateKey, Body: Buffer.alloc(0) }))
    const run = await s.apply({ 'plan-only': 'true' })
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs.plan!).map((c: { action: string }) => c.action)).toEqual(['Create', 'Create'])
  })
})

describe('outside GitHub, a seed-style job never falls back silently', () => {
  const repo = makeRepo({ 'lambdas/a.py': 'print(1)\n' })

  it.each([
    ['PACKAGE_ASSETS_BUCKET empty', { PACKAGE_ASSETS_BUCKET: '', GIT_REPO_PATH: repo.dir }],
    ['PACKAGE_ASSETS_BUCKET missing', { GIT_REPO_PATH: repo.dir, CODE_HASH_FIND_FILTER: 'lambdas/**' }],
    ['only PACKAGE_DIRECTORY set', { PACKAGE_DIRECTORY: 'out' }]
  ])('%s: exits 100 with the original message and writes nothing', async (_label, env) => {
    const cwd = tempDir('seed-missing')
    const run = await runAction({ args: ['check'], cwd, runner: false, env })
    expect(run.code).toBe(100)
    expect(run.stderr).toContain('error: Missing environment variable: PACKAGE_ASSETS_BUCKET.')
    expect(run.stderr).toContain('set backend to local')
    expect(run.stdout).toContain('found=false')
    const { readdirSync } = await import('node:fs')
    expect(readdirSync(cwd)).toEqual([])
  })

  it('backend local chosen explicitly still works, and an implicit local store says where it is', async () => {
    const cwd = tempDir('seed-local')
    const explicit = await runAction({ args: ['check'], cwd, runner: false, env: { GIT_REPO_PATH: repo.dir, INPUT_BACKEND: 'local' } })
    expect(explicit.code).toBe(0)
    expect(explicit.stdout).not.toContain('No bucket is set')
    const implicit = await runAction({ args: ['check'], cwd, runner: false, env: { 'INPUT_REPO-PATH': repo.dir } })
    expect(implicit.code).toBe(0)
    expect(implicit.stdout).toContain(`No bucket is set, so the assets are kept in the local directory ${path.join(cwd, '.asset-store')}`)
  })
})

describe('legacy-sets: the original tool’s sets (objects, no manifest)', () => {
  it('count as found only when legacy-sets is on, with a warning; download refuses them', async () => {
    const repo = makeRepo({ 'src/a.js': '1' })
    const prefix = uniquePrefix('legacy')
    for (const [key, body] of [
      ['fn.zip', 'zip bytes'],
      ['nested/b.txt', 'b']
    ]) {
      await client.send(new PutObjectCommand({ Bucket: bucket(), Key: `${prefix}artifacts/${repo.commit}/${key}`, Body: body }))
    }
    const inputs = { ...s3Inputs(prefix), mode: 'check', 'repo-path': repo.dir, 'package-directory': tempDir('pkg') }
    const off = await runAction({ inputs })
    expect(off.outputs.found).toBe('false')

    const on = await runAction({ inputs: { ...inputs, 'legacy-sets': 'true' } })
    expect(on.code).toBe(0)
    expect(on.outputs).toMatchObject({ found: 'true', source: 'commit', files: '2', bytes: '10' })
    expect(on.stdout).toContain('::warning::legacy-sets:')
    expect(readFileSync(path.join(inputs['package-directory'], '.found'), 'utf8')).toBe('')

    const download = await runAction({
      inputs: { ...inputs, 'legacy-sets': 'true', download: 'true', 'package-directory': tempDir('pkg') }
    })
    expect(download.code).toBe(1)
    expect(download.stdout).toContain('found by the legacy-sets rule (no manifest), so they cannot be verified')
  })

  // Only files make the original tool's set: a claim of an upload still running, or a last-use marker that outlived
  // its set, would otherwise make check skip the build with nothing stored.
  it.each(['.claims/t-000000000001-0123456789abcdef', '.last-used'])('%s alone is a miss with legacy-sets on', async (name) => {
    const repo = makeRepo({ 'src/a.js': '1' })
    const prefix = uniquePrefix('legacy-bookkeeping')
    await client.send(new PutObjectCommand({ Bucket: bucket(), Key: `${prefix}artifacts/${repo.commit}/${name}`, Body: '{}' }))
    const inputs = { ...s3Inputs(prefix), mode: 'check', 'repo-path': repo.dir, 'package-directory': tempDir('pkg'), 'legacy-sets': 'true' }
    const run = await runAction({ inputs })
    expect(run.code).toBe(0)
    expect(run.outputs.found).toBe('false')
    expect(run.stdout).not.toContain('::warning::legacy-sets:')
  })
})

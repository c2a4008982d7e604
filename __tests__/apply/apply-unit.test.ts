import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { loadConfig } from '../../src/apply/config.js'
import { LockError, StateError } from '../../src/apply/errors.js'
import { acquireLock, releaseLock } from '../../src/apply/lock.js'
import { sameValue, topologicalBatches } from '../../src/apply/plan.js'
import { LocalStateStorage } from '../../src/apply/state-storage.js'
import { parseState, StateFile } from '../../src/apply/state.js'
import { findReferences, protectTemplates, resolveReferences } from '../../src/apply/template.js'
import { tempDir } from '../support/helpers.js'

const PLUGINS = ['assets', 'object']

function configDir(files: Record<string, string>): string {
  const dir = tempDir('cfg')
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    writeFileSync(path.join(dir, name), text)
  }
  return dir
}

const STATE = 'config:\n  state:\n    backend: local\n    options: { stateFile: my.state }\n'

describe('templating', () => {
  it.each([
    ['repo: [[ name ]]', { repo: 'demo' }],
    ['repo: "[[ name ]]"', { repo: 'demo' }],
    ['image: [[ user ]]/[[ name ]]', { image: 'me/demo' }],
    ['tricky: [[ tricky ]]', { tricky: 'a: b # not a comment' }],
    ['count: [[ count ]]', { count: 3 }],
    ['label: v[[ count ]]', { label: 'v3' }],
    ['nested: { list: [ "[[ name ]]-x" ] }', { nested: { list: ['demo-x'] } }],
    ['from_env: [[ env "SAM_UNIT_ENV" ]]', { from_env: 'env value' }]
  ])('%s', async (line, expected) => {
    const dir = configDir({
      'a.yaml': `${STATE}vars:\n  name: demo\n  user: me\n  count: 3\n  tricky: "a: b # not a comment"\ntools:\n  - name: object\n    instanceID: x\n    options:\n      key: k\n      ${line}\n`
    })
    const config = await loadConfig(path.join(dir, 'a.yaml'), PLUGINS, { SAM_UNIT_ENV: 'env value' })
    expect(config.tools[0]!.options).toEqual({ key: 'k', ...expected })
  })

  it('lets vars use vars and reports cycles', async () => {
    const ok = configDir({
      'a.yaml': `${STATE}vars:\n  a: x\n  b: "[[ a ]]-y"\n  c: "[[ b ]]-z"\ntools:\n  - { name: object, instanceID: o, options: { key: k, content: "[[ c ]]" } }\n`
    })
    expect((await loadConfig(path.join(ok, 'a.yaml'), PLUGINS)).tools[0]!.options.content).toBe('x-y-z')
    const loop = configDir({
      'a.yaml': `${STATE}vars:\n  a: "[[ b ]]"\n  b: "[[ a ]]"\ntools:\n  - { name: object, instanceID: o, options: { key: k, content: "[[ a ]]" } }\n`
    })
    await expect(loadConfig(path.join(loop, 'a.yaml'), PLUGINS)).rejects.toThrow('the vars a → b → a refer to each other in a cycle')
  })

  it('finds and resolves output references, keeping types of whole-string references', () => {
    const options = {
      a: '${{ assets.api.outputs.files }}',
      b: 'n=${{ assets.api.outputs.files }} at ${{ assets.web.outputs.location }}',
      c: ['${{ assets.api.outputs.meta }}']
    }
    expect(findReferences(options).references.map((r) => `${r.tool}:${r.key}`)).toEqual([
      'assets.api:files',
      'assets.api:files',
      'assets.web:location',
      'assets.api:meta'
    ])
    const outputs: Record<string, Record<string, unknown>> = {
      'assets.api': { files: 3, meta: { k: 1 } },
      'assets.web': { location: 's3://b/w/' }
    }
    expect(resolveReferences(options, (tool, key) => outputs[tool]![key])).toEqual({ a: 3, b: 'n=3 at s3://b/w/', c: [{ k: 1 }] })
  })

  it('rejects unknown template syntax', () => {
    expect(() => protectTemplates('a: [[ if .x ]]', 'f.yaml', 0)).toThrow("f.yaml: '[[ if .x ]]' is not a template this action knows")
  })
})

describe('config loading', () => {
  it('merges a directory of files, varFile and toolFile, and expands apps from pipeline templates', async () => {
    const dir = configDir({
      'main.yaml': `varFile: a-vars.yaml\ntoolFile: tools.yaml\n${STATE}`,
      'a-vars.yaml': 'org: acme\n',
      'tools.yaml': 'tools:\n  - { name: assets, instanceID: api, options: { paths: [ "api/**" ], directory: api/dist } }\n',
      'z-apps.yml': [
        'pipelineTemplates:',
        '  - name: node-service',
        '    type: assets',
        '    options:',
        '      paths: [ "services/[[ app ]]/**" ]',
        '      run: npm run build -w services/[[ app ]] --node=[[ nodeVersion ]] --org=[[ org ]]',
        '      directory: services/[[ app ]]/dist',
        'apps:',
        '  - name: billing',
        '    ci: { templateName: node-service, vars: { nodeVersion: "22" } }',
        '  - name: search',
        '    ci: { templateName: node-service, vars: { nodeVersion: "24" } }',
        '    dependsOn: [ "assets.api" ]'
      ].join('\n')
    })
    const config = await loadConfig(dir, PLUGINS)
    expect(config.state).toEqual({ kind: 'local', file: path.join(dir, 'my.state') })
    expect(config.tools.map((t) => t.ref)).toEqual(['assets.api', 'assets.billing', 'assets.search'])
    expect(config.tools[2]).toMatchObject({
      dependsOn: ['assets.api'],
      options: {
        paths: ['services/search/**'],
        run: 'npm run build -w services/search --node=24 --org=acme',
        directory: 'services/search/dist'
      }
    })
  })

  it.each([
    [
      'apps:\n  - { name: billing, ci: { templateName: nope } }\n',
      "app 'billing' ci[0] uses pipeline template 'nope', which is not defined"
    ],
    [
      'pipelineTemplates:\n  - { name: t, type: assets, options: { paths: [x], directory: d } }\napps:\n  - { name: api, ci: { templateName: t } }\ntools:\n  - { name: assets, instanceID: api, options: { paths: [x], directory: d } }\n',
      'Tool assets.api is defined twice: in '
    ],
    ['tools:\n  - { name: assets, instanceID: "bad id", options: {} }\n', "needs an 'instanceID' of letters"],
    ['tools:\n  - { name: assets, instanceID: a, options: {}, extra: 1 }\n', 'has unknown key(s) extra']
  ])('rejects %j', async (text, message) => {
    const dir = configDir({ 'a.yaml': `${STATE}${text}` })
    await expect(loadConfig(path.join(dir, 'a.yaml'), PLUGINS)).rejects.toThrow(message)
  })

  it('accepts backend names in any case, skips blank dependsOn entries, and reads config subfolders in sorted order', async () => {
    const dir = configDir({
      'main.yaml': 'config:\n  state:\n    backend: Local\n    options: { stateFile: my.state }\n',
      'tools/b/second.yaml': 'tools:\n  - { name: object, instanceID: second, dependsOn: ["", "  "], options: { key: b, content: b } }\n',
      'tools/a/first.yml': 'tools:\n  - { name: object, instanceID: first, options: { key: a, content: a } }\n',
      'tools/.hidden/skip.yaml': 'tools:\n  - { name: object, instanceID: hidden, options: { key: h, content: h } }\n'
    })
    const config = await loadConfig(dir, PLUGINS)
    expect(config.state).toEqual({ kind: 'local', file: path.join(dir, 'my.state') })
    expect(config.tools.map((tool) => tool.ref)).toEqual(['object.first', 'object.second'])
    expect(config.tools[1]!.dependsOn).toEqual([])
  })

  it('makes tools from apps run after every tools: entry, as dtm does, without becoming their dependents', async () => {
    const dir = configDir({
      'a.yaml': `${STATE}pipelineTemplates:\n  - { name: t, type: assets, options: { paths: [x], directory: d } }\napps:\n  - { name: web, ci: { templateName: t } }\ntools:\n  - { name: object, instanceID: z, options: { key: k, content: c } }\n`
    })
    const config = await loadConfig(path.join(dir, 'a.yaml'), PLUGINS)
    const web = config.tools.find((tool) => tool.ref === 'assets.web')!
    expect(web.after).toEqual(['object.z'])
    expect(web.dependencies).toEqual([])
  })

  it.each([
    ['', 'is set but empty in the environment. Set SAM_EMPTY for this step.'],
    [undefined, 'is not set in the environment. Set SAM_EMPTY for this step.']
  ])('refuses an env value %j (dtm refuses empty ones too)', async (value, message) => {
    const dir = configDir({
      'a.yaml': `${STATE}tools:\n  - { name: object, instanceID: o, options: { key: k, content: [[ env "SAM_EMPTY" ]] } }\n`
    })
    await expect(loadConfig(path.join(dir, 'a.yaml'), PLUGINS, value === undefined ? {} : { SAM_EMPTY: value })).rejects.toThrow(message)
  })

  it('refuses a config with no tools and no apps, naming the files', async () => {
    const dir = configDir({ 'a.yaml': `${STATE}vars: { a: 1 }\n`, 'b.yaml': 'tools: []\n' })
    await expect(loadConfig(dir, PLUGINS)).rejects.toThrow(
      `${path.join(dir, 'a.yaml')}, ${path.join(dir, 'b.yaml')} declare no tools and no apps`
    )
  })

  it('names a missing config', async () => {
    await expect(loadConfig('/nonexistent/assets.yml', PLUGINS)).rejects.toThrow(
      "The apply config '/nonexistent/assets.yml' does not exist"
    )
  })
})

describe('plan helpers', () => {
  it('orders batches by dependency and names cycles', () => {
    const nodes = [
      { id: 'c', deps: ['a', 'b'] },
      { id: 'a', deps: [] },
      { id: 'b', deps: ['a'] },
      { id: 'd', deps: [] }
    ]
    expect(
      topologicalBatches(
        nodes,
        (n) => n.id,
        (n) => n.deps
      ).map((batch) => batch.map((n) => n.id))
    ).toEqual([['a', 'd'], ['b'], ['c']])
    // Inside a batch the given (config) order is kept, not the alphabetical one.
    expect(
      topologicalBatches(
        [{ id: 'z' }, { id: 'a' }],
        (n) => n.id,
        () => []
      ).map((batch) => batch.map((n) => n.id))
    ).toEqual([['z', 'a']])
    expect(() =>
      topologicalBatches(
        [
          { id: 'x', deps: ['y'] },
          { id: 'y', deps: ['x'] }
        ],
        (n) => n.id,
        (n) => n.deps
      )
    ).toThrow('cycle: x, y')
  })

  it.each([
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [{ a: 1 }, { a: '1' }, false],
    [[1, 2], [2, 1], false]
  ])('sameValue(%j, %j) = %s', (a, b, same) => {
    expect(sameValue(a, b)).toBe(same)
  })
})

describe('local state and lock', () => {
  it('starts empty only when the file is missing, and counts serials', async () => {
    const file = path.join(tempDir('state'), 'a.state')
    const state = new StateFile(new LocalStateStorage(file))
    expect((await state.load()).resources.size).toBe(0)
    const entry = { name: 'object', instanceID: 'o', dependsOn: [], options: { key: 'k' }, resourceStatus: { outputs: { key: 'k' } } }
    await state.save(new Map([['object_o', entry]]))
    await state.save(new Map([['object_o', entry]]))
    const again = await new StateFile(new LocalStateStorage(file)).load()
    expect(again.serial).toBe(2)
    expect(again.resources.get('object_o')).toEqual(entry)
    // An empty file is what dtm leaves after deleting everything: an empty state. Garbage is still refused.
    writeFileSync(file, '')
    expect((await new StateFile(new LocalStateStorage(file)).load()).resources.size).toBe(0)
    writeFileSync(file, 'a: [unclosed\n')
    await expect(new StateFile(new LocalStateStorage(file)).load()).rejects.toBeInstanceOf(StateError)
  })

  it('reads entries as dtm v0.6 wrote them (lowercase keys, resource) and drops options.instanceID', () => {
    const state = parseState(
      'object_o:\n  name: object\n  instanceid: o\n  dependson: [assets.a]\n  options: { key: k, instanceID: o }\n  resource: { outputs: { key: k } }\n',
      'f'
    )
    expect(state.resources.get('object_o')).toEqual({
      name: 'object',
      instanceID: 'o',
      dependsOn: ['assets.a'],
      options: { key: 'k' },
      resourceStatus: { outputs: { key: 'k' } }
    })
  })

  it('detects a concurrent writer', async () => {
    const file = path.join(tempDir('state'), 'a.state')
    const first = new StateFile(new LocalStateStorage(file))
    await first.load()
    await first.save(new Map())
    const second = new StateFile(new LocalStateStorage(file))
    await second.load()
    await second.save(new Map())
    await expect(first.save(new Map())).rejects.toThrow('was changed by someone else')
  })

  it.each([
    ['schemaVersion: 9\n', 'has schemaVersion 9'],
    ['- a\n', 'is not a YAML map'],
    ['x_y: { options: {} }\n', "has an entry 'x_y' without name and instanceID"]
  ])('refuses state %j', (text, message) => {
    expect(() => parseState(text, 'f')).toThrow(message)
  })

  it('takes, refuses and releases an exclusive lock', async () => {
    const storage = new LocalStateStorage(path.join(tempDir('lock'), 'a.state'))
    const lock = await acquireLock(storage, { timeoutSeconds: 0 })
    await expect(acquireLock(storage, { timeoutSeconds: 0 })).rejects.toBeInstanceOf(LockError)
    await releaseLock(storage, lock)
    const next = await acquireLock(storage, { timeoutSeconds: 0 })
    expect(next.id).not.toBe(lock.id)
  })
})

describe('a bad value in the config is reported where it was written', () => {
  it("options.prefix names the tool and its option, not the action's 'prefix' input", async () => {
    const { assetsPlugin } = await import('../../src/apply/plugins/assets.js')
    const { LocalStore } = await import('../../src/stores/local.js')
    const { OPEN_POLICY } = await import('../support/helpers.js')
    const context = {
      store: new LocalStore(tempDir('store')),
      storePrefix: '',
      repoPath: tempDir('repo'),
      commit: 'a'.repeat(40),
      concurrency: 1,
      policy: OPEN_POLICY,
      platform: 'linux-x64',
      crossPlatform: false,
      outputs: []
    }
    const entry = {
      name: 'assets',
      instanceID: 'api',
      dependsOn: [],
      options: {},
      resourceStatus: { outputs: { commitHash: 'a'.repeat(40) } }
    }
    const read = assetsPlugin.read(entry as never, context, { prefix: 'team\\web' })
    await expect(read).rejects.toThrow("Tool assets.api: 'options.prefix' is 'team\\web': a key prefix separates its parts with '/'")
    await expect(assetsPlugin.read(entry as never, context, { prefix: 'team\\web' })).rejects.not.toThrow(/Input 'prefix'/)
  })
})

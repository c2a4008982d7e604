// DevStream (`dtm`) conformance: the cases of DevStream's own tests that our domain shares, ported as
// tables (each row names the DevStream file and case it comes from, in devstream-io/devstream before the
// repository was emptied), then end-to-end apply runs of a DevStream-shaped config through dist/index.js.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import yaml from 'js-yaml'
import { deepMerge, loadConfig, type ApplyConfig } from '../../src/apply/config.js'
import { parseState } from '../../src/apply/state.js'
import { makeRepo, runAction, s3Inputs, tempDir, uniquePrefix } from '../support/helpers.js'
import { outsideClient, readObject } from '../support/outside-client.js'

const PLUGINS = ['assets', 'object']
const STATE = 'config:\n  state:\n    backend: local\n    options: { stateFile: my.state }\n'

async function load(text: string, env: NodeJS.ProcessEnv = {}): Promise<ApplyConfig> {
  const dir = tempDir('dtm')
  writeFileSync(path.join(dir, 'config.yaml'), `${STATE}${text}`)
  return loadConfig(path.join(dir, 'config.yaml'), PLUGINS, env)
}

/** The options of the one object tool a snippet declares. */
async function objectOptions(snippet: string, vars: Record<string, unknown>, env: NodeJS.ProcessEnv = {}): Promise<unknown> {
  const config = await load(`vars: ${JSON.stringify(vars)}\ntools:\n  - name: object\n    instanceID: o\n    options:\n${snippet}\n`, env)
  return config.tools[0]!.options
}

const ENV = { GITHUB_TOKEN: 'ghp_token', GITLAB_TOKEN: 'glpat_token' }

/** A repository whose config keeps one object tool, its state in a local file and its store in a temp dir. */
function objectToolRepo(): { repo: { dir: string; commit: string }; store: string; apply: () => ReturnType<typeof runAction> } {
  const repo = makeRepo({ 'a.txt': '1' })
  const store = tempDir('store')
  writeFileSync(
    path.join(repo.dir, 'config.yaml'),
    `config:\n  state: { backend: local, options: { stateFile: devstream.state } }\n  store: { backend: local, localDir: ${store} }\ntools:\n  - { name: object, instanceID: o, options: { key: k.txt, content: x } }\n`
  )
  const apply = (): ReturnType<typeof runAction> =>
    runAction({ inputs: { mode: 'apply', 'repo-path': repo.dir, config: path.join(repo.dir, 'config.yaml') } })
  return { repo, store, apply }
}

describe('DevStream variables and env, as its tests assert', () => {
  it.each<[string, string, Record<string, unknown>, unknown]>([
    // pkg/util/template/processor_test.go — AddQuoteForVariablesInConfigProcessor
    ['processor_test "config is normal": [[env NAME]]', '      content: "[[env GITHUB_TOKEN]]"', {}, { content: 'ghp_token' }],
    ['processor_test "config has single quote"', '      content: "[[ env \'GITHUB_TOKEN\']]"', {}, { content: 'ghp_token' }],
    ['processor_test "config has quote"', '      content: \'[[ env "GITHUB_TOKEN"]]\'', {}, { content: 'ghp_token' }],
    [
      'processor_test "config has multiple variables"',
      '      content: \'[[ env GITHUB_TOKEN]]/[[ env "GITLAB_TOKEN"]]\'',
      {},
      { content: 'ghp_token/glpat_token' }
    ],
    [
      'processor_test "there is only one word": [[GITHUB_TOKEN]] is a var',
      '      content: "[[GITHUB_TOKEN]]"',
      { GITHUB_TOKEN: 'v' },
      { content: 'v' }
    ],
    // pkg/util/template/processor_test.go — AddDotForVariablesInConfigProcessor
    ['processor_test "config is normal": [[varNameA]]', '      content: "[[varNameA]]"', { varNameA: 'a' }, { content: 'a' }],
    ['processor_test "config has spaces"', '      content: "[[ varNameA ]]"', { varNameA: 'a' }, { content: 'a' }],
    ['processor_test "config has trailing spaces"', '      content: "[[ varNameA  ]]"', { varNameA: 'a' }, { content: 'a' }],
    [
      'processor_test "config has multiple variables"',
      '      content: "[[ varNameA ]]/[[ varNameB ]]/[[ varNameC ]]"',
      { varNameA: 'a', varNameB: 'b', varNameC: 'c' },
      { content: 'a/b/c' }
    ],
    // internal/pkg/configmanager/variables_test.go — renderConfigWithVariables "should works fine"
    ['variables_test result1', '      content: "[[ foo1 ]]/[[ foo2]]"', { foo1: 'bar1', foo2: 'bar2' }, { content: 'bar1/bar2' }],
    ['variables_test result2', '      content: "a[[ foo1 ]]/[[ foo2]]b"', { foo1: 'bar1', foo2: 'bar2' }, { content: 'abar1/bar2b' }],
    ['variables_test result3', '      content: " [[ foo1 ]] [[ foo2]] "', { foo1: 'bar1', foo2: 'bar2' }, { content: ' bar1 bar2 ' }],
    // internal/pkg/configmanager/var_test.go — parseNestedVars
    [
      'var_test "case is simple(no nested)"',
      '      content: { a: "[[ a ]]", b: "[[ b ]]" }',
      { a: 'a', b: 123 },
      { content: { a: 'a', b: 123 } }
    ],
    ['var_test "case is complex(nested once)"', '      content: "[[ a ]]"', { a: '[[ b]]a', b: '123' }, { content: '123a' }],
    [
      'var_test "case is complex(nested many times)"',
      '      content: "[[ d ]]"',
      { a: '[[ b]]a', b: 123, c: '[[a]]c', d: '[[a]]/[[ c ]]/[[b]]' },
      { content: '123a/123ac/123' }
    ]
  ])('%s', async (_case, snippet, vars, expected) => {
    expect(await objectOptions(`      key: k\n${snippet}`, vars, ENV)).toEqual({ key: 'k', ...(expected as object) })
  })

  it.each<[string, string, Record<string, unknown>, string]>([
    // internal/pkg/configmanager/var_test.go — parseNestedVars "vars map is incorrect" (c refers to itself)
    [
      'var_test "vars map is incorrect"',
      '      content: "[[ d ]]"',
      { a: '[[ b]]a', b: '123', c: '[[a]]c[[c]]', d: '[[a]]/[[ c ]]/[[b]]' },
      'c → c'
    ],
    // pkg/util/template/processor_test.go — "the first word has quote": dtm leaves it, and Go's template then fails
    ['processor_test "the first word has quote"', '      content: \'[[ "env" GITHUB_TOKEN]]\'', {}, 'is not a template this action knows'],
    // pkg/util/template/processor_test.go — "there are more than one words": a template function, not ours
    ['processor_test "there are more than one words"', '      content: "[[ func varNameA ]]"', {}, 'is not a template this action knows'],
    // internal/pkg/configmanager/pipelinetemplate_test.go — "render template failed" ([[ not_exist ]])
    ['pipelinetemplate_test "render template failed"', '      content: "[[ not_exist ]]"', {}, '[[ not_exist ]] is not defined']
  ])('%s is an error', async (_case, snippet, vars, message) => {
    await expect(objectOptions(`      key: k\n${snippet}`, vars, ENV)).rejects.toThrow(message)
  })

  it('keeps a whole-value var typed, as YAML wrote it (number, bool, map)', async () => {
    expect(
      await objectOptions('      key: k\n      content: { n: "[[ n ]]", b: [[ b ]], m: [[ m ]] }', { n: 3, b: true, m: { x: [1] } })
    ).toEqual({
      key: 'k',
      content: { n: 3, b: true, m: { x: [1] } }
    })
  })
})

const TEMPLATE = `pipelineTemplates:
  - name: node-service
    type: assets
    options:
      paths: [ "services/[[ app ]]/**" ]
      directory: services/[[ app ]]/dist
      run: build [[ app ]] --node [[ nodeVersion ]]
      registry: { username: "[[ var1 ]]", host: registry.example.com }
`

describe('DevStream apps and pipeline templates, as its tests assert', () => {
  it('pipelinetemplate_test "type is not template": an inline plugin entry keeps its options', async () => {
    const config = await load(
      `apps:\n  - name: docs\n    ci:\n      - type: object\n        options: { key: docs.json, content: { toolconfig: here } }\n`
    )
    expect(config.tools.map((tool) => [tool.ref, tool.options])).toEqual([
      ['object.docs', { key: 'docs.json', content: { toolconfig: 'here' } }]
    ])
  })

  it('pipelinetemplate_test "app and global has same value": the entry\'s vars win over global vars', async () => {
    const config = await load(
      `vars: { var1: global, nodeVersion: "20" }\n${TEMPLATE}apps:\n  - name: api\n    ci:\n      - type: template\n        templateName: node-service\n        vars: { var1: cover }\n`
    )
    expect(config.tools[0]!.options).toMatchObject({
      registry: { username: 'cover', host: 'registry.example.com' },
      run: 'build api --node 20'
    })
  })

  it('pipelinetemplate_test "app and template has options": entry options merge over the template\'s, entry wins', async () => {
    const config = await load(
      `vars: { var1: global, nodeVersion: "20" }\n${TEMPLATE}apps:\n  - name: api\n    ci:\n      - type: template\n        templateName: node-service\n        options: { run: make, registry: { host: ghcr.io }, app: test }\n`
    )
    expect(config.tools[0]!.options).toEqual({
      paths: ['services/api/**'],
      directory: 'services/api/dist',
      run: 'make',
      registry: { username: 'global', host: 'ghcr.io' },
      app: 'test'
    })
  })

  it.each<[string, string, string]>([
    // internal/pkg/configmanager/pipelinetemplate_test.go — "templateName is empty"
    [
      '"templateName is empty"',
      '      - type: template\n        templateName: ""\n',
      "app 'api' ci[0] is of type template but names no templateName"
    ],
    // internal/pkg/configmanager/pipelinetemplate_test.go — "template not exist in templateMap"
    [
      '"template not exist in templateMap"',
      '      - type: template\n        templateName: not_exit\n',
      "uses pipeline template 'not_exit', which is not defined"
    ],
    // internal/pkg/configmanager/pipelinetemplate_test.go — PipelineTemplate "pipeline type is not valid"
    [
      '"pipeline type is not valid"',
      '      - type: not_exist\n',
      "app 'api' ci[0] has type 'not_exist', which is not a plugin of this action; the plugins are: assets, object"
    ],
    ['a DevStream plugin', '      - type: github-actions\n', "has type 'github-actions', which is not a plugin of this action"]
  ])('pipelinetemplate_test %s is an error', async (_case, entries, message) => {
    await expect(load(`vars: { var1: g, nodeVersion: "20" }\n${TEMPLATE}apps:\n  - name: api\n    ci:\n${entries}`)).rejects.toThrow(
      message
    )
  })

  it('two entries of one app that make the same tool are an error naming both', async () => {
    await expect(
      load(
        `vars: { var1: g, nodeVersion: "20" }\n${TEMPLATE}apps:\n  - name: api\n    ci:\n      - { type: template, templateName: node-service }\n    cd:\n      - { type: assets, options: { paths: [x], directory: d } }\n`
      )
    ).rejects.toThrow("app 'api': ci[0] and cd[0] both make tool assets.api")
  })

  it('ci as a list and cd make one tool each; the map form still works; DevStream-only keys are named once', async () => {
    const config = await load(
      `vars: { var1: g, nodeVersion: "20" }\n${TEMPLATE}apps:\n` +
        `  - name: api\n    spec: { language: node }\n    repo: { url: github.com/acme/api }\n    ci:\n      - type: template\n        templateName: node-service\n    cd:\n      - type: object\n        options: { key: "deploy/[[ app ]].json", content: "${'${{ assets.api.outputs.location }}'}" }\n` +
        `  - name: web\n    repoTemplate: { url: github.com/acme/template }\n    ci: { templateName: node-service, vars: { nodeVersion: "22" } }\n`
    )
    expect(config.tools.map((tool) => `${tool.ref} <- ${tool.dependencies.join(',')}`)).toEqual([
      'assets.api <- ',
      'object.api <- assets.api',
      'assets.web <- '
    ])
    expect(config.tools[2]!.options.run).toBe('build web --node 22')
    expect(config.notices).toEqual(["Not used here (read by DevStream's own plugins): app 'api' spec, repo; app 'web' repoTemplate."])
  })

  it("an app key DevStream does not know either is an error, and so is DevStream's lifecycleManagement (no jira-integ plugin)", async () => {
    await expect(load('apps:\n  - name: api\n    lifecycleManagement: { type: jira-integ }\n')).rejects.toThrow(
      "app 'api' has unknown key(s) lifecycleManagement"
    )
  })

  it('deepMerge: maps merge key by key, lists and scalars from the entry replace, an explicit false or empty wins', () => {
    expect(deepMerge({ a: { b: 1, c: [1, 2] }, d: true, e: 'x' }, { a: { c: [3] }, d: false, e: '' })).toEqual({
      a: { b: 1, c: [3] },
      d: false,
      e: ''
    })
  })
})

describe('DevStream tools, dependencies and expressions', () => {
  it.each<[string, string, string | undefined]>([
    // internal/pkg/configmanager/tool_test.go — Dependency "singe dep"
    [
      'tool_test Dependency "singe dep"',
      '  - { name: object, instanceID: a, options: { key: a, content: a } }\n  - { name: object, instanceID: b, dependsOn: [object.a], options: { key: b, content: b } }\n',
      undefined
    ],
    // internal/pkg/configmanager/tool_test.go — Dependency "dep not exist"
    [
      'tool_test Dependency "dep not exist"',
      '  - { name: object, instanceID: b, dependsOn: [object.a], options: { key: b, content: b } }\n',
      'depends on object.a, which is not in the config'
    ],
    // internal/pkg/configmanager/tool_test.go — Dependency "multi-dep"
    [
      'tool_test Dependency "multi-dep"',
      '  - { name: object, instanceID: a, options: { key: a, content: a } }\n  - { name: object, instanceID: r, options: { key: r, content: r } }\n  - { name: object, instanceID: b, dependsOn: [object.a, object.r], options: { key: b, content: b } }\n',
      undefined
    ],
    // internal/pkg/configmanager/tool_test.go — Dependency "empty dep"
    [
      'tool_test Dependency "empty dep"',
      '  - { name: object, instanceID: a, dependsOn: [], options: { key: a, content: a } }\n',
      undefined
    ],
    // internal/pkg/configmanager/tool_test.go — Tool Validation "should return error if tool not valid"
    ['tool_test Validation "tool not valid"', '  - { name: "", instanceID: "", options: {} }\n', "has no 'name'"],
    // a tool declared twice (DevStream: "tool (name/instanceID) is duplicated")
    [
      'duplicated tool',
      '  - { name: object, instanceID: a, options: { key: a, content: a } }\n  - { name: object, instanceID: a, options: { key: a, content: a } }\n',
      'Tool object.a is defined twice'
    ]
  ])('%s', async (_case, tools, error) => {
    const loading = load(`tools:\n${tools}`)
    if (error) await expect(loading).rejects.toThrow(error)
    else await expect(loading).resolves.toBeDefined()
  })

  it('leaves a ${{ }} that is not an output reference as written, and warns when it names a tool', async () => {
    const config = await load(
      'tools:\n  - { name: object, instanceID: api, options: { key: a, content: a } }\n' +
        '  - name: object\n    instanceID: wf\n    options:\n      key: .github/workflows/ci.yml\n      content: |\n' +
        '        run: echo ${{ github.sha }} ${{ secrets.TOKEN }} ${{a.b.c}}\n        slip: ${{ object.api.output.key }}\n'
    )
    expect(config.tools[1]!.options.content).toBe(
      'run: echo ${{ github.sha }} ${{ secrets.TOKEN }} ${{a.b.c}}\nslip: ${{ object.api.output.key }}\n'
    )
    expect(config.tools[1]!.dependencies).toEqual([])
    expect(config.warnings).toEqual([
      expect.stringMatching(
        /config\.yaml: tool object\.wf has '\$\{\{ object\.api\.output\.key \}\}', which names tool object\.api but is not an output reference.*write \$\{\{ object\.api\.outputs\.<key> \}\}/
      )
    ])
  })

  it('reads a state file written by DevStream (no schemaVersion, no serial)', () => {
    const dtmState =
      'object_a:\n  name: object\n  instanceid: a\n  dependson: []\n  options: { key: a }\n  resourcestatus: { outputs: { key: a } }\n'
    const state = parseState(dtmState, 'devstream.state')
    expect([...state.resources.keys()]).toEqual(['object_a'])
    expect(state.serial).toBe(0)
  })
})

describe('a DevStream-shaped config through dist/index.js', () => {
  it('apps with list-form ci/cd, templates with vars and options, env in both forms, GitHub expressions kept', async () => {
    const repo = makeRepo({ 'services/api/index.js': 'api\n', 'services/web/index.js': 'web\n' })
    const prefix = uniquePrefix('dtm')
    const configDir = path.join(repo.dir, 'devstream')
    mkdirSync(configDir, { recursive: true })
    const stateFile = path.join(tempDir('dtm-state'), 'devstream.state')
    writeFileSync(
      path.join(configDir, 'config.yaml'),
      `config:\n  state:\n    backend: local\n    options:\n      stateFile: ${stateFile}\nvarFile: vars.yaml\n`
    )
    writeFileSync(path.join(configDir, 'vars.yaml'), 'nodeVersion: "20"\nregistryUser: acme\n')
    writeFileSync(
      path.join(configDir, 'apps.yaml'),
      `pipelineTemplates:
  - name: service
    type: assets
    options:
      paths: [ "services/[[ app ]]/**" ]
      directory: services/[[ app ]]/dist
      run: mkdir -p services/[[ app ]]/dist && echo "[[ app ]] node[[ nodeVersion ]]" > services/[[ app ]]/dist/out.txt
apps:
  - name: api
    spec: { language: node }
    repo: { url: github.com/acme/api, token: [[env GITHUB_TOKEN]] }
    ci:
      - type: template
        templateName: service
        vars: { nodeVersion: "22" }
    cd:
      - type: object
        options:
          key: deploy/[[ app ]].yml
          content:
            image: "[[ registryUser ]]/[[ app ]]"
            built: \${{ assets.api.outputs.location }}
            token: '[[ env "DEPLOY_TOKEN" ]]'
            workflow: "docker push \${{ secrets.REGISTRY }}:\${{ github.sha }}"
  - name: web
    ci:
      - type: template
        templateName: service
        options: { run: 'mkdir -p services/web/dist && echo custom > services/web/dist/out.txt' }
`
    )
    const run = await runAction({
      inputs: { ...s3Inputs(prefix), mode: 'apply', 'repo-path': repo.dir, config: configDir },
      env: { GITHUB_TOKEN: 'ghp_x', DEPLOY_TOKEN: 'deploy-secret' },
      cwd: repo.dir
    })
    // Nothing but, on Node.js < 22, our one-line note (never the SDK's nine-line warning).
    expect(run.stderr.replace(/^note: Node\.js [^\n]*\n/, '')).toBe('')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs.plan!).map((change: { key: string }) => change.key)).toEqual(['assets_api', 'assets_web', 'object_api'])
    expect(run.stdout).toContain("Not used here (read by DevStream's own plugins): app 'api' spec, repo.")
    expect(readFileSync(path.join(repo.dir, 'services/api/dist/out.txt'), 'utf8')).toBe('api node22\n')
    expect(readFileSync(path.join(repo.dir, 'services/web/dist/out.txt'), 'utf8')).toBe('custom\n')
    const client = outsideClient()
    try {
      const deployed = JSON.parse((await readObject(client, `${prefix}deploy/api.yml`))!.toString())
      expect(deployed).toEqual({
        image: 'acme/api',
        built: expect.stringMatching(new RegExp(`^s3://.*/${prefix}api/artifacts/${repo.commit}/$`)),
        token: 'deploy-secret',
        workflow: 'docker push ${{ secrets.REGISTRY }}:${{ github.sha }}'
      })
    } finally {
      client.destroy()
    }
    // The state keeps env values only as a digest, never the secret.
    const state = readFileSync(stateFile, 'utf8')
    expect(state).not.toContain('deploy-secret')
    expect((yaml.load(state) as Record<string, { options: { content: { token: string } } }>).object_api!.options.content.token).toMatch(
      /^<env DEPLOY_TOKEN sha256:/
    )

    // A second run: nothing changed.
    const again = await runAction({
      inputs: { ...s3Inputs(prefix), mode: 'apply', 'repo-path': repo.dir, config: configDir },
      env: { GITHUB_TOKEN: 'ghp_x', DEPLOY_TOKEN: 'deploy-secret' },
      cwd: repo.dir
    })
    expect(again.code).toBe(0)
    expect(again.outputs.changes).toBe('0')
  })
})

describe('DevStream fidelity, the rest (each case cites the DevStream file it follows)', () => {
  async function loadText(text: string, env: NodeJS.ProcessEnv = {}): Promise<ApplyConfig> {
    const dir = tempDir('dtm')
    writeFileSync(path.join(dir, 'config.yaml'), text)
    return loadConfig(path.join(dir, 'config.yaml'), PLUGINS, env)
  }
  const core = 'varFile: ""\ntoolFile: ""\nstate:\n  backend: local\n  options:\n    stateFile: devstream.state\n'
  const tools = 'tools:\n  - name: object\n    instanceID: default\n    options:\n      key: k\n      content: "[[ greeting ]]"\n'

  it('manager_test.go "splitConfigFileBytes … input text is valid": a v0.9 config in documents (core, vars, tools)', async () => {
    const config = await loadText(`---\n${core}---\nvars:\n  greeting: hello\n---\n${tools}`)
    expect(config.state).toMatchObject({ kind: 'local' })
    expect(config.tools.map((tool) => [tool.ref, tool.options.content])).toEqual([['object.default', 'hello']])
  })

  it('v0.9.1 configmanager.go splitConfigFileBytes/checkConfigType: the document with neither state nor tools is the variables, a plain map', async () => {
    const config = await loadText(`---\n${core}---\ngreeting: hello\nfoo: bar\n---\n${tools}`)
    expect(config.tools.map((tool) => [tool.ref, tool.options.content])).toEqual([['object.default', 'hello']])
    // In any order, as dtm tells the documents apart by their keys.
    const reordered = await loadText(`---\n${tools}---\ngreeting: hi\n---\n${core}`)
    expect(reordered.tools[0]!.options.content).toBe('hi')
    // A single document keeps refusing an unknown section: there it is most likely a misspelt one.
    await expect(loadText(`${core}${tools}tols: []\n`)).rejects.toThrow("unknown section 'tols'")
  })

  it('v0.9.1 configmanager.go: "exist multiple sections of var config", and "invalid config format" past three documents', async () => {
    await expect(loadText(`---\n${core}---\ngreeting: a\n---\nfoo: b\n`)).rejects.toThrow(
      "has multiple sections 'vars' (documents 2 and 3)"
    )
    await expect(loadText(`---\n${core}---\ngreeting: a\n---\n${tools}---\nx: 1\n`)).rejects.toThrow(
      "holds 4 YAML documents; DevStream's format has at most three"
    )
  })

  it('manager_test.go "should return error if duplicate config": two documents with tools', async () => {
    await expect(loadText(`---\n${core}---\n${tools}---\n${tools}`)).rejects.toThrow("has multiple sections 'tools' (documents 2 and 3)")
  })

  it('coreconfig.go CoreConfig.PluginDir: pluginDir is accepted and said to be unused', async () => {
    const config = await loadText(`pluginDir: /home/me/.devstream/plugins\n${core}vars:\n  greeting: hi\n${tools}`)
    expect(config.notices.join(' ')).toContain('Not used here: pluginDir')
  })

  it.each(['my.app', 'app-1.v2', 'a'])("tool.go Tool.InstanceID (dns1123subdomain): instanceID '%s' is valid", async (instanceID) => {
    const config = await loadText(
      `${core}tools:\n  - { name: object, instanceID: ${instanceID}, options: { key: k, content: x } }\n  - { name: object, instanceID: after, dependsOn: [ "object.${instanceID}" ], options: { key: l, content: "\${{ object.${instanceID}.outputs.key }}" } }\n`
    )
    expect(config.tools.map((tool) => tool.key)).toEqual([`object_${instanceID}`, 'object_after'])
    expect(config.tools[1]!.dependencies).toEqual([`object.${instanceID}`])
  })

  it.each(['.app', 'app.', 'a..b'])("tool.go (dns1123subdomain): instanceID '%s' is refused", async (instanceID) => {
    await expect(
      loadText(`${core}tools:\n  - { name: object, instanceID: "${instanceID}", options: { key: k, content: x } }\n`)
    ).rejects.toThrow("needs an 'instanceID' of letters, digits")
  })

  it('variables.go renders by text: an unquoted [[env NAME]] takes the YAML type of its value, a quoted one stays a string', async () => {
    const config = await loadText(
      `${core}tools:\n  - name: object\n    instanceID: o\n    options:\n      key: k\n      content:\n        port: [[env PORT]]\n        quoted: "[[env PORT]]"\n        enabled: [[ env ENABLED ]]\n        name: [[ env NAME ]]\n        joined: p-[[env PORT]]\n`,
      { PORT: '123456', ENABLED: 'true', NAME: 'web' }
    )
    expect(config.tools[0]!.options.content).toEqual({ port: 123456, quoted: '123456', enabled: true, name: 'web', joined: 'p-123456' })
  })

  it('v0.12.0 processor.go AddQuoteForVariablesInConfigProcessor + text rendering: a quoted [[ env "X" ]] holding a number stays a string', async () => {
    // dtm renders the text before YAML reads it, so the quotes around the placeholder decide the type.
    const config = await loadText(
      `${core}tools:\n  - name: object\n    instanceID: o\n    options:\n      key: k\n      content:\n        a: "[[ env "PORT" ]]"\n        b: '[[ env "PORT" ]]'\n        c: [[ env "PORT" ]]\n        d: "[[ env 'PORT' ]]"\n        e: "x [[ env "PORT" ]]"\n`,
      { PORT: '8080' }
    )
    expect(config.tools[0]!.options.content).toEqual({ a: '8080', b: '8080', c: 8080, d: '8080', e: 'x 8080' })
  })

  it("an option a plugin does not read is refused like an unknown tool key; dtm's injected options.instanceID is allowed", async () => {
    await expect(
      loadText(`${core}tools:\n  - { name: assets, instanceID: a, options: { paths: "src/**", directory: dist, directroy: out } }\n`)
    ).resolves.toBeDefined() // the loader leaves options to the plugin
    const { PLUGINS: plugins } = await import('../../src/apply/plugins/index.js')
    const tool = (options: Record<string, unknown>) => ({ ref: 'assets.a', instanceID: 'a', options, stateOptions: options })
    expect(() => plugins.get('assets')!.validate(tool({ paths: 'src/**', directory: 'dist', directroy: 'out' }))).toThrow(
      "Tool assets.a: unknown option(s) 'directroy' under 'options'; allowed: paths, run, directory"
    )
    expect(() => plugins.get('object')!.validate({ ...tool({ key: 'k', content: 'x', contnet: 'y' }), ref: 'object.a' })).toThrow(
      "unknown option(s) 'contnet'"
    )
    expect(() => plugins.get('assets')!.validate(tool({ paths: 'src/**', directory: 'dist', instanceID: 'a' }))).not.toThrow()
  })

  it('v0.12.0 configmanager.go renderInstanceIDtoOptions (tool.go): a state whose options carry instanceID, as dtm writes it, is not drift', async () => {
    const { repo, apply } = objectToolRepo()
    expect((await apply()).code).toBe(0)
    const stateFile = path.join(repo.dir, 'devstream.state')
    const state = yaml.load(readFileSync(stateFile, 'utf8')) as Record<string, { options: Record<string, unknown> }>
    const entry = Object.values(state).find((value) => value && typeof value === 'object' && 'options' in value)!
    entry.options.instanceID = 'o'
    writeFileSync(stateFile, yaml.dump(state))
    const run = await apply()
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs.plan!)).toEqual([])
  })

  it('change_helper.go / change.go, decided otherwise: a removed tool is deleted after the creates and updates, and a failure stops the run', async () => {
    // dtm appends a removed tool's Delete to the changes, and topologicalSortChangesInBatch puts it (no
    // dependencies recorded) in the first batch; after a failure execute() finishes the batch. Here the
    // new tools are built first and the old one deleted last, so a failed build never leaves neither; and
    // the first failure stops the run (every change before it is saved): see README "DevStream differences".
    const repo = makeRepo({ 'a.txt': '1' })
    const store = tempDir('store')
    const config = path.join(repo.dir, 'config.yaml')
    const head = `config:\n  state: { backend: local, options: { stateFile: devstream.state } }\n  store: { backend: local, localDir: ${store} }\ntools:\n`
    const kept = '  - { name: object, instanceID: kept, options: { key: kept.txt, content: k } }\n'
    writeFileSync(config, `${head}${kept}  - { name: object, instanceID: old, options: { key: old.txt, content: x } }\n`)
    const apply = (): ReturnType<typeof runAction> => runAction({ inputs: { mode: 'apply', 'repo-path': repo.dir, config } })
    expect((await apply()).code).toBe(0)
    writeFileSync(config, `${head}${kept}  - { name: object, instanceID: new, options: { key: new.txt, content: y } }\n`)
    const renamed = await apply()
    expect(JSON.parse(renamed.outputs.plan!).map((change: { key: string; action: string }) => `${change.action} ${change.key}`)).toEqual([
      'Create object_new',
      'Delete object_old'
    ])
    writeFileSync(
      config,
      `${head}${kept}  - { name: assets, instanceID: broken, options: { paths: a.txt, run: "exit 3", directory: out } }\n` +
        '  - { name: object, instanceID: later, options: { key: later.txt, content: z } }\n'
    )
    const failed = await apply()
    expect(failed.code).toBe(1)
    expect(failed.stdout).toContain('Tool (assets/broken) Create failed')
    expect(failed.stdout).not.toContain('Processing: (object/later)')
  })

  it('change_helper.go changesForApply: a tool in the state whose resource is gone is planned as Create', async () => {
    const { store, apply } = objectToolRepo()
    expect((await apply()).code).toBe(0)
    const { rmSync } = await import('node:fs')
    rmSync(path.join(store, 'k.txt'))
    const run = await apply()
    expect(JSON.parse(run.outputs.plan!)).toEqual([{ key: 'object_o', action: 'Create', reason: expect.stringContaining('resource gone') }])
    expect(run.stdout).toContain("Tool (object/o) state found but it seems the tool isn't created")
  })
})

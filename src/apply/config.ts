import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import yaml from 'js-yaml'
import { parseDatastore, type StoreOverrides } from './datastore.js'
import { fromPosixRelative, toPosixRelative } from '../util/paths.js'
import { ConfigError } from './errors.js'
import { READ_LIMITS } from '../constants.js'
import { OversizedError } from '../errors.js'
import { readOpenedText } from '../util/capped-read.js'
import { closeFd, openFd } from '../util/fs-calls.js'
import { endpointProblem } from '../settings/values.js'
import { buildRunTemplate, type RunTemplate } from './shell.js'
import {
  envDigest,
  findReferences,
  hasPlaceholder,
  protectTemplates,
  resolveTree,
  typedScalar,
  type ForeignExpression,
  type Resolved,
  type VarExpression
} from './template.js'

/** One tool instance as the config asks for it. */
export interface ToolConfig {
  /** The plugin. */
  readonly name: string
  readonly instanceID: string
  /** `name.instanceID`, as dependsOn and references write it. */
  readonly ref: string
  /** `name_instanceID`, the state key. */
  readonly key: string
  /** dependsOn as written, in `name.instanceID` form. */
  readonly dependsOn: readonly string[]
  /** dependsOn plus every tool whose outputs the options read. */
  readonly dependencies: readonly string[]
  /**
   * Tools that run first without being dependencies: a tool made from an app runs after every `tools:`
   * entry, as in dtm, but is not rebuilt when one of them changes (only dependencies do that).
   */
  readonly after: readonly string[]
  /** Options with vars and env resolved; may still hold `${{ … }}` references. */
  readonly options: Record<string, unknown>
  /** The same, with env values replaced by a digest: what the state may hold. */
  readonly stateOptions: Record<string, unknown>
  /** `options.run` as a command whose values the shell reads from the environment (never spliced into its text). */
  readonly run?: RunTemplate
  readonly file: string
}

export type StateBackendConfig =
  | { readonly kind: 'local'; readonly file: string }
  | { readonly kind: 's3'; readonly bucket: string; readonly region?: string; readonly key: string; readonly endpoint?: string }

export type { StoreOverrides } from './datastore.js'

export interface ApplyConfig {
  readonly files: readonly string[]
  /** Directory of the main config file: relative paths in it start here. */
  readonly baseDir: string
  readonly state: StateBackendConfig
  readonly store?: StoreOverrides
  readonly tools: readonly ToolConfig[]
  /** Things to say once in the log: app keys only DevStream's own plugins read. */
  readonly notices: readonly string[]
  /** Likely slips that are not errors: a `${{ … }}` naming a tool but not one of its outputs. */
  readonly warnings: readonly string[]
  /** Every value read with `[[ env ]]`: masked (core.setSecret) before anything prints or is sent to GitHub. */
  readonly envValues: readonly string[]
}

const TOP_LEVEL = ['varFile', 'toolFile', 'pluginDir', 'config', 'state', 'vars', 'tools', 'apps', 'pipelineTemplates', 'datastore']
const TOOL_KEYS = ['name', 'instanceID', 'dependsOn', 'options']
/** dtm's rule is an RFC 1123 subdomain (lowercase letters, digits, '-' and '.'); upper case and '_' are kept for configs that used them. */
const INSTANCE_ID = /^[A-Za-z0-9]([\w-]|\.(?!\.))*(?<!\.)$/

type Doc = Record<string, unknown>

interface LoadedDoc {
  readonly file: string
  readonly doc: Doc
}

function isMap(value: unknown): value is Doc {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

async function configFiles(configPath: string): Promise<string[]> {
  let info
  try {
    info = await stat(configPath)
  } catch {
    throw new ConfigError(
      `The apply config '${configPath}' does not exist: create it or point the 'config' input at your config file or directory.`
    )
  }
  if (!info.isDirectory()) return [configPath]
  // As dtm does, subfolders are read too; the order is the sorted relative paths, so it never depends on the file system.
  const names = (await readdir(configPath, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => toPosixRelative(configPath, path.join(entry.parentPath ?? entry.path, entry.name)))
    .filter((relative) => !relative.split('/').some((segment) => segment.startsWith('.')))
    .sort()
  if (names.length === 0) throw new ConfigError(`The config directory '${configPath}' holds no *.yaml or *.yml file (subfolders included).`)
  return names.map((name) => fromPosixRelative(configPath, name))
}

/** A config file's text: it comes from the checkout (a pull request's, on pull-request runs), so it is read bounded. */
async function readConfigFile(file: string): Promise<string> {
  const fd = await openFd(file, 'r')
  try {
    const text = await readOpenedText(fd, READ_LIMITS.config, file)
    if (text === undefined) throw new ConfigError(`${file} is not a regular file.`)
    return text
  } catch (error) {
    if (error instanceof OversizedError)
      throw new ConfigError(`${error.message}: it is not read. A config that large is not one this action wrote.`)
    throw error
  } finally {
    await closeFd(fd)
  }
}

class Loader {
  readonly expressions: VarExpression[] = []
  readonly docs: LoadedDoc[] = []
  /** dtm settings accepted but without effect here, named once in the log. */
  readonly unused = new Set<string>()
  private readonly seen = new Set<string>()

  /** Loads a file once: in a config directory, a file named by varFile/toolFile is also one of its files. */
  async load(file: string, expect: 'config' | 'vars' | 'tools'): Promise<void> {
    const absolute = path.resolve(file)
    if (this.seen.has(absolute)) return
    this.seen.add(absolute)
    let text: string
    try {
      text = await readConfigFile(file)
    } catch (error) {
      if (error instanceof ConfigError) throw error
      throw new ConfigError(`Cannot read ${file}: ${(error as Error).message}.`)
    }
    const protectedText = protectTemplates(text, file, this.expressions.length)
    this.expressions.push(...protectedText.expressions)
    let documents: unknown[]
    try {
      // DevStream v0.9 split a config into documents (core, vars, tools) separated by '---': each is read as a part.
      documents = yaml.loadAll(protectedText.text, undefined, { filename: file })
    } catch (error) {
      throw new ConfigError(`${file} is not valid YAML: ${(error as Error).message}`)
    }
    const parts = documents.filter((document) => document !== undefined && document !== null)
    if (parts.length === 0) parts.push({})
    if (parts.length > 3) {
      // dtm's splitConfigFileBytes: "invalid config format" beyond three documents.
      throw new ConfigError(
        `${file} holds ${parts.length} YAML documents; DevStream's format has at most three (core config, variables, tools): merge the extra ones.`
      )
    }
    const sections = new Map<string, number>()
    for (const [index, parsed] of parts.entries()) {
      const where = parts.length > 1 ? `${file} (document ${index + 1})` : file
      if (!isMap(parsed)) throw new ConfigError(`${where} must hold a YAML map at the top level.`)
      // dtm v0.9 (configmanager.go, splitConfigFileBytes and checkConfigType): in a file of documents, the one
      // with neither `state` nor `tools` is the variables, a plain map. Here: a document none of whose keys
      // is a section; in a single-document file such keys stay an error (most likely a misspelt section).
      const plainVariables =
        parts.length > 1 && Object.keys(parsed).length > 0 && !Object.keys(parsed).some((key) => TOP_LEVEL.includes(key))
      if (expect === 'vars' || plainVariables) {
        if (plainVariables) {
          const first = sections.get('vars')
          if (first !== undefined)
            throw new ConfigError(`${file} has multiple sections 'vars' (documents ${first + 1} and ${index + 1}): keep one.`)
          sections.set('vars', index)
        }
        this.docs.push({ file, doc: { vars: parsed } })
        continue
      }
      const unknown = Object.keys(parsed).filter((key) => !TOP_LEVEL.includes(key))
      if (unknown.length > 0) {
        throw new ConfigError(
          `${where}: unknown section${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `'${k}'`).join(', ')}; allowed: ${TOP_LEVEL.join(', ')}.`
        )
      }
      // As dtm: one file's documents are parts of one config, so a section may appear in one of them only.
      for (const key of Object.keys(parsed)) {
        const first = sections.get(key)
        if (first !== undefined) {
          throw new ConfigError(`${file} has multiple sections '${key}' (documents ${first + 1} and ${index + 1}): keep one.`)
        }
        sections.set(key, index)
      }
      if (parsed.pluginDir !== undefined) this.unused.add(`pluginDir (${file}): this action's plugins are built in`)
      this.docs.push({ file, doc: parsed })
      for (const [field, kind] of [
        ['varFile', 'vars'],
        ['toolFile', 'tools']
      ] as const) {
        const ref = parsed[field]
        // dtm writes an empty varFile/toolFile for "none".
        if (ref === undefined || ref === null || ref === '') continue
        if (typeof ref !== 'string' || hasPlaceholder(ref)) throw new ConfigError(`${where}: '${field}' must be a plain file name.`)
        await this.load(path.resolve(path.dirname(file), ref), kind)
      }
    }
  }
}

/** Resolves [[ var ]] / [[ env ]] placeholders, with vars that use other vars and per-app scopes. */
class Resolver {
  private readonly cache = new Map<string, Resolved>()
  /** Every value read from the environment: each may be a secret, and is masked before anything prints. */
  readonly envValues = new Set<string>()

  constructor(
    private readonly expressions: readonly VarExpression[],
    private readonly vars: ReadonlyMap<string, { value: unknown; file: string }>,
    private readonly env: NodeJS.ProcessEnv
  ) {}

  resolve(node: unknown, where: string, scope: ReadonlyMap<string, unknown> = new Map(), stack: string[] = []): Resolved {
    return resolveTree(node, (index) => {
      const expression = this.expressions[index]!
      if (expression.kind === 'env') {
        const value = this.env[expression.name]
        if (value === undefined || value === '') {
          // dtm refuses an empty value too: an empty secret is almost always a missing one.
          throw new ConfigError(
            `${where}: [[ env "${expression.name}" ]] is ${value === undefined ? 'not set' : 'set but empty'} in the environment. Set ${expression.name} for this step.`
          )
        }
        this.envValues.add(value)
        return {
          value: expression.quoted === false ? typedScalar(value) : value,
          text: value,
          stateValue: envDigest(expression.name, value)
        }
      }
      if (scope.has(expression.name)) {
        const scoped = scope.get(expression.name)
        return { value: scoped, stateValue: scoped }
      }
      return this.variable(expression.name, where, stack)
    })
  }

  /** One template by its placeholder index, with the expression it came from. */
  placeholder(index: number, where: string, scope: ReadonlyMap<string, unknown>): Resolved & { expression: VarExpression } {
    return { ...this.resolve(`__sam_tpl_${index}__`, where, scope), expression: this.expressions[index]! }
  }

  private variable(name: string, where: string, stack: string[]): Resolved {
    const cached = this.cache.get(name)
    if (cached) return cached
    if (stack.includes(name)) throw new ConfigError(`${where}: the vars ${[...stack, name].join(' → ')} refer to each other in a cycle.`)
    const entry = this.vars.get(name)
    if (!entry) throw new ConfigError(`${where}: [[ ${name} ]] is not defined in 'vars' (or the varFile).`)
    const resolved = this.resolve(entry.value, entry.file, new Map(), [...stack, name])
    this.cache.set(name, resolved)
    return resolved
  }
}

function stringList(value: unknown, what: string): string[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw new ConfigError(`${what} must be a list of strings.`)
  return value as string[]
}

function parseState(value: unknown, file: string, baseDir: string): StateBackendConfig {
  if (!isMap(value)) throw new ConfigError(`${file}: 'config.state' must be a map with 'backend' and 'options'.`)
  const options = isMap(value.options) ? value.options : {}
  const option = (name: string): string | undefined =>
    typeof options[name] === 'string' && options[name] !== '' ? (options[name] as string) : undefined
  const backend = typeof value.backend === 'string' ? value.backend.toLowerCase() : value.backend
  if (backend === 'local') {
    return { kind: 'local', file: path.resolve(baseDir, option('stateFile') ?? 'devstream.state') }
  }
  if (backend === 's3') {
    const bucket = option('bucket')
    const key = option('key')
    if (!bucket || !key) throw new ConfigError(`${file}: the s3 state backend needs 'options.bucket' and 'options.key'.`)
    const endpoint = option('endpoint')
    const problem = endpoint && endpointProblem(endpoint)
    if (problem) throw new ConfigError(`${file}: 'config.state.options.endpoint' ${problem}.`)
    return { kind: 's3', bucket, key, region: option('region'), endpoint }
  }
  throw new ConfigError(`${file}: state backend '${String(value.backend)}' is not one of: local, s3.`)
}

function parseStoreOverrides(value: unknown, file: string): StoreOverrides | undefined {
  if (value === undefined) return undefined
  if (!isMap(value)) throw new ConfigError(`${file}: 'config.store' must be a map.`)
  const allowed = ['backend', 'bucket', 'prefix', 'region', 'endpoint', 'localDir']
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key))
  if (unknown.length)
    throw new ConfigError(`${file}: unknown key(s) ${unknown.join(', ')} in 'config.store'; allowed: ${allowed.join(', ')}.`)
  const overrides = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)])) as StoreOverrides
  const problem = overrides.endpoint && endpointProblem(overrides.endpoint)
  if (problem) throw new ConfigError(`${file}: 'config.store.endpoint' ${problem}.`)
  return overrides
}

interface RawTool {
  readonly raw: Doc
  readonly file: string
  readonly scope: ReadonlyMap<string, unknown>
  /** For a tool expanded from an app: names the app and template in errors. */
  readonly origin: string
}

/** App keys DevStream's own plugins read (repo scaffolding, its CI plugins); accepted, not used here. */
const DEVSTREAM_APP_KEYS = ['spec', 'repo', 'repoTemplate']
const APP_KEYS = ['name', 'ci', 'cd', 'dependsOn', ...DEVSTREAM_APP_KEYS]

/**
 * Merges `override` into `base` as dtm does for a pipeline entry's options over its template's
 * (mergo.Merge WithOverride): maps merge key by key, anything else from `override` wins.
 */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isMap(base) || !isMap(override)) return override === undefined ? base : override
  const merged: Doc = { ...base }
  for (const [key, value] of Object.entries(override)) merged[key] = key in base ? deepMerge(base[key], value) : value
  return merged
}

/** `ci` / `cd` as dtm writes them (a list of entries) or as a single map. */
function pipelineEntries(value: unknown, where: string): Doc[] {
  if (value === undefined || value === null) return []
  const list = Array.isArray(value) ? value : [value]
  return list.map((entry, index) => {
    if (!isMap(entry)) throw new ConfigError(`${where}[${index}] must be a map with 'type' (and 'templateName' for type template).`)
    return entry
  })
}

interface AppExpansion {
  readonly tools: RawTool[]
  readonly unusedKeys: ReadonlyMap<string, string[]>
}

/**
 * Turns each app's ci/cd entries into tools, as dtm does: `type: template` renders the named
 * pipelineTemplate with the global vars, then the entry's vars, and merges the entry's options over the
 * template's; any other type is a plugin used inline with the entry's options. Each tool is named by the
 * plugin and has the app's name as its instanceID.
 */
function expandApps(docs: readonly LoadedDoc[], plugins: readonly string[]): AppExpansion {
  const templates = new Map<string, { doc: Doc; file: string }>()
  for (const { file, doc } of docs) {
    for (const template of (doc.pipelineTemplates as unknown[] | undefined) ?? []) {
      if (!isMap(template) || typeof template.name !== 'string')
        throw new ConfigError(`${file}: every pipelineTemplates entry needs a 'name'.`)
      if (templates.has(template.name)) throw new ConfigError(`${file}: pipeline template '${template.name}' is defined twice.`)
      templates.set(template.name, { doc: template, file })
    }
  }
  const tools: RawTool[] = []
  const unusedKeys = new Map<string, string[]>()
  const knownPlugin = (type: unknown, what: string): string => {
    if (typeof type === 'string' && plugins.includes(type)) return type
    throw new ConfigError(
      `${what} has type '${String(type)}', which is not a plugin of this action; the plugins are: ${plugins.join(', ')}` +
        ` (DevStream's own plugins such as github-actions or argocdapp do not exist here).`
    )
  }
  for (const { file, doc } of docs) {
    for (const app of (doc.apps as unknown[] | undefined) ?? []) {
      if (!isMap(app) || typeof app.name !== 'string') throw new ConfigError(`${file}: every apps entry needs a 'name'.`)
      const unknown = Object.keys(app).filter((key) => !APP_KEYS.includes(key))
      if (unknown.length > 0) {
        throw new ConfigError(`${file}: app '${app.name}' has unknown key(s) ${unknown.join(', ')}; allowed: ${APP_KEYS.join(', ')}.`)
      }
      const ignored = DEVSTREAM_APP_KEYS.filter((key) => app[key] !== undefined)
      if (ignored.length > 0) unusedKeys.set(app.name, ignored)
      const produced = new Map<string, string>()
      for (const section of ['ci', 'cd'] as const) {
        for (const [index, entry] of pipelineEntries(app[section], `${file}: app '${app.name}' ${section}`).entries()) {
          const where = `${file}: app '${app.name}' ${section}[${index}]`
          const type = entry.type ?? (entry.templateName !== undefined ? 'template' : undefined)
          const entryOptions = isMap(entry.options) ? entry.options : {}
          let tool: { name: string; options: unknown; file: string; origin: string; vars: Doc }
          if (type === 'template') {
            const templateName = entry.templateName
            if (typeof templateName !== 'string' || templateName === '') {
              throw new ConfigError(`${where} is of type template but names no templateName.`)
            }
            const template = templates.get(templateName)
            if (!template) {
              throw new ConfigError(
                `${where} uses pipeline template '${templateName}', which is not defined` +
                  (templates.size ? ` (known: ${[...templates.keys()].join(', ')}).` : ' (there are no pipelineTemplates).')
              )
            }
            tool = {
              name: knownPlugin(template.doc.type ?? 'assets', `pipeline template '${templateName}' (${template.file}), used by ${where},`),
              options: deepMerge(template.doc.options ?? {}, entryOptions),
              file: template.file,
              origin: `app '${app.name}' ${section}[${index}] (template '${templateName}')`,
              vars: isMap(entry.vars) ? entry.vars : {}
            }
          } else {
            tool = {
              name: knownPlugin(type, where),
              options: entryOptions,
              file,
              origin: `app '${app.name}' ${section}[${index}]`,
              vars: isMap(entry.vars) ? entry.vars : {}
            }
          }
          const key = `${tool.name}_${app.name}`
          const earlier = produced.get(key)
          if (earlier) {
            throw new ConfigError(
              `${file}: app '${app.name}': ${earlier} and ${section}[${index}] both make tool ${tool.name}.${app.name}; ` +
                `a tool's name and instanceID must be unique, so an app can use each plugin once.`
            )
          }
          produced.set(key, `${section}[${index}]`)
          tools.push({
            raw: { name: tool.name, instanceID: app.name, dependsOn: app.dependsOn, options: tool.options },
            file: tool.file,
            scope: new Map<string, unknown>([['app', app.name], ...Object.entries(tool.vars)]),
            origin: tool.origin
          })
        }
      }
    }
  }
  return { tools, unusedKeys }
}

/** A `${{ … }}` left as written that names a tool of the config is most likely a mistyped reference. */
function referenceSlips(tools: readonly ToolConfig[], foreign: ReadonlyMap<ToolConfig, ForeignExpression[]>): string[] {
  const refs = new Set(tools.map((tool) => tool.ref))
  const warnings: string[] = []
  for (const [tool, expressions] of foreign) {
    for (const expression of expressions) {
      const named = /^([\w-]+)\.([\w-]+)/.exec(expression.inner)
      const target = named ? `${named[1]}.${named[2]}` : undefined
      if (!target || !refs.has(target)) continue
      warnings.push(
        `${tool.file}: tool ${tool.ref} has '${expression.text}', which names tool ${target} but is not an output reference, ` +
          `so it is left as written. To read an output, write \${{ ${target}.outputs.<key> }}.`
      )
    }
  }
  return warnings
}

/**
 * Loads the apply config (a file or a directory of *.yaml/*.yml, merged, with varFile/toolFile relative to
 * the file naming them), resolves vars and env, expands apps, and checks tools. `plugins` lists the known plugin names.
 */
export async function loadConfig(
  configPath: string,
  plugins: readonly string[],
  env: NodeJS.ProcessEnv = process.env
): Promise<ApplyConfig> {
  const files = await configFiles(configPath)
  const loader = new Loader()
  // In a directory, files that others name as varFile/toolFile are loaded as such, not as configs.
  const referenced = new Set<string>()
  for (const file of files) {
    const text = await readConfigFile(file).catch(() => '')
    for (const match of text.matchAll(/^(?:varFile|toolFile):\s*["']?([^"'\s#]+)/gm))
      referenced.add(path.resolve(path.dirname(file), match[1]!))
  }
  for (const file of files) if (!referenced.has(path.resolve(file))) await loader.load(file, 'config')
  const baseDir = path.dirname(path.resolve(files[0]!))

  const vars = new Map<string, { value: unknown; file: string }>()
  for (const { file, doc } of loader.docs) {
    if (doc.vars === undefined || doc.vars === null) continue
    if (!isMap(doc.vars)) throw new ConfigError(`${file}: 'vars' must be a map.`)
    for (const [name, value] of Object.entries(doc.vars)) {
      const existing = vars.get(name)
      if (existing && JSON.stringify(existing.value) !== JSON.stringify(value)) {
        throw new ConfigError(`The var '${name}' is defined differently in ${existing.file} and ${file}.`)
      }
      vars.set(name, { value, file })
    }
  }
  const resolver = new Resolver(loader.expressions, vars, env)

  const stateSections = loader.docs.flatMap(({ file, doc }) => {
    const config = isMap(doc.config) ? doc.config : {}
    if (doc.config !== undefined && !isMap(doc.config)) throw new ConfigError(`${file}: 'config' must be a map.`)
    return [
      ...(config.state !== undefined ? [{ file, value: config.state, store: config.store }] : []),
      ...(doc.state !== undefined ? [{ file, value: doc.state, store: undefined }] : [])
    ]
  })
  if (stateSections.length === 0) {
    throw new ConfigError(
      `${files.join(', ')}: no state backend: add 'config: { state: { backend: local, options: { stateFile: assets.state } } }'.`
    )
  }
  if (stateSections.length > 1)
    throw new ConfigError(`The state backend is configured more than once (${stateSections.map((s) => s.file).join(', ')}): keep one.`)
  const stateSection = stateSections[0]!
  const state = parseState(resolver.resolve(stateSection.value, stateSection.file).value, stateSection.file, baseDir)
  const datastores = loader.docs.filter(({ doc }) => doc.datastore !== undefined)
  if (datastores.length > 1)
    throw new ConfigError(`A datastore is configured more than once (${datastores.map((d) => d.file).join(', ')}): keep one.`)
  if (datastores.length === 1 && stateSection.store !== undefined) {
    throw new ConfigError(
      `${datastores[0]!.file} has a Replibyte 'datastore' and ${stateSection.file} a 'config.store': both say where the assets go. Keep one.`
    )
  }
  const store = datastores[0]
    ? parseDatastore(resolver.resolve(datastores[0].doc.datastore, datastores[0].file).value, datastores[0].file, env)
    : parseStoreOverrides(resolver.resolve(stateSection.store, stateSection.file).value, stateSection.file)

  const raws: RawTool[] = []
  for (const { file, doc } of loader.docs) {
    if (doc.tools === undefined || doc.tools === null) continue
    if (!Array.isArray(doc.tools)) throw new ConfigError(`${file}: 'tools' must be a list.`)
    for (const raw of doc.tools) {
      if (!isMap(raw)) throw new ConfigError(`${file}: every tools entry must be a map with name, instanceID and options.`)
      raws.push({ raw, file, scope: new Map(), origin: 'tool' })
    }
  }
  const { tools: fromApps, unusedKeys } = expandApps(loader.docs, plugins)
  if (raws.length === 0 && fromApps.length === 0) {
    // With no tools, the plan would delete everything the state holds: refuse, as dtm does.
    throw new ConfigError(
      `${files.join(', ')} declare${files.length > 1 ? '' : 's'} no tools and no apps. Add a 'tools:' list (or 'apps:'); ` +
        `if a tools file moved, point 'toolFile' at it. Nothing was planned or changed.`
    )
  }

  const tools: ToolConfig[] = []
  const byRef = new Map<string, ToolConfig>()
  const plainToolRefs: string[] = []
  const foreign = new Map<ToolConfig, ForeignExpression[]>()
  for (const { raw, file, scope, origin } of [...raws, ...fromApps]) {
    const unknown = Object.keys(raw).filter((key) => !TOOL_KEYS.includes(key) && raw[key] !== undefined)
    const label = `${file}: ${origin === 'tool' ? 'tool' : origin}`
    if (unknown.length > 0) throw new ConfigError(`${label} has unknown key(s) ${unknown.join(', ')}; allowed: ${TOOL_KEYS.join(', ')}.`)
    const resolved = resolver.resolve(
      { name: raw.name, instanceID: raw.instanceID, dependsOn: raw.dependsOn ?? [], options: raw.options ?? {} },
      file,
      scope
    )
    const value = resolved.value as Doc
    const name = value.name
    const instanceID = value.instanceID
    if (typeof name !== 'string' || !name) throw new ConfigError(`${label} has no 'name' (the plugin: ${plugins.join(', ')}).`)
    if (typeof instanceID !== 'string' || !INSTANCE_ID.test(instanceID)) {
      throw new ConfigError(
        `${label} '${name}' needs an 'instanceID' of letters, digits, '-', '_' and '.' starting with a letter or digit (got ${JSON.stringify(instanceID)}).`
      )
    }
    const ref = `${name}.${instanceID}`
    if (!plugins.includes(name))
      throw new ConfigError(`${file}: tool ${ref} uses plugin '${name}', which does not exist; known plugins: ${plugins.join(', ')}.`)
    if (!isMap(value.options)) throw new ConfigError(`${file}: tool ${ref} 'options' must be a map.`)
    const existing = byRef.get(ref)
    if (existing) {
      throw new ConfigError(
        `Tool ${ref} is defined twice: in ${existing.file} and in ${file}${origin === 'tool' ? '' : ` by ${origin}`}. Each name + instanceID must be unique.`
      )
    }
    // dtm skips blank entries (an empty list item, a template that rendered to nothing).
    const dependsOn = stringList(value.dependsOn, `${file}: tool ${ref} 'dependsOn'`).filter((dependency) => dependency.trim() !== '')
    for (const dependency of dependsOn) {
      if (!/^[\w-]+\.[\w.-]+$/.test(dependency))
        throw new ConfigError(`${file}: tool ${ref} dependsOn '${dependency}': write it as name.instanceID.`)
    }
    const rawRun = isMap(raw.options) ? raw.options.run : undefined
    const run =
      typeof rawRun === 'string'
        ? buildRunTemplate(rawRun, (index) => resolver.placeholder(index, file, scope), `${file}: tool ${ref}`)
        : undefined
    const found = findReferences(value.options)
    const references = found.references.map((reference) => reference.tool)
    const tool: ToolConfig = {
      name,
      instanceID,
      ref,
      key: `${name}_${instanceID}`,
      dependsOn,
      dependencies: [...new Set([...dependsOn, ...references])],
      // `tools:` entries come first in this loop, so plainToolRefs is complete when apps are reached.
      after: origin === 'tool' ? [] : [...plainToolRefs],
      options: value.options,
      stateOptions: (resolved.stateValue as Doc).options as Record<string, unknown>,
      ...(run ? { run } : {}),
      file
    }
    byRef.set(ref, tool)
    tools.push(tool)
    if (found.foreign.length > 0) foreign.set(tool, found.foreign)
    if (origin === 'tool') plainToolRefs.push(ref)
  }
  for (const tool of tools) {
    for (const dependency of tool.dependencies) {
      if (!byRef.has(dependency)) {
        throw new ConfigError(
          `${tool.file}: tool ${tool.ref} depends on ${dependency}, which is not in the config (tools: ${[...byRef.keys()].join(', ')}).`
        )
      }
      if (dependency === tool.ref) throw new ConfigError(`${tool.file}: tool ${tool.ref} depends on itself.`)
    }
  }
  const notices = [
    ...(unusedKeys.size
      ? [
          `Not used here (read by DevStream's own plugins): ${[...unusedKeys].map(([app, keys]) => `app '${app}' ${keys.join(', ')}`).join('; ')}.`
        ]
      : []),
    ...[...loader.unused].map((what) => `Not used here: ${what}.`)
  ]
  return { files, baseDir, state, store, tools, notices, warnings: referenceSlips(tools, foreign), envValues: [...resolver.envValues] }
}

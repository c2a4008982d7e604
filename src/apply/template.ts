import yaml from 'js-yaml'
import { sha256Hex } from '../util/digest-stream.js'
import { ConfigError } from './errors.js'

/**
 * Templating of apply configs, in two stages:
 *  - `[[ name ]]` (a var) and `[[ env "NAME" ]]` are resolved when the config is loaded. Before YAML parsing
 *    each is swapped for a placeholder that is a plain scalar, so the seed's unquoted `repo: [[ name ]]`
 *    parses, and a value containing `: ` or `#` can never change the document's structure.
 *  - `${{ name.instanceID.outputs.key }}` reads another tool's outputs and is resolved just before that
 *    tool runs, from outputs produced in this run or kept in the state. Any other `${{ … }}` is left as
 *    written, as dtm leaves it.
 */

/**
 * A `[[ … ]]` template: a var or an environment variable, how it was written (for messages), and whether
 * it stood inside quotes (an unquoted `[[ env X ]]` takes its value's YAML type, as dtm's text substitution gives).
 */
export type VarExpression = { readonly kind: 'var' | 'env'; readonly name: string; readonly text?: string; readonly quoted?: boolean }

const TEMPLATE = /\[\[\s*(.*?)\s*\]\]/g
export const PLACEHOLDER = /__sam_tpl_(\d+)__/g
const WHOLE_PLACEHOLDER = /^__sam_tpl_(\d+)__$/

export interface ProtectedText {
  readonly text: string
  readonly expressions: readonly VarExpression[]
}

/**
 * `[[ name ]]` is a var; `[[ env NAME ]]`, `[[ env "NAME" ]]` and `[[ env 'NAME' ]]` read the environment,
 * as dtm reads them (its quote-adding pre-processor makes the bare form quoted).
 */
function parseExpression(source: string, file: string): VarExpression {
  if (/^[A-Za-z_][\w.-]*$/.test(source)) return { kind: 'var', name: source }
  const env = /^env\s+(?:"([^"]+)"|'([^']+)'|([A-Za-z_]\w*))$/.exec(source)
  if (env) return { kind: 'env', name: (env[1] ?? env[2] ?? env[3])! }
  throw new ConfigError(`${file}: '[[ ${source} ]]' is not a template this action knows: use [[ varName ]] or [[ env NAME ]].`)
}

/** Swaps every `[[ … ]]` for a placeholder; `offset` keeps placeholders of several files distinct. */
export function protectTemplates(text: string, file: string, offset: number): ProtectedText {
  const expressions: VarExpression[] = []
  const replaced = text.replace(TEMPLATE, (match: string, source: string, at: number) => {
    const before = text[at - 1]
    const quoted = (before === '"' || before === "'") && text[at + match.length] === before
    expressions.push({ ...parseExpression(source, file), text: match, quoted })
    return `__sam_tpl_${offset + expressions.length - 1}__`
  })
  return { text: replaced, expressions }
}

/** A resolved value, and how it may be written to the state (env values only as a digest). */
export interface Resolved {
  readonly value: unknown
  readonly stateValue: unknown
  /** The text a template stands for inside a longer string, when it differs from String(value). */
  readonly text?: string
}

export type PlaceholderResolver = (index: number) => Resolved

export function envDigest(name: string, value: string): string {
  return `<env ${name} sha256:${sha256Hex(value).slice(0, 16)}>`
}

function substituteString(text: string, resolve: PlaceholderResolver): Resolved {
  const whole = WHOLE_PLACEHOLDER.exec(text)
  if (whole) return resolve(Number(whole[1]))
  if (!text.includes('__sam_tpl_')) return { value: text, stateValue: text }
  let value = ''
  let stateValue = ''
  let last = 0
  for (const match of text.matchAll(PLACEHOLDER)) {
    const literal = text.slice(last, match.index)
    const part = resolve(Number(match[1]))
    value += literal + (part.text ?? String(part.value))
    stateValue += literal + String(part.stateValue)
    last = match.index! + match[0].length
  }
  return { value: value + text.slice(last), stateValue: stateValue + text.slice(last) }
}

/** Resolves every placeholder in a parsed YAML tree (keys too), giving the real tree and its state form. */
export function resolveTree(node: unknown, resolve: PlaceholderResolver): Resolved {
  if (typeof node === 'string') return substituteString(node, resolve)
  if (Array.isArray(node)) {
    const parts = node.map((item) => resolveTree(item, resolve))
    return { value: parts.map((p) => p.value), stateValue: parts.map((p) => p.stateValue) }
  }
  if (node !== null && typeof node === 'object') {
    const value: Record<string, unknown> = {}
    const stateValue: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(node)) {
      const resolvedKey = String(substituteString(key, resolve).value)
      const part = resolveTree(child, resolve)
      value[resolvedKey] = part.value
      stateValue[resolvedKey] = part.stateValue
    }
    return { value, stateValue }
  }
  return { value: node, stateValue: node }
}

/** Whether a parsed tree still holds a placeholder (used to find templates where none may stand). */
export function hasPlaceholder(node: unknown): boolean {
  if (typeof node === 'string') return node.includes('__sam_tpl_')
  if (Array.isArray(node)) return node.some(hasPlaceholder)
  if (node !== null && typeof node === 'object')
    return Object.entries(node).some(([key, child]) => hasPlaceholder(key) || hasPlaceholder(child))
  return false
}

// ---- output references -------------------------------------------------------------------------

export interface OutputReference {
  /** `name.instanceID` of the tool referred to. */
  readonly tool: string
  readonly key: string
}

// An instanceID may hold dots (dtm's RFC 1123 rule): `assets.my.app.outputs.key` is tool assets, instance my.app.
export const REFERENCE = /\$\{\{\s*([\w-]+)\.([\w.-]+?)\.outputs\.([\w-]+)\s*\}\}/g
const WHOLE_REFERENCE = /^\$\{\{\s*([\w-]+)\.([\w.-]+?)\.outputs\.([\w-]+)\s*\}\}$/

/** A `${{ … }}` that is not an output reference: left as written (GitHub workflow text, for one). */
export interface ForeignExpression {
  /** The whole `${{ … }}` text. */
  readonly text: string
  /** Its inner expression, trimmed. */
  readonly inner: string
}

const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g

/**
 * Every output reference in a tree, and every other `${{ … }}`, which dtm leaves as written (a config may
 * carry GitHub workflow text such as `${{ github.sha }}`); the caller decides whether one looks like a slip.
 */
export function findReferences(node: unknown): { references: OutputReference[]; foreign: ForeignExpression[] } {
  const references: OutputReference[] = []
  const foreign: ForeignExpression[] = []
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(REFERENCE)) references.push({ tool: `${match[1]}.${match[2]}`, key: match[3]! })
      for (const match of value.replace(REFERENCE, '').matchAll(EXPRESSION)) foreign.push({ text: match[0], inner: match[1]!.trim() })
    } else if (Array.isArray(value)) value.forEach(visit)
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit)
  }
  visit(node)
  return { references, foreign }
}

export type OutputLookup = (tool: string, key: string) => unknown

/** Replaces output references; a string that is one reference keeps the output's own type. */
export function resolveReferences(node: unknown, lookup: OutputLookup): unknown {
  if (typeof node === 'string') {
    const whole = WHOLE_REFERENCE.exec(node)
    if (whole) return lookup(`${whole[1]}.${whole[2]}`, whole[3]!)
    return node.replace(REFERENCE, (_m, name: string, instance: string, key: string) => {
      const value = lookup(`${name}.${instance}`, key)
      return typeof value === 'string' ? value : JSON.stringify(value)
    })
  }
  if (Array.isArray(node)) return node.map((item) => resolveReferences(item, lookup))
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolveReferences(value, lookup)]))
  }
  return node
}

/**
 * An environment value as dtm's text substitution leaves it in an unquoted YAML scalar: `123456` a number,
 * `true` a boolean, anything else (or anything that would be a list or map) the string itself.
 */
export function typedScalar(value: string): unknown {
  try {
    const typed = yaml.load(value, { schema: yaml.CORE_SCHEMA })
    return typed !== null && typeof typed === 'object' ? value : typed === undefined ? value : typed
  } catch {
    return value
  }
}

import { createHash } from 'node:crypto'
import { ConfigError } from './errors.js'

/**
 * Templating of apply configs, in two stages:
 *  - `[[ name ]]` (a var) and `[[ env "NAME" ]]` are resolved when the config is loaded. Before YAML parsing
 *    each is swapped for a placeholder that is a plain scalar, so the seed's unquoted `repo: [[ name ]]`
 *    parses, and a value containing `: ` or `#` can never change the document's structure.
 *  - `${{ name.instanceID.outputs.key }}` reads another tool's outputs and is resolved just before that
 *    tool runs, from outputs produced in this run or kept in the state.
 */

export type VarExpression = { readonly kind: 'var'; readonly name: string } | { readonly kind: 'env'; readonly name: string }

const TEMPLATE = /\[\[\s*(.*?)\s*\]\]/g
const PLACEHOLDER = /__sam_tpl_(\d+)__/g
const WHOLE_PLACEHOLDER = /^__sam_tpl_(\d+)__$/

export interface ProtectedText {
  readonly text: string
  readonly expressions: readonly VarExpression[]
}

function parseExpression(source: string, file: string): VarExpression {
  if (/^[A-Za-z_][\w.-]*$/.test(source)) return { kind: 'var', name: source }
  const env = /^env\s+"([^"]+)"$/.exec(source) ?? /^env\s+'([^']+)'$/.exec(source)
  if (env) return { kind: 'env', name: env[1]! }
  throw new ConfigError(`${file}: '[[ ${source} ]]' is not a template this action knows: use [[ varName ]] or [[ env "NAME" ]].`)
}

/** Swaps every `[[ … ]]` for a placeholder; `offset` keeps placeholders of several files distinct. */
export function protectTemplates(text: string, file: string, offset: number): ProtectedText {
  const expressions: VarExpression[] = []
  const replaced = text.replace(TEMPLATE, (_match, source: string) => {
    expressions.push(parseExpression(source, file))
    return `__sam_tpl_${offset + expressions.length - 1}__`
  })
  return { text: replaced, expressions }
}

/** A resolved value, and how it may be written to the state (env values only as a digest). */
export interface Resolved {
  readonly value: unknown
  readonly stateValue: unknown
}

export type PlaceholderResolver = (index: number) => Resolved

export function envDigest(name: string, value: string): string {
  return `<env ${name} sha256:${createHash('sha256').update(value).digest('hex').slice(0, 16)}>`
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
    value += literal + String(part.value)
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

const REFERENCE = /\$\{\{\s*([\w-]+)\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}/g
const WHOLE_REFERENCE = /^\$\{\{\s*([\w-]+)\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}$/

/** Every output reference in a tree; a `${{` that is not one is an error naming it. */
export function findReferences(node: unknown, where: string): OutputReference[] {
  const found: OutputReference[] = []
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(REFERENCE)) found.push({ tool: `${match[1]}.${match[2]}`, key: match[3]! })
      const leftover = value.replace(REFERENCE, '')
      if (leftover.includes('${{')) {
        throw new ConfigError(`${where}: '${value}' has a reference this action cannot read: write \${{ name.instanceID.outputs.key }}.`)
      }
    } else if (Array.isArray(value)) value.forEach(visit)
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit)
  }
  visit(node)
  return found
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

import { sha256Hex } from '../util/digest-stream.js'
import { ConfigError } from './errors.js'
import { scanShell } from './shell-scan.js'
import { PLACEHOLDER, REFERENCE, resolveReferences, type Resolved, type VarExpression } from './template.js'

/**
 * apply's `run` is shell text, and the values templated into it (vars, env, other tools' outputs) may come
 * from people who do not write the config: a pull request's branch name, a state file in a bucket. So no
 * value is ever spliced into the text (GitHub's advice against script injection, applied to our config):
 * each template becomes a reference to an environment variable holding the value, quoted for where it
 * stands, and the shell parses the value no further. Where the value would be parsed again — by bash itself
 * (single quotes, arithmetic, subscripts, here-documents) or by a second parser (`sh -c`, `eval`, a pipe into
 * a shell, an interpreter's code) — the config is refused, naming the line (shell-scan.ts).
 *
 * Variable names, documented in the README: `[[ name ]]` → SAM_VAR_<name>, `${{ tool.id.outputs.key }}` →
 * SAM_OUT_<tool>_<id>_<key>, and `[[ env "NAME" ]]` → NAME itself, which the command inherits; a name or id
 * with characters other than letters and digits gets a digest suffix (variableName).
 */

/** A value in a command: resolved when the config loads (var, env), or when the tool runs (an output). */
export type Slot =
  | {
      readonly kind: 'value'
      /** A var of the config, or a variable of the environment (then `variable` is its own name). */
      readonly source: 'var' | 'env'
      readonly variable: string
      readonly value: string
      readonly written: string
    }
  | { readonly kind: 'output'; readonly variable: string; readonly tool: string; readonly key: string; readonly written: string }

/** A `run` as loaded: the command as written, and the shell text with a marker per slot. */
export interface RunTemplate {
  /** The command as written in the config, templates and all: what logs, errors and summaries show. */
  readonly written: string
  /** What the build key hashes: the text with vars' values in it, env and output templates as written. */
  readonly keyText: string
  /** Shell text with `\u0000<n>\u0000` for slot n, in the quoting its place needs (posix and cmd.exe forms). */
  readonly posix: string
  readonly cmd: string
  readonly slots: readonly Slot[]
}

/** A command ready to run: the text the shell parses and the environment it reads the values from. */
export interface ShellCommand {
  readonly written: string
  readonly script: string
  readonly env: Readonly<Record<string, string>>
  /** cmd.exe needs delayed expansion (`!NAME!`) for the values to be read after parsing. */
  readonly delayedExpansion: boolean
}

/** A template found in the text: its span and the slot it becomes. */
export interface TemplateMatch {
  readonly start: number
  readonly end: number
  readonly slot: Slot
}

/**
 * The environment variable a template's value reaches the command in. Parts of letters and digits (and, for
 * a var's one name, inner `_`) are joined as they are: SAM_VAR_node_version, SAM_OUT_assets_api_codeHash.
 * Any other part (`my-app`, `my.app`) is written with `_` for each other character and the name ends in `__`
 * and 8 hex characters of the parts' digest, so distinct ids never share a variable (the plain form never
 * holds `__`, the other always does).
 */
export function variableName(prefix: 'SAM_VAR_' | 'SAM_OUT_', ...parts: string[]): string {
  const plain = parts.length === 1 ? /^[A-Za-z0-9]+(_[A-Za-z0-9]+)*$/ : /^[A-Za-z0-9]+$/
  if (parts.every((part) => plain.test(part))) return prefix + parts.join('_')
  const digest = sha256Hex(JSON.stringify(parts)).slice(0, 8)
  return `${prefix}${parts.map((part) => part.replace(/[^A-Za-z0-9]/g, '_')).join('_')}__${digest}`
}

/**
 * Rewrites `text` so that each template reads its variable: `"${NAME}"` where unquoted, `${NAME}` inside
 * double quotes. Throws naming the line where the value would be parsed again (shell-scan.ts).
 */
function posixForm(text: string, matches: readonly TemplateMatch[], where: string): string {
  const verdicts = scanShell(
    text,
    matches.map((match) => ({ start: match.start, end: match.end, variable: match.slot.variable }))
  )
  let out = ''
  let last = 0
  matches.forEach((match, index) => {
    const verdict = verdicts[index]!
    if ('problem' in verdict) {
      const line = text.slice(0, match.start).split('\n').length
      throw new ConfigError(
        `${where}: line ${line} of 'run' has ${match.slot.written} ${verdict.problem}. Use it where the shell reads it once as a plain value ` +
          `(a word of an ordinary command, unquoted or in double quotes), or read $${match.slot.variable} inside the program that needs it.`
      )
    }
    const marker = `\u0000${index}\u0000`
    out += text.slice(last, match.start) + (verdict.context === 'normal' ? `"${marker}"` : marker)
    last = match.end
  })
  return out + text.slice(last)
}

/** cmd.exe: `!NAME!`, read with delayed expansion after the line is parsed, so `&`, `|` or `%` in a value are inert. */
function cmdForm(text: string, matches: readonly TemplateMatch[]): string {
  let out = ''
  let last = 0
  matches.forEach((match, index) => {
    out += `${text.slice(last, match.start)}\u0000${index}\u0000`
    last = match.end
  })
  return out + text.slice(last)
}

/** Builds the template of a `run` from its text and the templates found in it (sorted by position). */
export function runTemplate(text: string, written: string, keyText: string, matches: readonly TemplateMatch[], where: string): RunTemplate {
  const sorted = [...matches].sort((a, b) => a.start - b.start)
  const byVariable = new Map<string, Slot>()
  for (const { slot } of sorted) {
    const same = byVariable.get(slot.variable)
    if (same && same.written !== slot.written && slot.kind === 'value' && same.kind === 'value' && same.value !== slot.value) {
      throw new ConfigError(
        `${where}: ${same.written} and ${slot.written} in 'run' would both be read from ${slot.variable}; rename one of the vars.`
      )
    }
    byVariable.set(slot.variable, slot)
  }
  return { written, keyText, posix: posixForm(text, sorted, where), cmd: cmdForm(text, sorted), slots: sorted.map((match) => match.slot) }
}

/** The command for this platform, with output slots filled by `lookup` (another tool's outputs, known only now). */
export function renderRun(
  template: RunTemplate,
  lookup: (tool: string, key: string) => unknown,
  platform: NodeJS.Platform = process.platform
): ShellCommand {
  const env: Record<string, string> = {}
  for (const slot of template.slots) {
    if (slot.kind === 'value') {
      // A var may itself hold an output reference; it is resolved here, still never parsed by the shell.
      env[slot.variable] = slot.source === 'var' ? String(resolveReferences(slot.value, lookup)) : slot.value
    } else {
      const value = lookup(slot.tool, slot.key)
      env[slot.variable] = typeof value === 'string' ? value : JSON.stringify(value)
    }
  }
  const windows = platform === 'win32'
  // eslint-disable-next-line no-control-regex -- NUL marks a slot: it cannot occur in YAML text
  const script = (windows ? template.cmd : template.posix).replace(/\u0000(\d+)\u0000/g, (_marker, index: string) => {
    const variable = template.slots[Number(index)]!.variable
    return windows ? `!${variable}!` : `\${${variable}}`
  })
  return { written: template.written, script, env, delayedExpansion: windows && template.slots.length > 0 }
}

/** How a template is written back in messages: the config's own text, never a value. */
export function writtenForm(expression: VarExpression): string {
  return expression.text ?? (expression.kind === 'env' ? `[[ env "${expression.name}" ]]` : `[[ ${expression.name} ]]`)
}

/**
 * A `run` as loaded from its raw text (placeholders still in it): every `[[ var ]]`, `[[ env ]]` and output
 * reference becomes a slot the shell reads from an environment variable (see shell.ts). `resolve` gives a
 * placeholder's value; a value that is not a scalar cannot stand in a command.
 */
export function buildRunTemplate(
  text: string,
  resolve: (index: number) => Resolved & { expression: VarExpression },
  where: string
): RunTemplate {
  const matches: TemplateMatch[] = []
  for (const match of text.matchAll(PLACEHOLDER)) {
    const resolved = resolve(Number(match[1]))
    const written = writtenForm(resolved.expression)
    if (resolved.value !== null && typeof resolved.value === 'object') {
      throw new ConfigError(`${where}: ${written} in 'run' is a ${Array.isArray(resolved.value) ? 'list' : 'map'}; a command takes text.`)
    }
    const env = resolved.expression.kind === 'env'
    matches.push({
      start: match.index!,
      end: match.index! + match[0].length,
      slot: {
        kind: 'value',
        source: env ? 'env' : 'var',
        variable: env ? resolved.expression.name : variableName('SAM_VAR_', resolved.expression.name),
        value: resolved.text ?? String(resolved.value ?? ''),
        written
      }
    })
  }
  for (const match of text.matchAll(REFERENCE)) {
    matches.push({
      start: match.index!,
      end: match.index! + match[0].length,
      slot: {
        kind: 'output',
        variable: variableName('SAM_OUT_', match[1]!, match[2]!, match[3]!),
        tool: `${match[1]}.${match[2]}`,
        key: match[3]!,
        written: match[0]
      }
    })
  }
  const written = text.replace(PLACEHOLDER, (_whole, index: string) => writtenForm(resolve(Number(index)).expression))
  const keyText = text.replace(PLACEHOLDER, (_whole, index: string) => {
    const resolved = resolve(Number(index))
    return resolved.expression.kind === 'env' ? writtenForm(resolved.expression) : String(resolved.value ?? '')
  })
  return runTemplate(text, written, keyText, matches, where)
}

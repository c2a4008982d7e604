import { ConfigError } from './errors.js'
import { PLACEHOLDER, REFERENCE, resolveReferences, type Resolved, type VarExpression } from './template.js'

/**
 * apply's `run` is shell text, and the values templated into it (vars, env, other tools' outputs) may come
 * from people who do not write the config: a pull request's branch name, a state file in a bucket. So no
 * value is ever spliced into the text (GitHub's advice against script injection, applied to our config):
 * each template becomes a reference to an environment variable holding the value, quoted for where it
 * stands, and the shell never parses the value. Where a reference cannot be made safe (inside backticks,
 * arithmetic, `${…}`, or a quoted here-document, where the shell would evaluate or ignore it), the config
 * is refused, naming the line.
 *
 * Variable names, documented in the README: `[[ name ]]` → SAM_VAR_<name>, `${{ tool.id.outputs.key }}` →
 * SAM_OUT_<tool>_<id>_<key> (characters other than letters, digits and `_` become `_`), and
 * `[[ env "NAME" ]]` → NAME itself, which the command inherits.
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

export function variableName(prefix: 'SAM_VAR_' | 'SAM_OUT_', ...parts: string[]): string {
  return prefix + parts.map((part) => part.replace(/[^A-Za-z0-9_]/g, '_')).join('_')
}

type Context = 'normal' | 'double' | 'single' | 'backtick' | 'arith' | 'param' | 'heredoc' | 'heredoc-quoted' | 'comment'

const UNSAFE: Partial<Record<Context, string>> = {
  backtick: 'inside backticks, where the shell would parse the value as a command (use $( … ) instead)',
  arith: 'inside $(( … )), where the shell would evaluate the value as an expression',
  param: 'inside ${ … }, where the value would be parsed as part of the expansion',
  'heredoc-quoted': 'inside a quoted here-document, where it would not be expanded'
}

/**
 * Rewrites `text` so that each template reads its variable: `"${NAME}"` where unquoted, `${NAME}` inside
 * double quotes (and unquoted here-documents), `'"${NAME}"'` inside single quotes (the quote is closed
 * around it). Throws naming the line where no quoting makes it safe.
 */
function posixForm(text: string, matches: readonly TemplateMatch[], where: string): string {
  const stack: Context[] = ['normal']
  const top = (): Context => stack[stack.length - 1]!
  const heredocs: { delimiter: string; quoted: boolean }[] = []
  let out = ''
  let next = 0
  let index = 0
  const lineOf = (position: number): number => text.slice(0, position).split('\n').length
  while (index < text.length) {
    const match = matches[next]
    if (match && match.start === index) {
      const context = top()
      const problem = UNSAFE[context]
      if (problem) {
        throw new ConfigError(
          `${where}: line ${lineOf(index)} of 'run' has ${match.slot.written} ${problem}. Move it where the shell reads it as a plain value.`
        )
      }
      const marker = `\u0000${next}\u0000`
      out += context === 'single' ? `'"${marker}"'` : context === 'normal' ? `"${marker}"` : marker
      index = match.end
      next++
      continue
    }
    const char = text[index]!
    const rest = text.slice(index)
    const context = top()
    let consumed = 1
    if (context === 'comment') {
      if (char === '\n') stack.pop()
    } else if (context === 'single') {
      if (char === "'") stack.pop()
    } else if (context === 'heredoc' || context === 'heredoc-quoted') {
      // Here-document bodies end at a line equal to the delimiter.
      const atLineStart = index === 0 || text[index - 1] === '\n'
      const lineEnd = text.indexOf('\n', index)
      const line = text.slice(index, lineEnd === -1 ? text.length : lineEnd)
      const current = heredocs[0]!
      if (atLineStart && line.replace(/^\t+/, '') === current.delimiter) {
        heredocs.shift()
        stack.pop()
        if (heredocs[0]) stack.push(heredocs[0].quoted ? 'heredoc-quoted' : 'heredoc')
        consumed = line.length
      } else if (context === 'heredoc' && (char === '\\' || (char === '$' && rest[1] === '{'))) {
        consumed = char === '\\' ? 2 : 1
        if (char === '$') {
          stack.push('param')
          consumed = 2
        }
      } else if (context === 'heredoc' && rest.startsWith('$((')) {
        stack.push('arith')
        consumed = 3
      } else if (context === 'heredoc' && char === '`') {
        stack.push('backtick')
      }
    } else if (char === '\\') {
      consumed = 2
    } else if (context === 'backtick') {
      if (char === '`') stack.pop()
    } else if (context === 'arith') {
      if (rest.startsWith('))')) {
        stack.pop()
        consumed = 2
      }
    } else if (context === 'param') {
      if (char === '}') stack.pop()
    } else if (rest.startsWith('$((')) {
      stack.push('arith')
      consumed = 3
    } else if (rest.startsWith('$(')) {
      stack.push('normal')
      consumed = 2
    } else if (rest.startsWith('${')) {
      stack.push('param')
      consumed = 2
    } else if (char === '`') {
      stack.push('backtick')
    } else if (context === 'double') {
      if (char === '"') stack.pop()
    } else if (char === '"') {
      stack.push('double')
    } else if (char === "'") {
      stack.push('single')
    } else if (char === ')' && stack.length > 1) {
      stack.pop()
    } else if (char === '#' && (index === 0 || /\s/.test(text[index - 1]!))) {
      stack.push('comment')
    } else if (rest.startsWith('<<')) {
      const heredoc = /^<<-?[ \t]*(?:'([^'\n]+)'|"([^"\n]+)"|\\?([A-Za-z_][\w.-]*))/.exec(rest)
      if (heredoc) {
        heredocs.push({
          delimiter: (heredoc[1] ?? heredoc[2] ?? heredoc[3])!,
          quoted: heredoc[3] === undefined || heredoc[0].includes('\\')
        })
        consumed = heredoc[0].length
      } else {
        consumed = 2
      }
    } else if (char === '\n' && heredocs.length > 0) {
      stack.push(heredocs[0]!.quoted ? 'heredoc-quoted' : 'heredoc')
    }
    out += text.slice(index, index + consumed)
    index += consumed
  }
  if (next < matches.length) throw new ConfigError(`${where}: could not place every template of 'run'.`)
  return out
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

/**
 * Where the templates of apply's `run` stand in the shell text, judged as bash (and dash) would parse it:
 * whether each one is read by the shell once, as a plain value, or would be parsed again as code. The value
 * always reaches the command as an environment variable (shell.ts); this decides whether that is enough.
 *
 * A value is parsed again when it ends up
 *  - inside single quotes, backticks, `$(( ))`, `(( ))`, `$[ ]`, a `${ }` expansion, an array assignment, a
 *    here-document or `[[ ]]`;
 *  - in the script of `sh -c` (bash, zsh, dash, …), the code of `node -e`, `python -c`, `perl -e`, an awk or
 *    sed program, after `eval`, `trap`, `ssh`, `su -c`, `watch`, `make`, or a shell further along the command
 *    (`docker exec c sh -c …`, `find … -exec sh -c …`);
 *  - where bash evaluates names and subscripts: `let`, `declare`/`local`/`export`/`readonly`/`typeset`, `read`,
 *    `unset`, `mapfile`, `printf -v`, `test -v`, an `a[…]=` subscript, an integer variable, PS4;
 *  - as the command's own name, or an argument of a command whose name is an expansion, or of a function or
 *    alias defined in the same run (which may hand it to any of the above);
 *  - in a pipeline, here-string or process substitution that feeds a shell, an interpreter or a loop that
 *    runs its input as code (`… | sh`, `… | xargs sh -c`, `bash <<< …`, `source <(…)`);
 *  - in a variable (an assignment, a `for` loop, `read`, `set --`) that the run evaluates in any of these
 *    places, as its own variable too (`eval "$SAM_VAR_x"`).
 * The scanner is tested against bash and dash themselves, with generated scripts (__tests__/apply).
 */

/** How the shell reads a template that may stand: unquoted (the caller quotes it), in double quotes, or in a comment. */
export type PlainContext = 'normal' | 'double' | 'comment'

export interface TemplateSpan {
  readonly start: number
  readonly end: number
  /** The environment variable the value reaches the command in. */
  readonly variable: string
}

/**
 * How the shell reads a template, and why it may not stand there when it may not. `context` of a refused
 * template says how it was quoted where it stands (tests render refused scripts to see what they would do).
 */
export type Verdict = { readonly context: PlainContext } | { readonly problem: string; readonly context: PlainContext | 'single' | 'other' }

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'mksh', 'ash', 'yash', 'posh', 'fish', 'csh', 'tcsh', 'pwsh', 'powershell'])

/** Interpreters: the options whose argument is code, the options that take an argument, and whether the program is their first operand. */
interface Interpreter {
  readonly code: RegExp
  readonly withArgument?: RegExp
  /** awk, sed: the first operand is the program unless a code or file option gave it. */
  readonly programOperand?: RegExp
}
const PYTHON: Interpreter = { code: /^-[A-Za-z]*c$/, withArgument: /^-[WXm]$/ }
const NODE: Interpreter = {
  code: /^(-e|-p|-pe|-ep|--eval|--print)$/,
  withArgument: /^(-r|--require|-C|--conditions|--input-type|--import|--loader)$/
}
const AWK: Interpreter = {
  code: /^(-e|--source)$/,
  withArgument: /^(-v|-F|--assign|--field-separator)$/,
  programOperand: /^(-f|--file|-e|--source)$/
}
const SED: Interpreter = {
  code: /^(-e|--expression)$/,
  withArgument: /^(-l|--line-length)$/,
  programOperand: /^(-f|--file|-e|--expression)$/
}
const INTERPRETERS: Record<string, Interpreter> = {
  node: NODE,
  nodejs: NODE,
  bun: { code: /^(-e|-p|--eval|--print)$/ },
  deno: { code: /^eval$/ },
  python: PYTHON,
  python2: PYTHON,
  python3: PYTHON,
  pypy: PYTHON,
  pypy3: PYTHON,
  perl: { code: /^-[A-Za-z0-9]*[eE]$/, withArgument: /^-[IM]$/ },
  ruby: { code: /^-[A-Za-z]*e$/, withArgument: /^-[Ir]$/ },
  php: { code: /^-[rBRE]$/, withArgument: /^-[cdz]$/ },
  lua: { code: /^-e$/, withArgument: /^-l$/ },
  luajit: { code: /^-e$/, withArgument: /^-l$/ },
  Rscript: { code: /^-e$/ },
  R: { code: /^-e$/ },
  julia: { code: /^-[eE]$/ },
  osascript: { code: /^-e$/ },
  awk: AWK,
  gawk: AWK,
  mawk: AWK,
  nawk: AWK,
  sed: SED,
  gsed: SED
}

/** Commands whose every argument is code, or a name bash evaluates (with its subscript) as arithmetic. */
const CODE_ARGUMENTS: Record<string, string> = {
  eval: 'after eval, which runs its arguments as shell code',
  trap: 'in a trap, whose action the shell runs as code',
  ssh: 'in an ssh command, which the remote shell parses as code',
  slogin: 'in an ssh command, which the remote shell parses as code',
  watch: 'in a watch command, which runs its arguments through sh -c',
  let: "in let, where bash evaluates the value as arithmetic (and runs a subscript's $( ))",
  unset: 'as an argument of unset, where bash evaluates array subscripts',
  read: 'as an argument of read, where bash evaluates the subscript of a name',
  mapfile: 'as an argument of mapfile, where bash evaluates names and runs callbacks',
  readarray: 'as an argument of readarray, where bash evaluates names and runs callbacks',
  getopts: 'as an argument of getopts, where bash evaluates the subscript of a name',
  compgen: 'as an argument of compgen, which expands (and runs) word lists and functions',
  complete: 'as an argument of complete, which expands (and runs) word lists and functions',
  bind: 'as an argument of bind, which runs commands',
  alias: 'in an alias, which the shell later parses as code',
  fc: 'as an argument of fc, which runs commands',
  make: 'as an argument of make, which expands $( ) in variable values again',
  '[[': 'inside [[ … ]], where bash evaluates the operands of -eq, -lt, … and -v as arithmetic'
}

/**
 * Declarations: bash evaluates a name's subscript (`declare "a[$(cmd)]=1"`), and with -i an integer value and
 * with -n a reference; a plain value (`export V=[[ v ]]`) is only stored.
 */
const DECLARATIONS = new Set(['declare', 'typeset', 'local', 'export', 'readonly'])

/** Commands with one option whose argument bash evaluates as a name (with a subscript). */
const NAME_OPTIONS: Record<string, RegExp> = { printf: /^-v$/, test: /^-[vR]$/, '[': /^-[vR]$/, wait: /^-p$/ }

/** Variables whose value the shell later expands or runs as code. */
const CODE_VARIABLES = new Set(['PS1', 'PS2', 'PS3', 'PS4', 'PROMPT_COMMAND', 'BASH_ENV', 'ENV'])

/** Commands that run the rest of their arguments as a command, and the options they take before it. */
interface Wrapper {
  readonly withArgument?: RegExp
  /** Operands before the command (timeout's duration, chroot's directory). */
  readonly operands?: number
  /** An option that makes every later argument code (env -S, sudo -s). */
  readonly allCode?: RegExp
  /** An option whose argument is a command line a shell parses (su -c, flock -c). */
  readonly codeOption?: RegExp
}
const WRAPPERS: Record<string, Wrapper> = {
  env: { withArgument: /^(-u|--unset|-C|--chdir)$/, allCode: /^(-[a-zA-Z]*S|--split-string)/ },
  sudo: { withArgument: /^-[ughpCDrtUT]$/, allCode: /^-[a-zA-Z]*[si]/ },
  doas: { withArgument: /^-[uC]$/, allCode: /^-s$/ },
  nohup: {},
  setsid: {},
  time: { withArgument: /^-[fo]$/ },
  command: {},
  builtin: {},
  exec: { withArgument: /^-a$/ },
  nice: { withArgument: /^-n$/ },
  ionice: { withArgument: /^-[cnpPut]$/ },
  stdbuf: { withArgument: /^-[ioe]$/ },
  timeout: { withArgument: /^(-s|--signal|-k|--kill-after)$/, operands: 1 },
  taskset: { operands: 1 },
  chroot: { operands: 1 },
  unbuffer: {},
  caffeinate: {},
  'xvfb-run': { withArgument: /^(-s|--server-args|-n|--server-num|-e|--error-file|-f|--auth-file|-p|--xauth-protocol)$/ },
  flock: { withArgument: /^(-w|--timeout|-E|--conflict-exit-code)$/, operands: 1, codeOption: /^(-c|--command)$/ },
  su: { withArgument: /^(-s|--shell|-g|--group|-G|--supp-group)$/, operands: 1, codeOption: /^(-c|--command)$/ },
  runuser: { withArgument: /^(-u|--user|-s|--shell|-g|--group)$/, codeOption: /^(-c|--command)$/ },
  script: { withArgument: /^(-E|--echo|-T|--log-timing|-I|-O|-B)$/, codeOption: /^(-c|--command)$/ },
  strace: { withArgument: /^-[oepsSEuIbPaX]$/ },
  ltrace: { withArgument: /^-[oepsSEuIbPaX]$/ },
  valgrind: {},
  busybox: {}
}

type Lex =
  | { readonly kind: 'cmd' | 'double' | 'single' | 'ansi' | 'backtick' | 'comment' | 'heredoc' }
  | { readonly kind: 'arith'; depth: number; readonly close: string }
  | { readonly kind: 'param'; depth: number; text: string }
  | { readonly kind: 'array'; depth: number }

interface Word {
  raw: string
  /** The word as the shell would see it when it holds no expansion: quotes removed, escapes resolved. */
  literal: string
  /** It holds an expansion ($, backtick, a template): its literal is not what the shell sees. */
  expansion: boolean
  /** Templates standing in the word, directly or inside a $( ) or <( ) of it. */
  readonly templates: number[]
  /** A process substitution <( ) or >( ) is part of it. */
  processSubstitution: boolean
}

interface Command {
  readonly words: Word[]
  /** Here-string words and input redirections (`< <( )`): what the command reads on its input. */
  readonly inputs: Word[]
  /** Every template in the command, nested ones included: what a pipeline into a shell would carry. */
  readonly templates: number[]
  /** The raw text of the command, for variables a pipeline into a shell would carry. */
  text: string
  /** A compound command (loop, if, case, group, subshell): its own commands were judged already. */
  compound?: boolean
  /** The compound runs code (eval, a shell, …) somewhere inside: its input may be code. */
  runsCode?: boolean
  functionDefinition?: boolean
  /** Inside [[ … ]]: operators belong to the test. */
  testClause?: boolean
  /** `for x in …`, `case x in`, a case pattern: words, not a command. */
  wordList?: 'for' | 'other'
}

interface Frame {
  readonly kind: 'top' | 'substitution' | 'subshell' | 'compound'
  /** The reserved word (or `)`) that closes the frame. */
  readonly closer?: string
  readonly parent?: Frame
  /** The word of the parent that a $( ) or <( ) frame's output becomes part of. */
  readonly owner?: Word
  readonly isCase?: boolean
  /** In a case frame: the words until `)` are a pattern. */
  casePattern?: boolean
  pipeline: Command[]
  command: Command
  word?: Word
  pendingRedirect?: 'target' | 'input'
  /** Something inside runs code. */
  runsCode: boolean
}

const RESERVED_OPENERS: Record<string, string> = {
  if: 'fi',
  while: 'done',
  until: 'done',
  for: 'done',
  select: 'done',
  case: 'esac',
  '{': '}'
}
const RESERVED_CONTINUERS = new Set(['then', 'else', 'elif', 'do', '!'])

/** Stands for a template in a word's raw text. */
const TEMPLATE_MARK = '\u0000'
/** Whether raw shell text holds a template or an expansion. */
const expands = (raw: string): boolean => raw.includes(TEMPLATE_MARK) || raw.includes('$') || raw.includes('`')

const newCommand = (): Command => ({ words: [], inputs: [], templates: [], text: '' })
const newWord = (): Word => ({ raw: '', literal: '', expansion: false, templates: [], processSubstitution: false })
const baseName = (word: string): string => word.slice(word.lastIndexOf('/') + 1)
const isOption = (word: Word): boolean => /^[-+]./.test(word.literal) && !word.expansion
const COMMAND_CLUSTER = /^-[a-zA-Z]*c[a-zA-Z]*$/

/** Names of functions and aliases the script defines: a template handed to one may reach any of the above. */
function definedNames(text: string): Set<string> {
  const names = new Set<string>()
  for (const match of text.matchAll(/(?:^|[\s;&|(){}])(?:function\s+([A-Za-z_][\w.-]*)|([A-Za-z_][\w.-]*)\s*\(\s*\))/g))
    names.add((match[1] ?? match[2])!)
  for (const match of text.matchAll(/(?:^|[\s;&|(){}])alias\s+(?:-p\s+)?([A-Za-z_][\w.-]*)=/g)) names.add(match[1]!)
  return names
}

/** Names the script declares as integers (`declare -i n`): an assignment to one is evaluated as arithmetic. */
function integerNames(text: string): Set<string> {
  const names = new Set<string>()
  for (const match of text.matchAll(/\b(?:declare|typeset|local|readonly|export)((?:\s+[-+][A-Za-z]+)+)\s+([^;&|\n]*)/g)) {
    if (!/i/.test(match[1]!)) continue
    for (const word of match[2]!.split(/\s+/)) {
      const name = /^([A-Za-z_]\w*)/.exec(word)?.[1]
      if (name) names.add(name)
    }
  }
  return names
}

/** Whether `text` (a place that evaluates code) mentions the variable `name`. */
function mentions(text: string, name: string): boolean {
  if (/^[0-9]$/.test(name)) return new RegExp(`\\$\\{?${name}(?![0-9])`).test(text)
  if (name === '@' || name === '*') return /\$\{?[@*]/.test(text)
  return new RegExp(`(?<![A-Za-z0-9_])${name}(?![A-Za-z0-9_])`).test(text)
}

/** Judges where each template of `text` stands (spans sorted by position, not overlapping). */
export function scanShell(text: string, spans: readonly TemplateSpan[]): Verdict[] {
  const verdicts: Verdict[] = spans.map(() => ({ context: 'normal' as const }))
  const refuse = (template: number, problem: string, context?: PlainContext | 'single' | 'other'): void => {
    const verdict = verdicts[template]!
    if (!('problem' in verdict)) verdicts[template] = { problem, context: context ?? verdict.context }
  }
  const functions = definedNames(text)
  const integers = integerNames(text)
  /** Variable → the templates whose value it may hold. */
  const taints = new Map<string, Set<number>>()
  const taint = (name: string, templates: readonly number[]): void => {
    if (templates.length === 0) return
    const set = taints.get(name) ?? new Set<number>()
    for (const template of templates) set.add(template)
    taints.set(name, set)
  }
  spans.forEach((span, template) => taint(span.variable, [template]))
  /** Text of every place that evaluates code: where a variable holding a value would be parsed again. */
  const sites: string[] = []

  const top: Frame = { kind: 'top', pipeline: [], command: newCommand(), runsCode: false }
  let frame = top
  const lex: Lex[] = [{ kind: 'cmd' }]
  const heredocs: { delimiter: string; strip: boolean; quoted: boolean }[] = []
  let heredocText = ''
  const current = (): Lex => lex[lex.length - 1]!
  const word = (): Word => (frame.word ??= newWord())
  const raw = (chars: string): void => {
    word().raw += chars
    for (let f: Frame | undefined = frame; f; f = f.parent) f.command.text += chars
  }

  const judge = (command: Command): Judgement => {
    const judged = judgeCommand(command, functions, integers)
    for (const assignment of judged.assignments) taint(assignment.name, assignment.word.templates)
    if (judged.setsPositional)
      for (const name of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '@', '*']) taint(name, judged.setsPositional)
    for (const name of judged.readsInto)
      taint(
        name,
        command.inputs.flatMap((input) => input.templates)
      )
    for (const dangerous of judged.danger.keys()) sites.push(dangerous.raw)
    if (judged.runsCode) frame.runsCode = true
    return judged
  }

  const endPipeline = (): void => {
    endCommand()
    const pipeline = frame.pipeline
    frame.pipeline = []
    const judged = pipeline.map(judge)
    judged.forEach((verdict, index) => {
      for (const [dangerous, problem] of verdict.danger) for (const template of dangerous.templates) refuse(template, problem)
      if (!verdict.stdinCode) return
      for (const input of pipeline[index]!.inputs) {
        sites.push(input.raw)
        for (const template of input.templates) refuse(template, `as the input of ${verdict.stdinCode}`)
      }
      for (const earlier of pipeline.slice(0, index)) {
        sites.push(earlier.text)
        for (const template of earlier.templates) refuse(template, `in a pipeline into ${verdict.stdinCode}`)
      }
    })
  }

  const endWord = (): void => {
    const finished = frame.word
    frame.word = undefined
    if (!finished) return
    const command = frame.command
    if (frame.pendingRedirect) {
      if (frame.pendingRedirect === 'input') command.inputs.push(finished)
      frame.pendingRedirect = undefined
      return
    }
    const plain = !finished.expansion && !/['"\\]/.test(finished.raw) ? finished.literal : undefined
    const atStart = !command.compound && !command.wordList && (command.words.length === 0 || command.functionDefinition === true)
    if (frame.isCase && command.words.length === 0 && plain === 'esac') {
      close()
      return
    }
    if (atStart && plain !== undefined && RESERVED_OPENERS[plain]) {
      open('compound', RESERVED_OPENERS[plain]!, plain === 'case')
      if (plain === 'for' || plain === 'select') frame.command.wordList = 'for'
      if (plain === 'case') frame.command.wordList = 'other'
      return
    }
    if (atStart && plain !== undefined && RESERVED_CONTINUERS.has(plain) && command.words.length === 0) return
    if (atStart && plain !== undefined && frame.kind === 'compound' && plain === frame.closer && command.words.length === 0) {
      close()
      return
    }
    if (frame.isCase && command.wordList === 'other' && plain === 'in' && frame.casePattern === undefined) {
      endPipeline()
      frame.casePattern = true
      frame.command.wordList = 'other'
      return
    }
    if (atStart && plain === 'function') {
      command.functionDefinition = true
      return
    }
    if (atStart && plain === '[[') command.testClause = true
    if (command.testClause && plain === ']]') command.testClause = false
    command.words.push(finished)
  }

  const endCommand = (): void => {
    endWord()
    const command = frame.command
    if (command.wordList === 'for' && command.words.length > 0) {
      taint(
        command.words[0]!.literal,
        command.words.slice(1).flatMap((word) => word.templates)
      )
    } else if (
      !command.wordList &&
      !command.functionDefinition &&
      (command.words.length > 0 || command.compound || command.inputs.length > 0)
    ) {
      frame.pipeline.push(command)
    }
    frame.command = newCommand()
    if (frame.isCase && frame.casePattern) frame.command.wordList = 'other'
  }

  function open(kind: Frame['kind'], closer: string, isCase = false, owner?: Word): void {
    frame = {
      kind,
      closer,
      parent: frame,
      ...(owner ? { owner } : {}),
      ...(isCase ? { isCase } : {}),
      pipeline: [],
      command: newCommand(),
      runsCode: false
    }
    if (kind === 'substitution' || kind === 'subshell') lex.push({ kind: 'cmd' })
  }

  function close(): void {
    const closing = frame
    endPipeline()
    // Ending the pipeline may have met the frame's closing word, which closed it already.
    if (frame !== closing) return
    const closed = frame
    frame = closed.parent!
    if (closed.kind === 'substitution' || closed.kind === 'subshell') lex.pop()
    if (closed.runsCode) frame.runsCode = true
    if (closed.owner) return
    const command = frame.command
    if (command.functionDefinition) return
    command.compound = true
    if (closed.runsCode) command.runsCode = true
  }

  /** Adds a template to the word being built, and to the command of every frame it stands in. */
  const place = (template: number): void => {
    const target = word()
    target.templates.push(template)
    target.expansion = true
    raw(TEMPLATE_MARK)
    for (let f: Frame | undefined = frame; f; f = f.parent) {
      f.command.templates.push(template)
      if (f.owner && f.parent) {
        // The output of a $( ) becomes part of the parent's word.
        if (!f.owner.templates.includes(template)) f.owner.templates.push(template)
      }
    }
  }

  let index = 0
  let next = 0
  while (index < text.length) {
    const span = spans[next]
    if (span && span.start === index) {
      const context = current()
      const template = next
      next++
      index = span.end
      const problem = lexicalProblem(context)
      if (problem) {
        refuse(template, problem, context.kind === 'single' ? 'single' : 'other')
        if (context.kind === 'param') context.text += `${TEMPLATE_MARK}${span.variable}${TEMPLATE_MARK}`
        continue
      }
      if (context.kind === 'comment') {
        verdicts[template] = { context: 'comment' }
        continue
      }
      verdicts[template] = { context: context.kind === 'double' ? 'double' : 'normal' }
      place(template)
      continue
    }
    const char = text[index]!
    const rest = text.slice(index)
    const context = current()
    let consumed = 1

    if (context.kind === 'comment') {
      if (char === '\n') {
        lex.pop()
        continue
      }
    } else if (context.kind === 'heredoc') {
      const atLineStart = index === 0 || text[index - 1] === '\n'
      const lineEnd = text.indexOf('\n', index)
      const line = text.slice(index, lineEnd === -1 ? text.length : lineEnd)
      const heredoc = heredocs[0]!
      if (atLineStart && (heredoc.strip ? line.replace(/^\t+/, '') : line) === heredoc.delimiter) {
        heredocs.shift()
        consumed = line.length + (lineEnd === -1 ? 0 : 1)
        if (!heredoc.quoted) sites.push(heredocText)
        heredocText = ''
        if (heredocs.length === 0) lex.pop()
      } else {
        heredocText += char
      }
    } else if (context.kind === 'single') {
      if (char === "'") lex.pop()
      else word().literal += char
      raw(char)
    } else if (context.kind === 'ansi') {
      if (char === '\\') consumed = 2
      else if (char === "'") lex.pop()
      raw(text.slice(index, index + consumed))
    } else if (context.kind === 'backtick') {
      if (char === '\\') consumed = 2
      else if (char === '`') lex.pop()
      raw(text.slice(index, index + consumed))
    } else if (context.kind === 'arith') {
      if (rest.startsWith(context.close) && context.depth === 0) {
        lex.pop()
        consumed = context.close.length
      } else if (char === '(' || char === '[') context.depth++
      else if ((char === ')' || char === ']') && context.depth > 0) context.depth--
      const chars = text.slice(index, index + consumed)
      raw(chars)
      sites.push(chars)
    } else if (context.kind === 'param') {
      if (char === '\\') consumed = 2
      else if (char === '{') context.depth++
      else if (char === '}') {
        if (context.depth === 0) {
          lex.pop()
          // ${a[i]}, ${s:i:n} and ${!name} evaluate what follows the name; ${x:-…}, ${x#…} do not.
          const param = /^[#!]?([A-Za-z_]\w*|[0-9@*#?$!-])(.*)$/s.exec(context.text)
          if (context.text.startsWith('!') || /^(\[|:[^-=?+])/.test(param?.[2] ?? '')) sites.push(context.text)
        } else context.depth--
      }
      if (context.kind === 'param' && current() === context) context.text += text.slice(index, index + consumed)
      raw(text.slice(index, index + consumed))
    } else if (context.kind === 'array') {
      if (char === '\\') consumed = 2
      else if (char === '(') context.depth++
      else if (char === ')') {
        if (context.depth === 0) lex.pop()
        else context.depth--
      }
      const chars = text.slice(index, index + consumed)
      raw(chars)
      sites.push(chars)
    } else if (context.kind === 'double') {
      if (char === '\\') {
        consumed = 2
        const escaped = text[index + 1] ?? ''
        word().literal += /["\\$`]/.test(escaped) ? escaped : escaped === '\n' ? '' : rest.slice(0, 2)
        raw(rest.slice(0, 2))
      } else if (char === '"') {
        lex.pop()
        raw(char)
      } else if (rest.startsWith('$((')) {
        lex.push({ kind: 'arith', depth: 0, close: '))' })
        consumed = 3
        word().expansion = true
        raw(rest.slice(0, 3))
      } else if (rest.startsWith('$(')) {
        consumed = 2
        word().expansion = true
        raw('$(')
        open('substitution', ')', false, word())
      } else if (rest.startsWith('${')) {
        lex.push({ kind: 'param', depth: 0, text: '' })
        consumed = 2
        word().expansion = true
        raw('${')
      } else if (char === '`') {
        lex.push({ kind: 'backtick' })
        word().expansion = true
        raw(char)
      } else if (char === '$' && /[\w@*#?$!-]/.test(text[index + 1] ?? '')) {
        word().expansion = true
        raw(char)
      } else {
        word().literal += char
        raw(char)
      }
    } else {
      // Command level.
      const command = frame.command
      const inTest = command.testClause === true
      if (char === '\\') {
        consumed = 2
        if (text[index + 1] !== '\n') {
          raw(rest.slice(0, 2))
          word().literal += text[index + 1] ?? ''
        }
      } else if (char === ' ' || char === '\t') {
        endWord()
        for (let f: Frame | undefined = frame; f; f = f.parent) f.command.text += char
      } else if (char === '\n') {
        endPipeline()
        if (heredocs.length > 0) lex.push({ kind: 'heredoc' })
      } else if (char === '#' && !frame.word) {
        lex.push({ kind: 'comment' })
      } else if (char === "'") {
        lex.push({ kind: 'single' })
        raw(char)
      } else if (rest.startsWith("$'")) {
        lex.push({ kind: 'ansi' })
        consumed = 2
        word().expansion = true
        raw(rest.slice(0, 2))
      } else if (char === '"' || rest.startsWith('$"')) {
        lex.push({ kind: 'double' })
        consumed = char === '"' ? 1 : 2
        raw(rest.slice(0, consumed))
      } else if (char === '`') {
        lex.push({ kind: 'backtick' })
        word().expansion = true
        raw(char)
      } else if (rest.startsWith('$((')) {
        lex.push({ kind: 'arith', depth: 0, close: '))' })
        consumed = 3
        word().expansion = true
        raw(rest.slice(0, 3))
      } else if (rest.startsWith('$[')) {
        lex.push({ kind: 'arith', depth: 0, close: ']' })
        consumed = 2
        word().expansion = true
        raw(rest.slice(0, 2))
      } else if (rest.startsWith('$(')) {
        consumed = 2
        word().expansion = true
        raw('$(')
        open('substitution', ')', false, word())
      } else if (rest.startsWith('${')) {
        lex.push({ kind: 'param', depth: 0, text: '' })
        consumed = 2
        word().expansion = true
        raw(rest.slice(0, 2))
      } else if (char === '$') {
        if (/[\w@*#?$!-]/.test(text[index + 1] ?? '')) word().expansion = true
        else word().literal += char
        raw(char)
      } else if (!frame.word && (rest.startsWith('<(') || rest.startsWith('>('))) {
        consumed = 2
        const target = word()
        target.expansion = true
        target.processSubstitution = true
        raw(rest.slice(0, 2))
        open('substitution', ')', false, target)
      } else if (rest.startsWith('((') && !frame.word && command.words.length === 0 && !inTest) {
        lex.push({ kind: 'arith', depth: 0, close: '))' })
        consumed = 2
        raw('((')
      } else if (inTest && /^(&&|\|\||[()<>!])/.test(rest)) {
        // Inside [[ … ]] these belong to the test, not to the shell.
        endWord()
        consumed = rest.startsWith('&&') || rest.startsWith('||') ? 2 : 1
        command.text += rest.slice(0, consumed)
      } else if (rest.startsWith('<<<')) {
        endWord()
        frame.pendingRedirect = 'input'
        consumed = 3
      } else if (rest.startsWith('<<')) {
        endWord()
        const heredoc = /^<<(-?)[ \t]*(?:'([^'\n]*)'|"([^"\n]*)"|(\\?)([^\s;&|<>()]+))/.exec(rest)
        if (heredoc) {
          heredocs.push({
            delimiter: (heredoc[2] ?? heredoc[3] ?? heredoc[5] ?? '').replace(/\\/g, ''),
            strip: heredoc[1] === '-',
            quoted: heredoc[5] === undefined || heredoc[4] === '\\' || /["'\\]/.test(heredoc[5])
          })
          consumed = heredoc[0].length
        } else consumed = 2
      } else if (!frame.word && /^\d*(>>|>&|<&|&>>|&>|>\||<>|>|<)/.test(rest)) {
        const redirect = /^\d*(>>|>&|<&|&>>|&>|>\||<>|>|<)/.exec(rest)!
        consumed = redirect[0].length
        frame.pendingRedirect = redirect[1] === '<' || redirect[1] === '<&' ? 'input' : 'target'
      } else if (/^(>>|>&|<&|&>>|&>|>\||<>|>|<)/.test(rest)) {
        endWord()
        const redirect = /^(>>|>&|<&|&>>|&>|>\||<>|>|<)/.exec(rest)!
        consumed = redirect[0].length
        frame.pendingRedirect = redirect[1] === '<' || redirect[1] === '<&' ? 'input' : 'target'
      } else if (rest.startsWith('|&') || (char === '|' && !rest.startsWith('||'))) {
        endCommand()
        consumed = rest.startsWith('|&') ? 2 : 1
      } else if (/^(&&|\|\||;;&|;;|;&|;|&)/.test(rest)) {
        const operator = /^(&&|\|\||;;&|;;|;&|;|&)/.exec(rest)![0]
        consumed = operator.length
        endPipeline()
        if (frame.isCase && operator.startsWith(';;')) frame.casePattern = true
        if (frame.isCase && operator === ';&') frame.casePattern = true
        if (frame.isCase && frame.casePattern) frame.command.wordList = 'other'
      } else if (char === '(') {
        if (frame.word && /=$/.test(frame.word.raw)) {
          // name=( … ): an array assignment, whose subscripts bash evaluates.
          lex.push({ kind: 'array', depth: 0 })
          raw(char)
        } else if (frame.isCase && frame.casePattern && !frame.word && command.words.length === 0) {
          // The optional ( before a case pattern.
        } else if (
          /^\([ \t]*\)/.test(rest) &&
          ((frame.word && command.words.length === 0) || (!frame.word && command.words.length === 1))
        ) {
          endWord()
          command.functionDefinition = true
          consumed = /^\([ \t]*\)/.exec(rest)![0].length
        } else if (!frame.word && command.words.length === 0) {
          open('subshell', ')')
        } else {
          raw(char)
        }
      } else if (char === ')') {
        if (frame.isCase && frame.casePattern) {
          endCommand()
          frame.casePattern = false
          frame.command = newCommand()
        } else if (frame.kind === 'substitution' || frame.kind === 'subshell') {
          close()
        } else {
          raw(char)
          word().literal += char
        }
      } else {
        raw(char)
        word().literal += char
      }
    }
    index += consumed
  }
  for (let rest = next; rest < spans.length; rest++) refuse(rest, 'where this scanner could not place it')
  endWord()
  while (frame !== top) close()
  endPipeline()

  // A value in a variable that the run evaluates somewhere is parsed again there.
  for (const [name, templates] of taints) {
    if (!sites.some((site) => mentions(site.split(TEMPLATE_MARK).join(' '), name))) continue
    for (const template of templates) {
      refuse(
        template,
        `in $${name}, which this run evaluates as code elsewhere (eval, sh -c, arithmetic, a subscript or a pipe into a shell)`
      )
    }
  }
  return verdicts
}

function lexicalProblem(context: Lex): string | undefined {
  switch (context.kind) {
    case 'single':
      return 'inside single quotes, where its value would be spliced into text that is often handed to another shell (sh -c, ssh, eval)'
    case 'ansi':
      return "inside $'…' quotes"
    case 'backtick':
      return 'inside backticks, where the shell would parse the value as a command (use $( … ) instead)'
    case 'arith':
      return "inside arithmetic ($(( )), (( )), $[ ]), where bash evaluates the value as an expression and runs a subscript's $( )"
    case 'param':
      return 'inside ${ … }, where the value would be parsed as part of the expansion'
    case 'array':
      return 'inside an array assignment ( … ), where bash evaluates subscripts'
    case 'heredoc':
      return 'inside a here-document, whose text is often fed to a shell'
    default:
      return undefined
  }
}

interface Judgement {
  readonly danger: Map<Word, string>
  /** The command reads its input as code: what to call it in messages. */
  readonly stdinCode?: string
  /** Names assigned before the command (a template there is in that variable from now on). */
  readonly assignments: { readonly name: string; readonly word: Word }[]
  /** set -- and function calls: the templates that become positional parameters. */
  readonly setsPositional?: number[]
  /** read: the names its input goes into. */
  readonly readsInto: string[]
  /** The command runs code (eval, a shell, an interpreter): a loop around it may run its input. */
  readonly runsCode: boolean
}

/** What in one simple command parses a template again: the words that do, and whether its input is code. */
function judgeCommand(command: Command, functions: ReadonlySet<string>, integers: ReadonlySet<string>): Judgement {
  const danger = new Map<Word, string>()
  const words = command.words
  const assignments: { name: string; word: Word }[] = []
  if (command.compound) {
    const stdinCode = command.runsCode ? 'a loop, group or subshell that runs code' : undefined
    return { danger, assignments, readsInto: [], runsCode: command.runsCode === true, ...(stdinCode ? { stdinCode } : {}) }
  }
  const mark = (from: number, problem: string, to = words.length): void => {
    for (let index = from; index < Math.min(to, words.length); index++) if (!danger.has(words[index]!)) danger.set(words[index]!, problem)
  }
  if (command.testClause || words[0]?.literal === '[[') {
    mark(0, CODE_ARGUMENTS['[[']!)
    return { danger, assignments, readsInto: [], runsCode: true }
  }
  let index = 0
  // Assignments before the command: subscripts, integers and prompt variables are evaluated later.
  for (; index < words.length; index++) {
    const assignment = /^([A-Za-z_]\w*)(\[[^\]]*\]?)?\+?=/.exec(words[index]!.raw)
    if (!assignment) break
    const name = assignment[1]!
    assignments.push({ name, word: words[index]! })
    if (assignment[2] !== undefined && expands(assignment[2]))
      mark(index, 'in an array subscript, which bash evaluates as arithmetic', index + 1)
    else if (CODE_VARIABLES.has(name)) mark(index, `assigned to ${name}, which the shell expands as code later`, index + 1)
    else if (integers.has(name)) mark(index, `assigned to ${name}, an integer variable, which bash evaluates as arithmetic`, index + 1)
  }
  const found = judgeInvocation(words, index, mark, functions)
  const name = baseName(words[found.head ?? words.length]?.literal ?? '')
  const readsInto =
    name === 'read'
      ? words
          .slice((found.head ?? 0) + 1)
          .filter((word) => !isOption(word))
          .map((word) => word.literal)
      : []
  const setsPositional =
    name === 'set' || functions.has(name) ? words.slice((found.head ?? 0) + 1).flatMap((word) => word.templates) : undefined
  return {
    danger,
    assignments,
    readsInto,
    ...(setsPositional ? { setsPositional } : {}),
    runsCode: found.runsCode,
    ...(found.stdinCode ? { stdinCode: found.stdinCode } : {})
  }
}

interface Invocation {
  /** Index of the command's name (after assignments and wrappers). */
  readonly head?: number
  readonly stdinCode?: string
  readonly runsCode: boolean
}

/** Judges `words[start…]` as a command with its arguments (recursively through wrappers). */
function judgeInvocation(
  words: readonly Word[],
  start: number,
  mark: (from: number, problem: string, to?: number) => void,
  functions: ReadonlySet<string>
): Invocation {
  let index = start
  if (index >= words.length) return { runsCode: false }
  const head = words[index]!
  if (head.expansion || head.templates.length > 0) {
    mark(index, "as the command's name, where the value chooses what runs", index + 1)
    mark(
      index + 1,
      'as an argument of a command whose name is an expansion, so this run cannot tell whether it parses its arguments as code'
    )
    return { head: index, runsCode: true, stdinCode: 'a command whose name is an expansion' }
  }
  const name = baseName(head.literal)
  if (functions.has(head.literal)) {
    mark(
      index + 1,
      `as an argument of ${head.literal}, a function or alias defined in this run, which may hand it to a shell (read its environment variable inside instead)`
    )
    return { head: index, runsCode: true, stdinCode: `${head.literal}, a function or alias defined in this run` }
  }
  const wrapper = WRAPPERS[name]
  if (wrapper) {
    index++
    let operands = wrapper.operands ?? 0
    for (; index < words.length; index++) {
      const word = words[index]!
      if (wrapper.allCode?.test(word.literal)) {
        mark(index, `in ${name} ${word.literal}, which runs its arguments through a shell`)
        return { head: start, runsCode: true, stdinCode: `${name} ${word.literal}` }
      }
      if (wrapper.codeOption?.test(word.literal)) {
        mark(index + 1, `as the command of ${name} ${word.literal}, which a shell parses as code`, index + 2)
        return { head: start, runsCode: true }
      }
      if (word.literal === '--') {
        index++
        break
      }
      if (isOption(word)) {
        if (wrapper.withArgument?.test(word.literal)) index++
        continue
      }
      if (name === 'env' && /^[A-Za-z_]\w*=/.test(word.raw)) continue
      if (operands > 0) {
        operands--
        continue
      }
      break
    }
    return judgeInvocation(words, index, mark, functions)
  }
  if (DECLARATIONS.has(name)) {
    const evaluating = words.slice(index + 1).some((word) => isOption(word) && /^[-+][a-zA-Z]*[inaA]/.test(word.literal))
    for (let at = index + 1; at < words.length; at++) {
      const word = words[at]!
      if (isOption(word)) continue
      const equals = word.raw.indexOf('=')
      const namePart = equals === -1 ? word.raw : word.raw.slice(0, equals)
      if (evaluating)
        mark(at, `as an argument of ${name} with an integer, array or reference attribute, whose values bash evaluates`, at + 1)
      else if (expands(namePart)) mark(at, `in a name given to ${name}, whose subscript bash evaluates as arithmetic`, at + 1)
    }
    return { head: index, runsCode: false }
  }
  const problem = CODE_ARGUMENTS[name]
  if (problem) {
    mark(index + 1, problem)
    return { head: index, runsCode: name !== 'read' && name !== 'make' }
  }
  const nameOption = NAME_OPTIONS[name]
  if (nameOption) {
    for (let at = index + 1; at < words.length; at++) {
      if (nameOption.test(words[at]!.literal))
        mark(at + 1, `as the name after ${name} ${words[at]!.literal}, whose subscript bash evaluates`, at + 2)
    }
  }
  if (name === 'xargs') return { head: index, ...judgeXargs(words, index, mark, functions) }
  if (name === 'find') return { head: index, runsCode: judgeFindExec(words, index, mark, functions) }
  if (name === 'source' || name === '.') {
    for (let at = index + 1; at < words.length; at++) {
      if (words[at]!.processSubstitution) mark(at, `in a process substitution that ${name} runs as code`, at + 1)
    }
    const stdin = /^\/dev\/(stdin|fd\/0)$/.test(words[index + 1]?.literal ?? '')
    return { head: index, runsCode: true, ...(stdin ? { stdinCode: `${name} /dev/stdin` } : {}) }
  }
  if (SHELLS.has(name)) return { head: index, ...judgeShell(words, index, name, mark) }
  const interpreter = INTERPRETERS[name]
  if (interpreter) return { head: index, ...judgeInterpreter(words, index, name, interpreter, mark) }
  // Anything else: a shell or eval further along (docker exec c sh -c …, kubectl exec -- bash -c …).
  for (let at = index + 1; at < words.length; at++) {
    const later = baseName(words[at]!.literal)
    if (SHELLS.has(later) && words.slice(at + 1).some((word) => COMMAND_CLUSTER.test(word.literal))) {
      judgeShell(words, at, later, mark)
      return { head: index, runsCode: true }
    }
    if (later === 'eval') {
      mark(at + 1, CODE_ARGUMENTS.eval!)
      return { head: index, runsCode: true }
    }
  }
  return { head: index, runsCode: false }
}

/** A shell: with -c (anywhere among its words) the word after it is a script; without, it runs its input or a file. */
function judgeShell(
  words: readonly Word[],
  start: number,
  name: string,
  mark: (from: number, problem: string, to?: number) => void
): { stdinCode?: string; runsCode: boolean } {
  const powershell = name === 'pwsh' || name === 'powershell'
  const isCommandOption = (word: Word): boolean =>
    powershell ? /^-(c|command|e|ec|encodedcommand)$/i.test(word.literal) : COMMAND_CLUSTER.test(word.literal)
  const commandAt = words.findIndex((word, at) => at > start && isCommandOption(word))
  if (commandAt !== -1) {
    let script = commandAt + 1
    while (script < words.length && isOption(words[script]!)) script += /^[-+][oO]$/.test(words[script]!.literal) ? 2 : 1
    mark(
      script,
      `in the script of ${name} -c, where the shell parses the value as code (pass it as an argument after the script, or read $VARIABLE inside it)`,
      script + 1
    )
    return { runsCode: true }
  }
  let index = start + 1
  let readsStdin = false
  for (; index < words.length; index++) {
    const word = words[index]!
    if (word.literal === '-') {
      readsStdin = true
      break
    }
    if (word.literal === '--') {
      index++
      break
    }
    if (!isOption(word)) break
    if (/^-[a-zA-Z]*s[a-zA-Z]*$/.test(word.literal)) readsStdin = true
    if (/^([-+][oO]|--rcfile|--init-file)$/.test(word.literal)) index++
  }
  for (let at = index; at < words.length; at++) {
    if (words[at]!.processSubstitution) mark(at, `in a process substitution that ${name} runs as a script`, at + 1)
  }
  return { runsCode: true, ...(readsStdin || index >= words.length ? { stdinCode: `${name}, which runs its input as code` } : {}) }
}

function judgeInterpreter(
  words: readonly Word[],
  start: number,
  name: string,
  interpreter: Interpreter,
  mark: (from: number, problem: string, to?: number) => void
): { stdinCode?: string; runsCode: boolean } {
  // Any code option anywhere: the word after it is code (a script's own arguments may look the same; better refused).
  let code = false
  for (let at = start + 1; at < words.length; at++) {
    const literal = words[at]!.literal
    if (interpreter.code.test(literal)) {
      mark(at + 1, `in the code ${name} ${literal} runs`, at + 2)
      code = true
    } else if (/^--(eval|print|expression|source)=/.test(literal)) {
      mark(at, `in the code ${name} runs`, at + 1)
      code = true
    }
  }
  let index = start + 1
  for (; index < words.length; index++) {
    const word = words[index]!
    if (word.literal === '--') {
      index++
      break
    }
    if (!isOption(word)) break
    if (interpreter.withArgument?.test(word.literal)) index++
  }
  if (interpreter.programOperand) {
    const given = words.some((word, at) => at > start && interpreter.programOperand!.test(word.literal))
    if (!given && index < words.length) mark(index, `in the program of ${name}, which it parses as code`, index + 1)
    return { runsCode: true }
  }
  if (code) return { runsCode: true }
  for (let at = index; at < words.length; at++) {
    if (words[at]!.processSubstitution) mark(at, `in a process substitution that ${name} runs as a script`, at + 1)
  }
  // Without code and without a script file it runs its input (a word that does not look like a file counts as none).
  const script = words[index]
  const runsInput = !script || script.literal === '-' || !/[./]/.test(script.literal)
  return { runsCode: true, ...(runsInput ? { stdinCode: `${name}, which runs its input as code` } : {}) }
}

function judgeXargs(
  words: readonly Word[],
  start: number,
  mark: (from: number, problem: string, to?: number) => void,
  functions: ReadonlySet<string>
): { stdinCode?: string; runsCode: boolean } {
  let index = start + 1
  for (; index < words.length; index++) {
    const word = words[index]!
    if (!isOption(word)) break
    if (/^-[adEILnPs]$/.test(word.literal)) index++
  }
  const rest = words.slice(index)
  const inner = judgeInvocation(rest, 0, (from, problem, to = rest.length) => mark(index + from, problem, index + to), functions)
  const target = baseName(rest[0]?.literal ?? 'echo')
  const later = rest.some((word) => {
    const base = baseName(word.literal)
    return SHELLS.has(base) || INTERPRETERS[base] !== undefined || base === 'eval'
  })
  return inner.runsCode || later
    ? { runsCode: true, stdinCode: `xargs ${target}, which hands its input to a command that parses it as code` }
    : { runsCode: false }
}

function judgeFindExec(
  words: readonly Word[],
  start: number,
  mark: (from: number, problem: string, to?: number) => void,
  functions: ReadonlySet<string>
): boolean {
  let runsCode = false
  for (let index = start + 1; index < words.length; index++) {
    if (!/^-(exec|execdir|ok|okdir)$/.test(words[index]!.literal)) continue
    let end = index + 1
    while (end < words.length && words[end]!.literal !== ';' && words[end]!.literal !== '+') end++
    const sub = words.slice(index + 1, end)
    const offset = index + 1
    runsCode ||= judgeInvocation(sub, 0, (from, problem, to = sub.length) => mark(offset + from, problem, offset + to), functions).runsCode
    index = end
  }
  return runsCode
}

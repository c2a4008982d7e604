// The run scanner (src/apply/shell-scan.ts) against the shells themselves. Scripts are generated from a
// grammar of ordinary and hostile shapes, each with `@` where a template stands; each is rendered as apply
// renders it (the value in SAM_VAR_v, the text never spliced), run by bash and by dash with values that
// execute code wherever a shell would parse them again (`$(touch m)`, `a[$(touch m)]`, quote breakouts),
// and the marker file tells. The claim under test: a script the scanner accepts never runs the value, under
// either shell. Scripts it refuses are run too (value spliced where it stands), to count how many of them
// really were dangerous — a scanner that refused everything would fail the acceptance floor below.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ConfigError } from '../../src/apply/errors.js'
import { renderRun, runTemplate, type TemplateMatch } from '../../src/apply/shell.js'
import { scanShell } from '../../src/apply/shell-scan.js'
import { tempDir } from '../support/helpers.js'

const SHELLS = ['bash', 'dash'] as const
/**
 * Values that run `touch m` wherever a shell parses them again: as code, unquoted or in double quotes
 * (`$(touch m)`), inside single quotes (`';touch m;'` ends them), and as arithmetic (a subscript's `$( )`).
 */
const PAYLOADS = ['$(touch m)', "x';touch m;'", 'a[$(touch m)]']
/** Scripts per run: every statement once with a plain template, then random combinations. SHELL_DIFF_SCRIPTS asks for more. */
const SCRIPTS = Number(process.env.SHELL_DIFF_SCRIPTS) || 90

/** A small deterministic generator (mulberry32), so a failure names a script that can be run again. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Where a value stands in a word. */
const HOLDERS = ['@', '"@"', '"pre-@-post"', "'@'", '"$(printf %s @)"', '$(printf %s "@")', '`printf %s @`', '"${x:-@}"']

/** Statements with `H` where the holder goes. */
const STATEMENTS = [
  'echo H',
  "printf '%s\\n' H",
  'echo H > out.txt',
  'echo H | tee out.txt',
  'sh -c H',
  'bash -c H',
  'sh -c "echo H"',
  'bash -lc "echo H"',
  'sh -c \'echo "$1"\' _ H',
  'eval H',
  'eval "echo H"',
  'command eval "echo H"',
  'env sh -c H',
  'timeout 5 sh -c H',
  'nice -n 1 bash -c H',
  'echo H | sh',
  'echo H | bash',
  'echo H | xargs echo',
  'echo H | xargs sh -c',
  'echo H | cat | sh',
  'bash <<< H',
  'cat <<< H',
  'cat <<EOF\nH\nEOF',
  'sh <<EOF\nH\nEOF',
  "cat <<'EOF'\nH\nEOF",
  '(( H ))',
  'echo $(( H ))',
  'let H',
  '[[ H -eq 1 ]]',
  '[[ H == x ]]',
  '[ H = x ]',
  'test -v H',
  'printf -v H x',
  'read H <<< x',
  'declare H',
  'declare n=H',
  'declare -i n=H',
  'export N=H',
  'arr[H]=1',
  'arr[0]=H',
  'a=(H)',
  'f H',
  'g H',
  'H',
  '$CMD H',
  'trap "echo H" EXIT',
  'for i in H; do echo "$i"; done',
  'for i in H; do eval "$i"; done',
  'case H in x) ;; esac',
  'if [ H = x ]; then :; fi',
  '{ echo H; } | sh',
  '( echo H ) | bash',
  'while read -r l; do eval "$l"; done <<< H',
  'while read -r l; do echo "$l"; done <<< H',
  'source <(echo H)',
  'cat <(echo H)',
  'echo ${x:-H}',
  'PS4=H; set -x; true',
  'x=H; eval "$x"',
  'x=H; (( x ))',
  'x=H; echo "$x"',
  'set -- H; eval "$1"',
  'set -- H; echo "$1"',
  'docker() { sh -c "$3"; }; docker exec c sh -c H',
  'find . -maxdepth 0 -exec sh -c H \\;',
  'find . -maxdepth 0 -exec echo H \\;'
]

const PRELUDE = 'CMD=echo\nf() { eval "$1"; }\ng() { echo "$1"; }\n'

function generate(count: number, seed: number): string[] {
  const next = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const scripts: string[] = []
  for (const statement of STATEMENTS) scripts.push(statement.replace(/H/g, '@'))
  while (scripts.length < count) {
    const parts = Array.from({ length: 1 + Math.floor(next() * 2) }, () => pick(STATEMENTS).replace(/H/g, () => pick(HOLDERS)))
    const body = parts.join(pick(['\n', '; ', ' && ']))
    scripts.push(pick([body, `if true; then\n${body}\nfi`, `{ ${body}\n}`, `h() {\n${body}\n}\nh`]))
  }
  return scripts
}

/**
 * The text apply would run, through the real run template; for a script the scanner refuses, what it would
 * have run had it let the templates through, quoted as they stand (the way the previous scanner did).
 */
function render(script: string): { script: string; refused?: string } {
  const text = `${PRELUDE}${script}`
  const matches: TemplateMatch[] = []
  let body = ''
  for (const [index, part] of text.split('@').entries()) {
    if (index > 0) {
      matches.push({
        start: body.length,
        end: body.length + 14,
        slot: { kind: 'value', source: 'var', variable: 'SAM_VAR_v', value: '', written: '[[ v ]]' }
      })
      body += '__sam_tpl_00__'
    }
    body += part
  }
  try {
    const template = runTemplate(body, text, text, matches, 'generated')
    return { script: renderRun(template, () => '', 'linux').script }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    const verdicts = scanShell(
      body,
      matches.map((match) => ({ start: match.start, end: match.end, variable: 'SAM_VAR_v' }))
    )
    let rendered = ''
    let last = 0
    matches.forEach((match, index) => {
      const context = verdicts[index]!.context
      const value = context === 'normal' ? '"${SAM_VAR_v}"' : context === 'single' ? `'"\${SAM_VAR_v}"'` : '${SAM_VAR_v}'
      rendered += body.slice(last, match.start) + value
      last = match.end
    })
    return { script: rendered + body.slice(last), refused: error.message }
  }
}

describe('the run scanner against bash and dash', () => {
  it('no script it accepts runs a value as code, under either shell', () => {
    const work = tempDir('shell-diff')
    const scripts = generate(SCRIPTS, 20261202).map(render)
    // One process per run, the shell itself: values as $'…' words, each run in its own directory. An accepted
    // script runs under every shell with every value; a refused one only until one run executes a value, which is
    // all the count of dangerous refusals needs (about two in five of all runs saved).
    const driver: string[] = ['cd "$1"']
    const quoted = PAYLOADS.map((payload) => `$'${payload.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`)
    scripts.forEach((rendered, s) => {
      writeFileSync(path.join(work, `s${s}.sh`), rendered.script)
      driver.push('ran=')
      for (const shell of SHELLS) {
        PAYLOADS.forEach((_payload, p) => {
          const run = `r${s}-${shell}-${p}`
          mkdirSync(path.join(work, run))
          const command = `cd ${run}; SAM_VAR_v=${quoted[p]} ${shell} ../s${s}.sh </dev/null >/dev/null 2>&1; cd "$1"`
          driver.push(rendered.refused ? `if [ -z "$ran" ]; then ${command}; [ -e ${run}/m ] && ran=1; fi` : command)
        })
      }
    })
    writeFileSync(path.join(work, 'driver.sh'), `${driver.join('\n')}\n`)
    // HOME in an empty directory: `bash -l` reads no profile of the machine's user (pyenv's took 1.2 s a run here).
    const home = tempDir('shell-diff-home')
    const ran = spawnSync('bash', [path.join(work, 'driver.sh'), work], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, HOME: home }
    })
    expect(ran.error).toBeUndefined()

    const executed = (s: number): string[] =>
      SHELLS.flatMap((shell) =>
        PAYLOADS.flatMap((_payload, p) => (existsSync(path.join(work, `r${s}-${shell}-${p}`, 'm')) ? [`${shell} with payload ${p}`] : []))
      )
    const accepted = scripts.flatMap((rendered, s) => (rendered.refused ? [] : [s]))
    const escaped = accepted.flatMap((s) => {
      const how = executed(s)
      return how.length > 0 ? [`script ${s} (${how.join(', ')}):\n${scripts[s]!.script}`] : []
    })
    const refusedDangerous = scripts.filter((rendered, s) => rendered.refused && executed(s).length > 0).length
    if (process.env.SHELL_DIFF_DEBUG)
      scripts.forEach(
        (rendered, s) =>
          rendered.refused && executed(s).length === 0 && console.info(`refused, ran nothing: ${generate(SCRIPTS, 20261202)[s]}`)
      )
    const refused = scripts.length - accepted.length
    console.info(
      `run scanner vs bash and dash: ${scripts.length} scripts × ${SHELLS.length} shells × ${PAYLOADS.length} values; ` +
        `${accepted.length} accepted, none may run a value (${escaped.length} did); ${refused} refused, of which ${refusedDangerous} ran a value when let through`
    )
    expect(escaped).toEqual([])
    // The scanner earns its keep: many scripts stand, and most of what it refuses was really dangerous.
    expect(accepted.length).toBeGreaterThan(scripts.length * 0.15)
    expect(refusedDangerous).toBeGreaterThan(refused * 0.4)
  }, 180_000)
})

// The scanner that decides where a template of apply's `run` may stand (src/apply/shell-scan.ts): each row
// is a script with `@` where the template stands, and what the scanner must say.
import { scanShell, type Verdict } from '../../src/apply/shell-scan.js'

/** Scans `script` with one template at each `@` (variable SAM_VAR_v). */
function scan(script: string): Verdict[] {
  const spans: { start: number; end: number; variable: string }[] = []
  let text = ''
  for (const [index, part] of script.split('@').entries()) {
    if (index > 0) {
      spans.push({ start: text.length, end: text.length + 14, variable: 'SAM_VAR_v' })
      text += '__sam_tpl_00__'
    }
    text += part
  }
  return scanShell(text, spans)
}
const problems = (script: string): (string | undefined)[] => scan(script).map((v) => ('problem' in v ? v.problem : undefined))

describe('templates the shell reads once, as a plain value', () => {
  it.each([
    ['echo @', 'normal'],
    ['echo "pre-@-post"', 'double'],
    ['printf "%s\\n" @ > out.txt', 'normal'],
    ['mkdir -p out && echo "v: @" > out/v.txt', 'double'],
    ['export VERSION=@', 'normal'],
    ['VERSION=@ npm run build', 'normal'],
    ['npm run build -- --env=@', 'normal'],
    ['for x in @; do echo "$x"; done', 'normal'],
    ['case @ in main) echo main ;; *) echo other ;; esac', 'normal'],
    ['if [ "@" = main ]; then echo yes; fi', 'double'],
    ['echo "$(printf %s "@")"', 'double'],
    ['sh -c \'echo "$1"\' _ @', 'normal'],
    ['bash build.sh @', 'normal'],
    ['node scripts/build.js --tag @', 'normal'],
    ['curl -fsSL https://example.com/i.sh | sh; echo @', 'normal'],
    ['docker build -t app:@ .', 'normal'],
    ['echo @ | tee out.txt', 'normal'],
    ['# a comment with @', 'comment'],
    ['f() { echo hi; }\necho @', 'normal'],
    ['arr[0]=@', 'normal'],
    ['cat > out.txt <<< "@"', 'double']
  ])('%s', (script, context) => {
    expect(scan(script)).toEqual([{ context }])
  })
})

describe('templates whose value would be parsed again are refused', () => {
  it.each([
    ["echo '@'", 'inside single quotes'],
    ['echo `echo @`', 'inside backticks'],
    ['echo $(( @ + 1 ))', 'inside arithmetic'],
    ['(( @ > 1 ))', 'inside arithmetic'],
    ['echo $[ @ ]', 'inside arithmetic'],
    ['echo ${x:-@}', 'inside ${ … }'],
    ['cat <<EOF\n@\nEOF', 'inside a here-document'],
    ["cat <<'EOF'\n@\nEOF", 'inside a here-document'],
    ['sh -c "echo @"', 'in the script of sh -c'],
    ['bash -lc "echo @"', 'in the script of bash -c'],
    ['bash -l -c "echo @"', 'in the script of bash -c'],
    ['bash -o pipefail -c "echo @"', 'in the script of bash -c'],
    ['zsh -c @', 'in the script of zsh -c'],
    ['eval "echo @"', 'after eval'],
    ['command eval "echo @"', 'after eval'],
    ['sudo -u bob sh -c "echo @"', 'in the script of sh -c'],
    ['timeout 10 bash -c "echo @"', 'in the script of bash -c'],
    ['env FOO=1 sh -c "echo @"', 'in the script of sh -c'],
    ['docker exec app sh -c "echo @"', 'in the script of sh -c'],
    ['find . -name x -exec sh -c "echo @" \\;', 'in the script of sh -c'],
    ['echo @ | sh', 'in a pipeline into sh'],
    ['echo "@" | bash -s', 'in a pipeline into bash'],
    ['echo @ | xargs sh -c', 'in a pipeline into xargs sh'],
    ['echo @ | xargs -I{} sh -c "echo {}"', 'in a pipeline into xargs sh'],
    ['bash <<< "@"', 'as the input of bash'],
    ['echo "@" | while read l; do eval "$l"; done', 'in a pipeline into a loop'],
    ['source <(echo "@")', 'in a process substitution that source runs'],
    ['let x=@', 'in let'],
    ['[[ @ -eq 1 ]]', 'inside [[ … ]]'],
    ['test -v @', 'as the name after test -v'],
    ['printf -v @ %s x', 'as the name after printf -v'],
    ['read @ <<< x', 'as an argument of read'],
    ['declare "@=1"', 'in a name given to declare'],
    ['declare -i n=@', 'with an integer'],
    ['declare -i n; n=@', 'an integer variable'],
    ['arr[@]=1', 'in an array subscript'],
    ['a=( @ )', 'inside an array assignment'],
    ['PS4=@; set -x; true', 'assigned to PS4'],
    ['trap "echo @" EXIT', 'in a trap'],
    ['ssh host "echo @"', 'in an ssh command'],
    ['node -e "console.log(\\"@\\")"', 'in the code node -e runs'],
    ['python3 -c "print(\\"@\\")"', 'in the code python3 -c runs'],
    ['perl -ne "print \\"@\\""', 'in the code perl -ne runs'],
    ['awk "BEGIN { print \\"@\\" }"', 'in the program of awk'],
    ['sed "s/x/@/" f', 'in the program of sed'],
    ['make VERSION=@', 'as an argument of make'],
    ['@ --version', "as the command's name"],
    ['$CMD @', 'a command whose name is an expansion'],
    ['f() { eval "$1"; }\nf @', 'a function or alias defined in this run'],
    ['X=@\neval "echo $X"', 'in $X, which this run evaluates'],
    ['X="@"\n(( X > 1 ))', 'in $X, which this run evaluates'],
    ['set -- @\neval "$1"', 'in $1, which this run evaluates'],
    ['for x in @; do sh -c "echo $x"; done', 'in $x, which this run evaluates'],
    ['echo @\neval "$SAM_VAR_v"', 'in $SAM_VAR_v, which this run evaluates'],
    ['read -r line <<< "@"\neval "$line"', 'in $line, which this run evaluates'],
    ['X=@\nsh <<EOF\necho $X\nEOF', 'in $X, which this run evaluates']
  ])('%s', (script, problem) => {
    const [found] = problems(script)
    expect(found).toContain(problem)
  })
})

describe('variable names', () => {
  it('distinct ids never share a variable; plain ones keep their documented names', async () => {
    const { variableName } = await import('../../src/apply/shell.js')
    expect(variableName('SAM_OUT_', 'assets', 'api', 'codeHash')).toBe('SAM_OUT_assets_api_codeHash')
    expect(variableName('SAM_VAR_', 'node_version')).toBe('SAM_VAR_node_version')
    const names = ['my-app', 'my.app', 'my_app', 'my__app', 'myapp'].map((id) => variableName('SAM_OUT_', 'assets', id, 'codeHash'))
    expect(new Set(names).size).toBe(names.length)
    expect(names[0]).toMatch(/^SAM_OUT_assets_my_app_codeHash__[0-9a-f]{8}$/)
    const vars = ['a-b', 'a.b', 'a_b', 'a__b'].map((name) => variableName('SAM_VAR_', name))
    expect(new Set(vars).size).toBe(vars.length)
    expect(vars[2]).toBe('SAM_VAR_a_b')
  })
})

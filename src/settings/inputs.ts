// Every input read into one validated Settings object (getInputs), and the checks that span inputs:
// unknown names, the mode, the apply/prune/reporting groups.
import * as core from '../runner.js'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { Inputs, MODES, type Mode, SeedEnv } from '../constants.js'
import { InputError } from '../errors.js'
import { isCommitHash } from '../git.js'
import { parsePatterns } from '../hashing/patterns.js'
import { registerSecret } from '../util/redact.js'
import { input, inputOr, oneOf, rawInput } from './read.js'
import { parseStore } from './store.js'
import { noteUnsignedRun, parsePolicy } from './trust.js'
import type { ApplySettings, DoctorModes, PruneSettings, ReportingSettings, Settings } from './types.js'
import { PACK_COMPRESSIONS } from '../sets/pack-encoding.js'
import { MAX_PACK_BELOW, parseBoolean, parseByteSize, SIZE_UNITS_HELP } from './values.js'

/** Levenshtein distance, for "did you mean". */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]!
}

/** Every `INPUT_*` variable that names no input of action.yml, with the input it most likely meant. */
export function unknownInputs(env: NodeJS.ProcessEnv = process.env): { variable: string; name: string; suggestion?: string }[] {
  const known = Object.values(Inputs) as string[]
  const onGitHub = env.GITHUB_ACTIONS === 'true'
  const unknown = []
  for (const variable of Object.keys(env)) {
    if (!variable.startsWith('INPUT_') || variable.length === 6) continue
    const name = variable.slice(6).toLowerCase()
    if (known.includes(name)) continue
    // The runner passes `with:` keys exactly as written, so on GitHub `plan_only` is not `plan-only`.
    const folded = name.replace(/_/g, '-')
    if (!onGitHub && known.includes(folded)) continue
    const nearest = known
      .map((candidate) => ({ candidate, distance: editDistance(folded, candidate) }))
      .sort((a, b) => a.distance - b.distance)[0]!
    // A shortened name ('package-dir') is as likely a slip as a misspelt one.
    const shortened = folded.length >= 4 ? known.find((candidate) => candidate.startsWith(folded)) : undefined
    const suggestion = nearest.distance <= Math.max(2, Math.floor(folded.length / 3)) ? nearest.candidate : shortened
    unknown.push({ variable, name, ...(suggestion ? { suggestion } : {}) })
  }
  return unknown
}

/**
 * A misspelt input is never ignored in silence: in a step that decides or writes anything it is an error
 * before anything is done (a misspelt `plan-only` on prune would delete for real; a misspelt
 * `package-directory` on check would decide the skip with the default folder), elsewhere (doctor, a plan)
 * a warning.
 */
function refuseUnknownInputs(mode: Mode, planOnly: boolean): void {
  const unknown = unknownInputs()
  if (unknown.length === 0) return
  const lines = unknown.map(
    ({ variable, name, suggestion }) =>
      `'${name}' (${variable}) is not an input of this action${suggestion ? `; did you mean '${suggestion}'?` : '.'}`
  )
  const writes = mode === 'check' || mode === 'upload' || mode === 'auto' || ((mode === 'apply' || mode === 'prune') && !planOnly)
  const inputsList = `The inputs are listed in action.yml and the README${process.env.GITHUB_ACTIONS === 'true' ? '' : ' (outside GitHub, INPUT_<NAME> with - or _)'}`
  if (writes) {
    throw new InputError(
      `${lines.join(' ')} Nothing was done: mode '${mode}' ${mode === 'check' ? 'decides whether the build runs' : 'writes or deletes'}, so a misspelt input could change what it does. ${inputsList}.`
    )
  }
  for (const line of lines) core.warning(`${line} It is ignored. ${inputsList}.`)
}

function parseMode(argv: readonly string[]): Mode {
  const fromInput = input(Inputs.Mode)
  const fromArgs = argv[2]?.trim() ?? ''
  const value = fromInput || fromArgs
  if (!value) {
    throw new InputError(
      `Input '${Inputs.Mode}' is required: one of ${MODES.join(', ')} ` +
        `(as a workflow input 'mode', or as the first argument: node dist/index.js check).`
    )
  }
  return oneOf(Inputs.Mode, value, MODES)
}

function parseCommit(raw: string): string | undefined {
  if (!raw) return undefined
  if (!isCommitHash(raw)) {
    throw new InputError(
      `Input '${Inputs.Commit}' is '${raw}': give the full commit hash (40 hex characters, or 64 for SHA-256 repositories).`
    )
  }
  return raw.toLowerCase()
}

function parsePackBelow(raw: string): number {
  const bytes = parseByteSize(raw)
  if (bytes === undefined || bytes > MAX_PACK_BELOW) {
    throw new InputError(
      `Input '${Inputs.PackBelow}' is '${raw}': give a size up to 64MiB such as '1MiB' or '256KiB' (files smaller than it go into packs), or 0 to store every file as its own object (${SIZE_UNITS_HELP}).`
    )
  }
  if (bytes > 0 && bytes < 1024) {
    core.warning(
      `Input '${Inputs.PackBelow}' is '${raw}', which is ${bytes} byte${bytes === 1 ? '' : 's'}: almost nothing will be packed. Did you mean '${raw}MiB'? (${SIZE_UNITS_HELP}).`
    )
  }
  return bytes
}

function parseEnvNames(raw: string): string[] {
  const names = raw.split(/[\s,]+/).filter(Boolean)
  for (const name of names) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new InputError(
        `Input '${Inputs.CodeHashEnv}' holds '${name}', which is not an environment variable name (letters, digits and '_').`
      )
    }
  }
  return [...new Set(names)]
}

function parseVariant(raw: string): string {
  if (!raw) return ''
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(raw)) {
    throw new InputError(
      `Input '${Inputs.Variant}' is '${raw}': use up to 64 letters, digits, '.', '_' or '-' (for example \${{ runner.os }}-\${{ runner.arch }}-node\${{ matrix.node }}).`
    )
  }
  return raw
}

function parseDoctorModes(raw: string): DoctorModes {
  const served = MODES.filter((mode) => mode !== 'doctor')
  return raw
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((mode) => oneOf(Inputs.DoctorModes, mode, served))
}

function parseConcurrency(raw: string): number {
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1 || value > 256) {
    throw new InputError(`Input '${Inputs.Concurrency}' is '${raw}': give a whole number from 1 to 256.`)
  }
  return value
}

function parseApply(cwd: string): ApplySettings {
  const timeoutText = input(Inputs.LockTimeout) || '0'
  const lockTimeout = Number(timeoutText)
  if (!Number.isFinite(lockTimeout) || lockTimeout < 0 || lockTimeout > 21600) {
    throw new InputError(`Input '${Inputs.LockTimeout}' is '${timeoutText}': give the seconds to wait for a held lock, 0 to 21600.`)
  }
  return {
    config: path.resolve(cwd, input(Inputs.Config) || '.github/assets.yml'),
    planOnly: parseBoolean(Inputs.PlanOnly, input(Inputs.PlanOnly), false),
    lockTimeout,
    forceUnlock: input(Inputs.ForceUnlock) || undefined,
    allowDeleteAll: parseBoolean(Inputs.AllowDeleteAll, input(Inputs.AllowDeleteAll), false),
    resignState: parseBoolean(Inputs.ResignState, input(Inputs.ResignState), false)
  }
}

function wholeNumber(name: string, fallback: string, max: number, what: string): number {
  const raw = input(name) || fallback
  const value = Number(raw)
  if (!/^\d+$/.test(raw) || value > max) throw new InputError(`Input '${name}' is '${raw}': give ${what}, a whole number from 0 to ${max}.`)
  return value
}

function parsePrune(cwd: string): PruneSettings {
  const config = input(Inputs.Config)
  return {
    keepDays: wholeNumber(Inputs.KeepDays, '30', 36500, 'the days a set may go unused before prune deletes it'),
    keepLast: wholeNumber(Inputs.KeepLast, '10', 100000, 'how many of the newest commit sets prune always keeps'),
    planOnly: parseBoolean(Inputs.PlanOnly, input(Inputs.PlanOnly), false),
    config: config ? path.resolve(cwd, config) : undefined
  }
}

function parseReporting(prefix: string): ReportingSettings {
  const prComment = parseBoolean(Inputs.PrComment, input(Inputs.PrComment), false)
  const commitStatus = parseBoolean(Inputs.CommitStatus, input(Inputs.CommitStatus), false)
  const token = input(Inputs.GitHubToken) || process.env.GITHUB_TOKEN || ''
  registerSecret(token)
  if ((prComment || commitStatus) && !token) {
    throw new InputError(
      `Input '${Inputs.GitHubToken}' is empty, but '${prComment ? Inputs.PrComment : Inputs.CommitStatus}' is on: pass \${{ github.token }} (the default in action.yml) or a token with pull-requests/statuses write access.`
    )
  }
  const instance = input(Inputs.InstanceName) || prefix.replace(/\/$/, '') || 'default'
  if (!/^[\w./-]{1,64}$/.test(instance)) {
    throw new InputError(`Input '${Inputs.InstanceName}' is '${instance}': use up to 64 letters, digits, '.', '_', '-' or '/'.`)
  }
  return { prComment, commitStatus, token, instance }
}

/** Whether `dir` or a folder above it holds a `.git` (directory, or file for worktrees and submodules). */
function insideGitRepository(dir: string): boolean {
  for (let current = dir; ; current = path.dirname(current)) {
    if (existsSync(path.join(current, '.git'))) return true
    if (path.dirname(current) === current) return false
  }
}

/**
 * `repo-path`, else $GIT_REPO_PATH, else `.`; outside GitHub, when `.` is not in a git repository but
 * `./repo` is one, `./repo`: the original tool's Docker image found the repository there.
 */
function parseRepoPath(cwd: string): string {
  const given = inputOr(Inputs.RepoPath, [SeedEnv.RepoPath], '')
  if (given) return path.resolve(cwd, given)
  const seedDefault = path.join(cwd, 'repo')
  if (!process.env.GITHUB_ACTIONS && !insideGitRepository(cwd) && existsSync(path.join(seedDefault, '.git'))) {
    core.info(
      `No repo-path or ${SeedEnv.RepoPath}, and ${cwd} is not a git repository: using ${seedDefault}, as the original tool's image did.`
    )
    return seedDefault
  }
  return cwd
}

/**
 * `--run <command>` after the mode: outside GitHub there is no post step, so `auto` runs the build itself,
 * between its check and its upload, as the job's steps would on a runner.
 */
function parseAutoRun(argv: readonly string[], mode: Mode): string | undefined {
  const at = argv.indexOf('--run', 3)
  const extra = argv.slice(3).filter((_, index) => index + 3 !== at && index + 3 !== at + 1)
  if (extra.length > 0)
    throw new InputError(
      `Unexpected argument(s) ${extra.map((arg) => `'${arg}'`).join(', ')}: inputs are INPUT_<NAME> variables; see --help.`
    )
  if (at === -1) return undefined
  const command = argv[at + 1]?.trim()
  if (mode !== 'auto' || process.env.GITHUB_ACTIONS === 'true')
    throw new InputError(`'--run' belongs to 'auto' outside GitHub Actions (node dist/index.js auto --run 'npm run build').`)
  if (!command) throw new InputError(`'--run' needs the build command: node dist/index.js auto --run 'npm ci && npm run build'.`)
  return command
}

/** Reads every input (with the seed's environment names as fallbacks) into one validated settings object. */
export function getInputs(argv: readonly string[] = process.argv, cwd = process.cwd()): Settings {
  const mode = parseMode(argv)
  refuseUnknownInputs(mode, parseBoolean(Inputs.PlanOnly, input(Inputs.PlanOnly), false))
  const policy = parsePolicy()
  const patternsText = inputOr(Inputs.CodeHashPaths, [SeedEnv.CodeHashFilter], '')
  const store = parseStore(cwd)
  const codeHashPatterns = parsePatterns(patternsText)
  const codeHashEnv = parseEnvNames(input(Inputs.CodeHashEnv))
  const codeHashKey = rawInput(Inputs.CodeHashKey, false)
  if ((codeHashEnv.length > 0 || codeHashKey.trim()) && codeHashPatterns.length === 0 && mode !== 'apply') {
    throw new InputError(
      `Inputs '${Inputs.CodeHashEnv}' and '${Inputs.CodeHashKey}' add to the code-hash key, but '${Inputs.CodeHashPaths}' is empty, so there is no code-hash tier: set the patterns too.`
    )
  }
  const apply = parseApply(cwd)
  noteUnsignedRun(mode, policy, codeHashPatterns.length > 0, apply.planOnly)
  const autoRun = parseAutoRun(argv, mode)
  return {
    mode,
    ...(autoRun ? { autoRun } : {}),
    store,
    repoPath: parseRepoPath(cwd),
    commit: parseCommit(input(Inputs.Commit)),
    codeHashPatterns,
    codeHashEnv,
    codeHashKey: codeHashKey.trim() ? codeHashKey : '',
    variant: parseVariant(input(Inputs.Variant)),
    crossPlatform: parseBoolean(Inputs.CrossPlatform, input(Inputs.CrossPlatform), false),
    packageDirectory: path.resolve(cwd, inputOr(Inputs.PackageDirectory, [SeedEnv.PackageDirectory], './packages')),
    download: parseBoolean(Inputs.Download, input(Inputs.Download), false),
    concurrency: parseConcurrency(input(Inputs.Concurrency) || '16'),
    packBelow: parsePackBelow(input(Inputs.PackBelow) || '0'),
    packCompression: oneOf(Inputs.PackCompression, input(Inputs.PackCompression) || 'auto', PACK_COMPRESSIONS),
    legacySets: parseBoolean(Inputs.LegacySets, input(Inputs.LegacySets), false),
    reporting: parseReporting(store.prefix),
    apply,
    prune: parsePrune(cwd),
    doctorModes: parseDoctorModes(input(Inputs.DoctorModes) || 'check upload'),
    policy
  }
}

import * as core from './runner.js'
import { State, VERSION } from './constants.js'
import { forgetEventPayload } from './git.js'
import { forgetSecrets } from './util/redact.js'
import { handleSignals } from './util/cancellation.js'
import { stdio, writeStdout } from './util/stdio.js'

// How the bundle is entered: one step, from the runner or from a command line (Concourse tasks, a shell). On a
// command line it answers --help and --version, and prints plain `error:` / `warning:` lines instead of the
// runner's workflow commands.

export const USAGE = `S3 Asset Manager ${VERSION}: skip CI work whose results already exist.

Usage: node dist/index.js <mode>      (or: node dist/index.js --help | --version)

Modes:
  check    Are this commit's assets stored (by commit, or by code hash)? Prints found=true|false.
  upload   Store what was built (package-directory) under the commit and the code hash.
  apply    Plan and carry out a declarative config (the config input), DevStream-style.
  prune    Delete sets unused for keep-days.
  doctor   Check a store: credentials, permissions, what it supports.
  auto --run '<build command>'
           Check; on a miss run the build, then upload what it wrote (GitHub's auto runs
           the upload in its post step instead).
  A pattern in CODE_HASH_FIND_FILTER / INPUT_CODE_HASH_PATHS that may match nothing starts with '?'.

Inputs are environment variables INPUT_<NAME>, with - or _ (INPUT_BUCKET, INPUT_CODE_HASH_PATHS),
or the original tool's names: PACKAGE_ASSETS_BUCKET, GIT_REPO_PATH, PACKAGE_DIRECTORY,
CODE_HASH_FIND_FILTER, AWS_ROLE. With no bucket, the store is the local directory ./.asset-store.
Outputs are printed as name=value lines.

Exit codes: 0 done; 1 failed; 2 a bad input or config (nothing was done); 100 PACKAGE_ASSETS_BUCKET is
missing while the original tool's variables are set (as the original tool exited); 130 and 143
cancelled by SIGINT and SIGTERM (what was left is said in one line).

Documentation: README.md (inputs, outputs, stores, threat model).
`

/** Answers --help and --version; true when it did (the caller then exits). */
export function answerFlags(argv: readonly string[], write: (text: string) => void = writeStdout): boolean {
  const flag = argv[2]
  if (flag === '--help' || flag === '-h' || flag === 'help') {
    write(USAGE)
    return true
  }
  if (flag === '--version' || flag === '-v') {
    write(`${VERSION}\n`)
    return true
  }
  return false
}

/** A workflow command line as a person reads it, or undefined to drop it (masks, groups' ends, debug). */
export function plainLine(line: string, debug = false): { text: string; stream: 'stdout' | 'stderr' } | undefined {
  const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line)
  if (!command) return { text: line, stream: 'stdout' }
  const message = command[2]!.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
  switch (command[1]) {
    case 'error':
    case 'warning':
      return { text: `${command[1]}: ${message}`, stream: 'stderr' }
    case 'notice':
      return { text: `notice: ${message}`, stream: 'stdout' }
    case 'group':
      return { text: message, stream: 'stdout' }
    case 'debug':
      return debug ? { text: `debug: ${message}`, stream: 'stderr' } : undefined
    default:
      // add-mask (printing it would show the secret it hides), endgroup, and anything else meant for a runner.
      return undefined
  }
}

/** Text bound for stdout with the workflow commands in it as a person reads them (errors and warnings on stderr). */
export function plainText(text: string, debug = false): { stdout: string; stderr: string } {
  if (!text.includes('::')) return { stdout: text, stderr: '' }
  const out: string[] = []
  const err: string[] = []
  const lines = text.split('\n')
  const last = lines.pop() ?? ''
  for (const line of lines) {
    const plain = plainLine(line, debug)
    if (plain) (plain.stream === 'stdout' ? out : err).push(`${plain.text}\n`)
  }
  return { stdout: out.join('') + last, stderr: err.join('') }
}

/** Outside a runner, rewrites the workflow commands we and @actions/core print into plain lines. */
export function usePlainConsole(): void {
  const debug = process.env.RUNNER_DEBUG === '1'
  stdio.filterStdout((text) => plainText(text, debug))
}

/**
 * One step of the action in this process, from its command line (`argv`, as process.argv) and environment:
 * false when it only answered --help or --version. index.ts runs one per process; the tests run many in theirs,
 * so a step starts with nothing remembered from an earlier one (the event payload, registered secrets).
 */
export async function runStep(argv: readonly string[]): Promise<boolean> {
  forgetEventPayload()
  forgetSecrets()
  if (process.env.GITHUB_ACTIONS !== 'true') {
    if (answerFlags(argv)) return false
    usePlainConsole()
  }
  // The runner runs the bundle twice when action.yml has a post step: the main step saves isPost, so the
  // second run (the post step) knows it is one. Only the post step of `mode: auto` does any work.
  if (core.getState(State.IsPost) === 'true') {
    const { runPost } = await import('./post.js')
    await runPost()
  } else {
    if (process.env.GITHUB_STATE) core.saveState(State.IsPost, 'true')
    const { run } = await import('./main.js')
    await run()
  }
  return true
}

/** The process's one step (index.ts): a cancelled job stops, releases what it holds and says what was left (main.ts). */
export async function runProcess(): Promise<void> {
  // A second signal exits at once.
  handleSignals((signal) =>
    core.error(`Cancelled again by ${signal} while cleaning up: exiting now; a claim or lock may stay until it ages out.`)
  )
  await runStep(process.argv)
}

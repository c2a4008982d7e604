import { lstatSync, type Stats } from 'node:fs'
import path from 'node:path'
import { FilesError } from './errors.js'
import { readRunnerFile } from './util/capped-read.js'
import { lstatNow } from './util/fs-calls.js'
import { execFileText } from './util/node-builtins.js'

/** A commit the workflow run's event names, and what names it (for messages). */
export interface NamedCommit {
  readonly sha: string
  readonly source: string
}

/** The commits a GitHub Actions run's event names: what a run may key (and sign) assets under without a 'commit' input. */
export interface EventCommits {
  readonly event: string
  readonly commits: readonly NamedCommit[]
  /** Whether the event payload was read for them (not in an upload step: see eventCommits). */
  readonly payloadRead: boolean
}

export interface CommitSources {
  /** The `commit` input, already validated. */
  readonly override?: string
  readonly repoPath: string
  /** A commit recorded by an earlier check step (upload may run without the repository). */
  readonly recorded?: string
  /** On a runner: the commits the event names; undefined elsewhere. */
  readonly event?: EventCommits
  /** GITHUB_SHA outside a runner (another CI that sets it): the last fallback. */
  readonly githubSha?: string
}

/** The event payload is small; anything larger is not the runner's and is not read. */
const EVENT_PAYLOAD_LIMIT = 16 * 1024 * 1024

/** A full commit hash: 40 hex characters, or 64 in a SHA-256 repository (either case). */
export function isCommitHash(text: unknown): text is string {
  return typeof text === 'string' && /^([0-9a-f]{40}|[0-9a-f]{64})$/i.test(text)
}

function shaAt(payload: unknown, ...path: string[]): string | undefined {
  let value: unknown = payload
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
  return isCommitHash(value) ? value.toLowerCase() : undefined
}

let payloadRead: Promise<unknown> | undefined

/**
 * The runner's event payload (GITHUB_EVENT_PATH) parsed, read bounded and never through a symlink; undefined
 * when unreadable. Read once per step, on first use — before apply runs any build — and kept: what a build
 * writes into the file later is never seen.
 */
export function readEventPayload(): Promise<unknown> {
  payloadRead ??= (async () => {
    const file = process.env.GITHUB_EVENT_PATH
    const bytes = file ? await readRunnerFile(file, EVENT_PAYLOAD_LIMIT) : undefined
    try {
      return bytes ? (JSON.parse(bytes.toString('utf8')) as unknown) : undefined
    } catch {
      return undefined
    }
  })()
  return payloadRead
}

/** Starts a new step in this process: its payload is read afresh (the tests run many steps in one process). */
export function forgetEventPayload(): void {
  payloadRead = undefined
}

/** The pull request's head commit as the payload names it. */
export function eventHeadCommit(payload: unknown): string | undefined {
  return shaAt(payload, 'pull_request', 'head', 'sha')
}

/**
 * The commits a runner's event names. GITHUB_SHA always: no step can change it (GITHUB_ENV cannot overwrite
 * GITHUB_* variables). From the event payload the pull request's head and merge commits, a workflow_run's
 * and a merge group's head — but only when `payload` is given, which a step may do only when it reads the
 * payload before any build ran (check, apply, auto's main step): the payload is a file any step of the job
 * can rewrite, so an upload step, which runs after the build, takes none of it. Undefined outside GitHub
 * Actions (no GITHUB_SHA).
 */
export function eventCommits(env: NodeJS.ProcessEnv, payload: unknown): EventCommits | undefined {
  const githubSha = env.GITHUB_SHA?.trim().toLowerCase()
  if (env.GITHUB_ACTIONS !== 'true' || !githubSha) return undefined
  const named: NamedCommit[] = [{ sha: githubSha, source: 'GITHUB_SHA' }]
  const add = (sha: string | undefined, source: string): void => {
    if (sha && !named.some((commit) => commit.sha === sha)) named.push({ sha, source })
  }
  add(shaAt(payload, 'pull_request', 'head', 'sha'), "the pull request's head")
  add(shaAt(payload, 'pull_request', 'merge_commit_sha'), "the pull request's merge commit")
  add(shaAt(payload, 'workflow_run', 'head_sha'), "the workflow run's head")
  add(shaAt(payload, 'merge_group', 'head_sha'), "the merge group's head")
  return { event: env.GITHUB_EVENT_NAME ?? 'unknown', commits: named, payloadRead: payload !== undefined }
}

/** Variables with which git would find another repository, or other refs, than repoPath's own .git: git is asked then. */
const GIT_REPOSITORY_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_COMMON_DIR',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_NAMESPACE',
  'GIT_CEILING_DIRECTORIES',
  'GIT_DISCOVERY_ACROSS_FILESYSTEM'
]
const REF_FILE_LIMIT = 4096
/** A larger packed-refs (a repository with very many tags) is left to git: reading it would cost more than git does. */
const PACKED_REFS_LIMIT = 1024 * 1024

/**
 * repoPath/.git when the layout is the plain one git needs no discovery for: repoPath is the top of a work tree whose
 * .git is a directory of its own (not a linked worktree's: no commondir), and no GIT_* variable points git at
 * another repository, index or object store. Undefined otherwise: ask git.
 */
export function plainGitDirectory(repoPath: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (GIT_REPOSITORY_VARIABLES.some((name) => env[name] !== undefined)) return undefined
  const gitDir = path.join(repoPath, '.git')
  if (!lstatNow(gitDir)?.isDirectory()) return undefined
  if (lstatNow(path.join(gitDir, 'commondir'))) return undefined
  return gitDir
}

/** What lstat says of a loose ref: null when there is none (packed-refs may have it), undefined when it cannot tell. */
function looseRef(file: string): Stats | null | undefined {
  try {
    return lstatSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === 'ENOENT' || code === 'ENOTDIR' ? null : undefined
  }
}

/** A branch name as git writes one into HEAD; anything else (and any path trick) is left to git. */
function plainBranchRef(ref: string): boolean {
  return (
    /^refs\/heads\/[\x21-\x7e]+$/.test(ref) &&
    !/[\\~^:?*[]|@\{/.test(ref) &&
    ref.split('/').every((part) => part !== '' && !part.startsWith('.') && !part.endsWith('.lock'))
  )
}

/**
 * HEAD's commit read from repoPath/.git itself, as git would resolve it, without starting git (a process is about
 * 10 ms of a step's start, and a check or upload needs nothing else from git). Only the plain layout: repoPath the
 * top of a work tree whose .git is a directory, HEAD a commit or a branch whose ref is a loose file or a line of
 * packed-refs, read without following symlinks, and no GIT_* variable pointing git elsewhere. Anything else (a
 * linked worktree or submodule, an unborn branch, reftable, a huge packed-refs) is undefined, and git is asked.
 * Like `git rev-parse --verify HEAD`, it does not check that the commit's object exists. A build can rewrite
 * .git either way: on a runner, resolveCommit accepts only a commit the event names.
 */
export async function headFromGitDirectory(repoPath: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const gitDir = plainGitDirectory(repoPath, env)
  if (!gitDir) return undefined
  const text = async (file: string, limit: number): Promise<string | undefined> =>
    (await readRunnerFile(path.join(gitDir, file), limit).catch(() => undefined))?.toString('utf8')
  const head = (await text('HEAD', REF_FILE_LIMIT))?.trim()
  if (!head) return undefined
  if (!head.startsWith('ref: ')) return isCommitHash(head) ? head.toLowerCase() : undefined
  const ref = head.slice(5).trim()
  if (!plainBranchRef(ref)) return undefined
  // A loose ref wins over packed-refs; one that is there but not a plain file (a symlink, a directory) is git's to read.
  const loose = looseRef(path.join(gitDir, ref))
  if (loose === undefined || (loose && !loose.isFile())) return undefined
  if (loose) {
    const sha = (await text(ref, REF_FILE_LIMIT))?.trim()
    return sha && isCommitHash(sha) ? sha.toLowerCase() : undefined
  }
  const packed = await text('packed-refs', PACKED_REFS_LIMIT)
  for (const line of packed?.split('\n') ?? []) {
    const [sha, name] = line.trim().split(' ')
    if (name === ref && sha && isCommitHash(sha)) return sha.toLowerCase()
  }
  return undefined
}

/** HEAD's commit in repoPath (read from .git, else `git rev-parse HEAD`); undefined with git's complaint when it is not a repository. */
export async function headCommit(repoPath: string): Promise<{ commit?: string; problem?: string }> {
  const read = await headFromGitDirectory(repoPath)
  if (read) return { commit: read }
  try {
    const { stdout } = await execFileText('git', ['rev-parse', '--verify', 'HEAD'], { cwd: repoPath })
    return { commit: stdout.trim().toLowerCase() }
  } catch (error) {
    const err = error as NodeJS.ErrnoException & { stderr?: string }
    if (err.code === 'ENOENT') {
      return { problem: `'${repoPath}' does not exist or git is not installed` }
    }
    return { problem: (err.stderr ?? err.message).trim().split('\n')[0] ?? 'git failed' }
  }
}

/**
 * The commit the assets are keyed by: the `commit` input, else git HEAD, else what check recorded, else
 * GITHUB_SHA. On a runner, without the input, it must be a commit the event names: HEAD and check's
 * record are in the hands of any earlier step of the job (a build can rewrite .git/HEAD), so anything
 * else is an error naming both rather than a set stored, and signed, under a commit the build chose.
 */
export async function resolveCommit(sources: CommitSources): Promise<string> {
  if (sources.override) return sources.override
  const head = await headCommit(sources.repoPath)
  const candidate = head.commit
    ? { sha: head.commit, source: `git HEAD in '${sources.repoPath}'` }
    : sources.recorded
      ? { sha: sources.recorded.toLowerCase(), source: "check's record in the package directory" }
      : (sources.event?.commits[0] ?? (sources.githubSha ? { sha: sources.githubSha.toLowerCase(), source: 'GITHUB_SHA' } : undefined))
  if (!candidate) {
    throw new FilesError(
      `Could not work out the commit hash: git rev-parse HEAD in '${sources.repoPath}' failed (${head.problem}) ` +
        `and GITHUB_SHA is not set. Point 'repo-path' (GIT_REPO_PATH) at a git checkout, or set the 'commit' input.`
    )
  }
  const event = sources.event
  if (event && !event.commits.some((commit) => commit.sha === candidate.sha)) {
    const named = event.commits.map((commit) => `${commit.sha} (${commit.source})`).join(', ')
    const why = event.payloadRead
      ? 'A step before this one moved HEAD, or the job checked out another ref.'
      : 'An upload runs after the build, so it takes no commit from the event payload file (a build can rewrite it): only GITHUB_SHA.'
    throw new FilesError(
      `The commit to key the assets by would be ${candidate.sha} (${candidate.source}), but this '${event.event}' run names ${named}. ` +
        `${why} Set the 'commit' input to the commit you built ` +
        `(for example commit: \${{ github.event.pull_request.head.sha || github.sha }}, which the runner fills from the event it received), ` +
        `or use mode: auto, whose post step uploads under the commit its main step checked; so no build can choose the commit its output is stored and signed under.`
    )
  }
  return candidate.sha
}

/**
 * The commit sources every mode uses: the input, the repository, and on a runner the event's commits. An
 * upload step reads nothing from the event payload (see eventCommits).
 */
export async function commitSources(
  settings: { commit?: string; repoPath: string; mode: string },
  recorded?: string
): Promise<CommitSources> {
  const payload = settings.mode === 'upload' || settings.commit ? undefined : await readEventPayload()
  return {
    override: settings.commit,
    repoPath: settings.repoPath,
    recorded,
    event: eventCommits(process.env, payload),
    githubSha: process.env.GITHUB_SHA
  }
}

import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { FilesError } from './errors.js'

const run = promisify(execFile)

export interface CommitSources {
  /** The `commit` input, already validated. */
  readonly override?: string
  readonly repoPath: string
  /** A commit recorded by an earlier check step (upload may run without the repository). */
  readonly recorded?: string
  readonly githubSha?: string
}

/** `git rev-parse HEAD` in repoPath; undefined with git's complaint when it is not a repository. */
export async function headCommit(repoPath: string): Promise<{ commit?: string; problem?: string }> {
  try {
    const { stdout } = await run('git', ['rev-parse', '--verify', 'HEAD'], { cwd: repoPath })
    return { commit: stdout.trim().toLowerCase() }
  } catch (error) {
    const err = error as NodeJS.ErrnoException & { stderr?: string }
    if (err.code === 'ENOENT') {
      return { problem: `'${repoPath}' does not exist or git is not installed` }
    }
    return { problem: (err.stderr ?? err.message).trim().split('\n')[0] ?? 'git failed' }
  }
}

/** The commit the assets are keyed by: the override, else git HEAD, else what check recorded, else GITHUB_SHA. */
export async function resolveCommit(sources: CommitSources): Promise<string> {
  if (sources.override) return sources.override
  const head = await headCommit(sources.repoPath)
  if (head.commit) return head.commit
  if (sources.recorded) return sources.recorded
  if (sources.githubSha) return sources.githubSha.toLowerCase()
  throw new FilesError(
    `Could not work out the commit hash: git rev-parse HEAD in '${sources.repoPath}' failed (${head.problem}) ` +
      `and GITHUB_SHA is not set. Point 'repo-path' (GIT_REPO_PATH) at a git checkout, or set the 'commit' input.`
  )
}

import * as core from '../runner.js'
import type { ReportingSettings } from '../settings/types.js'
import { redact } from '../util/redact.js'
import { eventHeadCommit, readEventPayload } from '../git.js'

/** What one run reports to GitHub: a commit status and a pull-request comment. */
export interface GitHubReport {
  readonly state: 'success' | 'pending' | 'failure'
  /** Commit status description (GitHub cuts it at 140 characters). */
  readonly description: string
  /** Markdown of the comment, without the marker. */
  readonly markdown: string
  /** The commit the assets are keyed by: one the run resolved from what no build could rewrite. */
  readonly commit: string
}

/** Where this run reports: the pull request and the commit its status goes on. */
export interface ReportTarget {
  /** The pull request's number, when the event is one. */
  readonly pullRequest?: number
  /** The commit the status goes on (the pull request's head, where the run may take it from the event). */
  readonly statusCommit: string
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target'])

export function commentMarker(instance: string): string {
  return `<!-- s3-asset-manager:${instance} -->`
}

export function statusContext(instance: string): string {
  return `s3-asset-manager/${instance}`
}

function explainFailure(what: string, error: unknown): string {
  const status = (error as { status?: number }).status
  const message = (error as Error).message ?? String(error)
  if (status === 403 || status === 404) {
    return (
      `Could not ${what} (HTTP ${status}: ${message}). The token lacks permission: workflows need ` +
      `'permissions: pull-requests: write' (comments) or 'statuses: write' (statuses), and pull requests from forks get a read-only token. Continuing.`
    )
  }
  return `Could not ${what}: ${message}. Continuing.`
}

function numberAt(payload: unknown, ...path: string[]): number | undefined {
  let value: unknown = payload
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined
}

/**
 * Where to report. The pull request's number comes from the event payload; its head commit only when
 * `payloadBeforeBuild` (a step that read the payload before any build ran: check, apply, auto's main step),
 * since the payload is a file a build can rewrite and a status is a claim about a commit. An upload step's
 * status goes on the commit it stored the assets under.
 */
export async function reportTarget(commit: string, payloadBeforeBuild: boolean): Promise<ReportTarget> {
  const event = process.env.GITHUB_EVENT_NAME ?? ''
  if (!PR_EVENTS.has(event)) return { statusCommit: commit }
  const payload = await readEventPayload()
  const pullRequest = numberAt(payload, 'pull_request', 'number')
  const head = payloadBeforeBuild ? eventHeadCommit(payload) : undefined
  return { ...(pullRequest ? { pullRequest } : {}), statusCommit: head ?? commit }
}

/** The login of the token's own user (a bot's with GITHUB_TOKEN), asked of GraphQL's viewer; undefined when it cannot be told. */
async function tokenLogin(octokit: { graphql: <T>(query: string) => Promise<T> }): Promise<string | undefined> {
  try {
    const answer = await octokit.graphql<{ viewer?: { login?: unknown } }>('query { viewer { login } }')
    return typeof answer.viewer?.login === 'string' ? answer.viewer.login : undefined
  } catch {
    return undefined
  }
}

/** Whether a comment was written by `login` (REST names bots `<name>[bot]`, GraphQL's viewer may not). */
function writtenBy(comment: { user?: { login?: string; type?: string } | null }, login: string | undefined): boolean {
  const author = comment.user?.login
  if (!login || !author) return false
  return author === login || (comment.user?.type === 'Bot' && author === `${login}[bot]`)
}

/**
 * Posts the commit status and creates or updates this instance's pull-request comment, as asked. Only a
 * comment the token's own user wrote is ever edited: anyone can post a comment holding our marker. Reporting
 * never fails the step: a missing permission (forks) or an API failure is a warning. Goes through
 * @actions/github, so GITHUB_API_URL (GitHub Enterprise Server) is honoured.
 */
export async function reportToGitHub(settings: ReportingSettings, draw: () => GitHubReport, target: ReportTarget): Promise<void> {
  if (!settings.prComment && !settings.commitStatus) return
  // Drawn only when there is somewhere to send it. The runner masks secrets in the log only: what goes to
  // GitHub's API is cleaned here.
  const unredacted = draw()
  const report = { ...unredacted, description: redact(unredacted.description), markdown: redact(unredacted.markdown) }
  const { context, getOctokit } = await import('@actions/github')
  if (!process.env.GITHUB_REPOSITORY) {
    core.warning('GITHUB_REPOSITORY is not set, so there is no repository to report to; skipping the comment and status.')
    return
  }
  const octokit = getOctokit(settings.token)
  const { owner, repo } = context.repo
  const runUrl = context.runId ? `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}` : undefined

  if (settings.commitStatus) {
    const sha = target.statusCommit
    try {
      await octokit.rest.repos.createCommitStatus({
        owner,
        repo,
        sha,
        state: report.state,
        context: statusContext(settings.instance),
        description: report.description.slice(0, 140),
        target_url: runUrl
      })
      core.info(`Commit status '${statusContext(settings.instance)}' set on ${sha}: ${report.description}`)
    } catch (error) {
      core.warning(explainFailure(`set the commit status on ${sha}`, error))
    }
  }

  if (settings.prComment) {
    const number = target.pullRequest
    if (number === undefined) {
      core.info(`'pr-comment' is on, but this is a '${context.eventName}' event, not a pull request: no comment.`)
      return
    }
    const marker = commentMarker(settings.instance)
    const footer = runUrl ? `\n\n<sub>Updated by [run ${context.runId}](${runUrl}) at ${new Date().toISOString()}</sub>` : ''
    const body = `${marker}\n${report.markdown}${footer}`
    try {
      const [comments, login] = await Promise.all([
        octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: number, per_page: 100 }),
        tokenLogin(octokit)
      ])
      const existing = comments.find((comment) => comment.body?.includes(marker) && writtenBy(comment, login))
      if (login === undefined)
        core.info("Could not tell the token's own user (GraphQL viewer): a new comment is posted rather than editing one.")
      if (existing) {
        await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body })
        core.info(`Updated the comment on pull request #${number}.`)
      } else {
        await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body })
        core.info(`Commented on pull request #${number}.`)
      }
    } catch (error) {
      core.warning(explainFailure(`comment on pull request #${number}`, error))
    }
  }
}

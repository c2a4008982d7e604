import * as core from '../runner.js'
import type { ReportingSettings } from '../inputs.js'
import { redact } from './redact.js'

/** What one run reports to GitHub: a commit status and a pull-request comment. */
export interface GitHubReport {
  readonly state: 'success' | 'pending' | 'failure'
  /** Commit status description (GitHub cuts it at 140 characters). */
  readonly description: string
  /** Markdown of the comment, without the marker. */
  readonly markdown: string
  /** The commit the assets are keyed by; the status goes on the PR head instead on pull_request events. */
  readonly commit: string
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

/**
 * Posts the commit status and creates or updates this instance's pull-request comment, as asked. Reporting
 * never fails the step: a missing permission (forks) or an API failure is a warning.
 * Goes through @actions/github, so GITHUB_API_URL (GitHub Enterprise Server) is honoured.
 */
export async function reportToGitHub(settings: ReportingSettings, unredacted: GitHubReport): Promise<void> {
  if (!settings.prComment && !settings.commitStatus) return
  // The runner masks secrets in the log only: what goes to GitHub's API is cleaned here.
  const report = { ...unredacted, description: redact(unredacted.description), markdown: redact(unredacted.markdown) }
  const { context, getOctokit } = await import('@actions/github')
  if (!process.env.GITHUB_REPOSITORY) {
    core.warning('GITHUB_REPOSITORY is not set, so there is no repository to report to; skipping the comment and status.')
    return
  }
  const octokit = getOctokit(settings.token)
  const { owner, repo } = context.repo
  const pullRequest = PR_EVENTS.has(context.eventName)
    ? (context.payload.pull_request as { number: number; head: { sha: string } } | undefined)
    : undefined
  const runUrl = context.runId ? `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}` : undefined

  if (settings.commitStatus) {
    const sha = pullRequest?.head.sha ?? report.commit
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
    if (!pullRequest) {
      core.info(`'pr-comment' is on, but this is a '${context.eventName}' event, not a pull request: no comment.`)
      return
    }
    const marker = commentMarker(settings.instance)
    const footer = runUrl ? `\n\n<sub>Updated by [run ${context.runId}](${runUrl}) at ${new Date().toISOString()}</sub>` : ''
    const body = `${marker}\n${report.markdown}${footer}`
    try {
      const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: pullRequest.number,
        per_page: 100
      })
      const existing = comments.find((comment) => comment.body?.includes(marker))
      if (existing) {
        await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body })
        core.info(`Updated the comment on pull request #${pullRequest.number}.`)
      } else {
        await octokit.rest.issues.createComment({ owner, repo, issue_number: pullRequest.number, body })
        core.info(`Commented on pull request #${pullRequest.number}.`)
      }
    } catch (error) {
      core.warning(explainFailure(`comment on pull request #${pullRequest.number}`, error))
    }
  }
}

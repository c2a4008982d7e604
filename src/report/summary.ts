import * as core from '../runner.js'
import { errorMessage } from '../errors.js'
import type { AssetsResult } from '../modes/result.js'
import { assetsMarkdown } from './assets-report.js'
import { firstLine } from './markdown.js'
import { text } from '../util/text.js'
import { redact } from '../util/redact.js'

/** Writes markdown to the job summary when the runner provides one (GITHUB_STEP_SUMMARY); a no-op elsewhere. */
export async function writeSummaryMarkdown(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  try {
    core.appendSummary(redact(markdown))
  } catch (error) {
    throw new Error(
      `Could not write the job summary to GITHUB_STEP_SUMMARY (${process.env.GITHUB_STEP_SUMMARY}): ${firstLine(errorMessage(error))}`,
      { cause: error }
    )
  }
}

export async function writeSummary(result: AssetsResult): Promise<void> {
  // No summary file (outside a runner): the table is not even drawn.
  if (!process.env.GITHUB_STEP_SUMMARY) return
  return writeSummaryMarkdown(assetsMarkdown(result, `### S3 Asset Manager — ${result.mode}`))
}

/** A failed check or upload still says what happened: the error's first line, the rest folded. */
export function failureMarkdown(mode: string, message: string): string {
  const [head = '', ...rest] = message.split(/\r?\n/)
  const details = rest.join('\n').trim()
  return (
    `### S3 Asset Manager — ${mode} failed\n\n❌ ${text(head.trim())}\n` +
    (details ? `\n<details><summary>Details</summary>\n\n${details.split('\n').map(text).join('<br>\n')}\n\n</details>\n` : '')
  )
}

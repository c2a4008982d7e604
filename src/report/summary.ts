import * as core from '@actions/core'
import type { AssetsResult } from '../modes/result.js'
import { formatBytes } from './progress.js'

const OUTCOME_LABEL: Record<AssetsResult['outcome'], string> = {
  found: '✅ found',
  missing: '🔨 not found — build needed',
  uploaded: '⬆️ uploaded',
  skipped: '⏭️ skipped (already stored)'
}

/** The rows of the job-summary table, also useful to test the wording. */
export function summaryRows(result: AssetsResult): [string, string][] {
  return [
    ['Outcome', OUTCOME_LABEL[result.outcome]],
    ['Source', result.source === 'none' ? '—' : result.source],
    ['Commit', `\`${result.commitHash}\``],
    ['Code hash', result.codeHash ? `\`${result.codeHash}\`` : '— (tier off)'],
    ['Files', String(result.files)],
    ['Size', formatBytes(result.bytes)],
    ['Location', `\`${result.location}\``],
    ['Time', `${(result.elapsedMs / 1000).toFixed(1)} s`]
  ]
}

/** Writes the job summary when the runner provides one (GITHUB_STEP_SUMMARY); a no-op elsewhere. */
export async function writeSummary(result: AssetsResult): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary
    .addHeading(`S3 Asset Manager — ${result.mode}`, 3)
    .addRaw(result.message, true)
    .addTable([
      [
        { data: 'Item', header: true },
        { data: 'Value', header: true }
      ],
      ...summaryRows(result)
    ])
    .write()
}

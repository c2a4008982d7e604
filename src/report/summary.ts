import * as core from '@actions/core'
import type { AssetsResult } from '../modes/result.js'
import { summaryRows } from './assets-report.js'

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

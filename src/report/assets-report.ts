import { describeDifference } from '../hashing/set-key.js'
import type { AssetsResult } from '../modes/result.js'
import type { GitHubReport } from './github.js'
import { code, link, plural, seconds, table, text } from './markdown.js'
import { formatBytes } from './progress.js'

const OUTCOME_LABEL: Record<AssetsResult['outcome'], string> = {
  found: '✅ found',
  missing: '🔨 not found — build needed',
  uploaded: '⬆️ uploaded',
  skipped: '⏭️ skipped (already stored)'
}

const SOURCE_LABEL: Record<AssetsResult['source'], string> = {
  commit: 'this commit',
  cache: 'code-hash cache (copied to this commit)',
  none: '—'
}

/** The rows of the summary and comment tables, as markdown cells. */
export function summaryRows(result: AssetsResult): [string, string][] {
  const location = result.locationUrl ? link(code(result.location), result.locationUrl) : code(result.location)
  return [
    ['Outcome', OUTCOME_LABEL[result.outcome]],
    ['Source', SOURCE_LABEL[result.source]],
    ['Commit', code(result.commitHash)],
    ['Code hash', result.codeHash ? code(result.codeHash) : '— (tier off)'],
    ['Files', result.files.toLocaleString('en-US')],
    ['Size', formatBytes(result.bytes)],
    ['Location', location],
    ['Time', seconds(result.elapsedMs)],
    ...(result.untrusted
      ? ([['Ignored', `${plural(result.untrusted, 'set')}: manifest not verified, malformed or elsewhere's (see the warnings)`]] as [
          string,
          string
        ][])
      : []),
    ...(result.missReason ? ([['Why not found', text(result.missReason.line)]] as [string, string][]) : []),
    ...(result.drift
      ? ([
          [
            'Code hash drift',
            `${code(result.drift.after.slice(0, 12))} after the build, stored under ${code(result.drift.before.slice(0, 12))} from before it` +
              (result.drift.difference ? `: ${text(describeDifference(result.drift.difference).join('; '))}` : '')
          ]
        ] as [string, string][])
      : [])
  ]
}

/** The heading, the run's sentence and the table: the job summary and the PR comment share it. */
export function assetsMarkdown(result: AssetsResult, heading: string): string {
  return `${heading}\n\n${text(result.message)}\n\n${table(['', ''], summaryRows(result))}\n`
}

function statusDescription(result: AssetsResult): string {
  const shortHash = result.codeHash.slice(0, 8)
  switch (result.outcome) {
    case 'found':
      return result.source === 'cache'
        ? `assets found in cache (code hash ${shortHash}…), ${plural(result.files, 'file')}`
        : `assets found for this commit, ${plural(result.files, 'file')}`
    case 'missing':
      return 'assets not found — build needed'
    case 'uploaded':
      return `assets uploaded, ${plural(result.files, 'file')} (${formatBytes(result.bytes)})`
    case 'skipped':
      return 'assets already stored'
  }
}

/** The commit status and PR comment for a check or upload. */
export function assetsReport(result: AssetsResult, instance: string): GitHubReport {
  return {
    state: result.outcome === 'missing' ? 'pending' : 'success',
    description: statusDescription(result),
    markdown: assetsMarkdown(result, `#### S3 Asset Manager · ${code(instance)}`),
    commit: result.commitHash
  }
}

import { describeDifference } from '../hashing/set-key.js'
import type { AssetsResult } from '../modes/result.js'
import type { GitHubReport } from './github.js'
import { code, link, seconds, table } from './markdown.js'
import { groupDigits, plural, text } from '../util/text.js'
import { formatBytes } from '../util/progress.js'

const OUTCOME_LABEL: Record<AssetsResult['outcome'], string> = {
  found: '✅ found',
  missing: '🔨 not found — build needed',
  uploaded: '⬆️ uploaded',
  'already-stored': '✅ already stored, nothing uploaded',
  'not-stored': '⚠️ not stored'
}

const SOURCE_LABEL: Record<AssetsResult['source'], string> = {
  commit: 'this commit',
  cache: 'code-hash cache (copied to this commit)',
  upload: 'this upload',
  none: '—'
}

/** The rows of the summary and comment tables, as markdown cells; the first is the table's header. */
export function summaryRows(result: AssetsResult): [string, string][] {
  const location = result.locationUrl ? link(code(result.location), result.locationUrl) : code(result.location)
  const rows: [string, string][] = [
    ['Outcome', OUTCOME_LABEL[result.outcome]],
    ['Source', SOURCE_LABEL[result.source]],
    ['Commit', code(result.commitHash)],
    ['Code hash', result.codeHash ? code(result.codeHash) : '— (tier off)']
  ]
  if (result.cacheTier) {
    rows.push(['Code-hash set', result.cacheTier.written ? 'written' : `not written: ${text(result.cacheTier.reason ?? '')}`])
  }
  rows.push(
    ['Files', groupDigits(result.files)],
    ['Size', formatBytes(result.bytes)],
    ['Location', location],
    ['Time', seconds(result.elapsedMs)]
  )
  if (result.unsigned) rows.push(['Signature', `⚠️ not signed: ${text(result.unsigned)}`])
  if (result.untrusted) {
    rows.push(['Ignored', `${plural(result.untrusted, 'set')}: manifest not verified, malformed or for another place (see the warnings)`])
  }
  if (result.missReason) rows.push(['Why not found', text(result.missReason.line)])
  if (result.drift) {
    const what = result.drift.difference ? `: ${text(describeDifference(result.drift.difference).join('; '))}` : ''
    rows.push([
      'Code hash drift',
      `${code(result.drift.after.slice(0, 12))} after the build; stored under ${code(result.drift.before.slice(0, 12))} from before it${what}`
    ])
  }
  return rows
}

/** The heading, the run's sentence and the table (its first row as the header): the job summary and the PR comment share it. */
export function assetsMarkdown(result: AssetsResult, heading: string): string {
  const [header, ...rows] = summaryRows(result)
  return `${heading}\n\n${text(result.message)}\n\n${table(header!, rows)}\n`
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
    case 'already-stored':
      return 'assets already stored'
    case 'not-stored':
      return "assets not stored: another platform's set is there"
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

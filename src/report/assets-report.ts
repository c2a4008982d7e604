import type { AssetsResult } from '../modes/result.js'
import type { GitHubReport } from './github.js'
import { formatBytes } from './progress.js'

const OUTCOME_LABEL: Record<AssetsResult['outcome'], string> = {
  found: '✅ found',
  missing: '🔨 not found — build needed',
  uploaded: '⬆️ uploaded',
  skipped: '⏭️ skipped (already stored)'
}

/** The rows of the summary and comment tables. */
export function summaryRows(result: AssetsResult): [string, string][] {
  return [
    ['Outcome', OUTCOME_LABEL[result.outcome]],
    ['Source', result.source === 'none' ? '—' : result.source],
    ['Commit', `\`${result.commitHash}\``],
    ['Code hash', result.codeHash ? `\`${result.codeHash}\`` : '— (tier off)'],
    ['Files', String(result.files)],
    ['Size', formatBytes(result.bytes)],
    ['Location', `\`${result.location}\``],
    ['Time', `${(result.elapsedMs / 1000).toFixed(1)} s`],
    ...(result.untrusted
      ? ([['Untrusted', `${result.untrusted} set(s) ignored: manifest not verified by the signing key`]] as [string, string][])
      : [])
  ]
}

function statusDescription(result: AssetsResult): string {
  const shortHash = result.codeHash.slice(0, 8)
  switch (result.outcome) {
    case 'found':
      return result.source === 'cache'
        ? `assets found in cache (code hash ${shortHash}…), ${result.files} files`
        : `assets found for this commit, ${result.files} files`
    case 'missing':
      return 'assets not found — build needed'
    case 'uploaded':
      return `assets uploaded, ${result.files} files (${formatBytes(result.bytes)})`
    case 'skipped':
      return 'assets already stored'
  }
}

/** The commit status and PR comment for a check or upload. */
export function assetsReport(result: AssetsResult, instance: string): GitHubReport {
  const table = ['| | |', '|---|---|', ...summaryRows(result).map(([name, value]) => `| ${name} | ${value} |`)].join('\n')
  return {
    state: result.outcome === 'missing' ? 'pending' : 'success',
    description: statusDescription(result),
    markdown: `#### S3 Asset Manager · \`${instance}\`\n\n${result.message}\n\n${table}`,
    commit: result.commitHash
  }
}

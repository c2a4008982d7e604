import * as core from '@actions/core'
import type { ApplyOutcome } from '../modes/apply.js'
import type { GitHubReport } from './github.js'

const ACTION_ICON = { Create: '➕ Create', Update: '🔄 Update', Delete: '➖ Delete' } as const

/** The plan as table rows: tool, action, reason. */
export function planRows(outcome: ApplyOutcome): [string, string, string][] {
  return outcome.plan.map((change) => [`\`${change.key}\``, ACTION_ICON[change.action], change.reason])
}

function headline(outcome: ApplyOutcome): string {
  if (outcome.changes === 0) return 'No changes: the state matches the config.'
  return outcome.planOnly ? `Plan: ${outcome.changes} change(s), not applied (plan-only).` : `Applied ${outcome.changes} change(s).`
}

function markdownTable(outcome: ApplyOutcome): string {
  if (outcome.changes === 0) return ''
  return ['| Tool | Action | Reason |', '|---|---|---|', ...planRows(outcome).map((row) => `| ${row.join(' | ')} |`)].join('\n')
}

export async function writeApplySummary(outcome: ApplyOutcome): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const summary = core.summary
    .addHeading(`S3 Asset Manager — apply${outcome.planOnly ? ' (plan only)' : ''}`, 3)
    .addRaw(headline(outcome), true)
  if (outcome.changes > 0) {
    summary.addTable([
      [
        { data: 'Tool', header: true },
        { data: 'Action', header: true },
        { data: 'Reason', header: true }
      ],
      ...planRows(outcome).map(([tool, action, reason]) => [tool.replace(/`/g, ''), action, reason])
    ])
  }
  await summary
    .addRaw(`State: ${outcome.stateDescription} · commit ${outcome.commitHash} · ${(outcome.elapsedMs / 1000).toFixed(1)} s`, true)
    .write()
}

export function applyReport(outcome: ApplyOutcome, instance: string): GitHubReport {
  return {
    state: 'success',
    description: outcome.changes === 0 ? 'no changes' : `${outcome.changes} change(s) ${outcome.planOnly ? 'planned' : 'applied'}`,
    markdown: `#### S3 Asset Manager · \`${instance}\` · apply\n\n${headline(outcome)}\n\n${markdownTable(outcome)}`,
    commit: outcome.commitHash
  }
}

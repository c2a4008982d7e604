import type { ApplyFailure, ApplyOutcome } from '../modes/apply-outcome.js'
import type { GitHubReport } from './github.js'
import { code, fenced, firstLine, seconds, table } from './markdown.js'
import { plural, text } from '../util/text.js'
import { GRAPH_LIMIT, planFlowchart } from './plan-graph.js'

const ACTION_ICON = { Create: '➕ Create', Update: '🔄 Update', Delete: '➖ Delete' } as const

/** `name_instanceID` (the state key) as `name.instanceID`, the form configs and the graph use. */
const refOf = (key: string): string => key.replace('_', '.')

function statusOf(outcome: ApplyOutcome, index: number): string {
  const failure = outcome.failure
  if (!failure) return '✅ applied'
  if (index < failure.applied) return '✅ applied'
  return index === failure.applied ? '❌ failed' : '⏸️ not run'
}

/** The plan as a markdown table: tool, action, reason, and what happened to it when the plan ran. */
function planTable(outcome: ApplyOutcome): string {
  const ran = !outcome.planOnly
  const headers = ['Tool', 'Action', 'Reason', ...(ran ? ['Result'] : [])]
  const rows = outcome.plan.map((change, index) => [
    code(refOf(change.key)),
    ACTION_ICON[change.action],
    text(change.reason),
    ...(ran ? [statusOf(outcome, index)] : [])
  ])
  return table(headers, rows)
}

/**
 * What a failed build left: its command as written and where its output is. What the command printed stays in
 * the log, which the runner masks; it never reaches the summary, a comment or a status, where nothing is
 * masked but the secrets this action knows (a token the build read from a file, folded or encoded, is not).
 */
function buildDetails(ref: string, build: NonNullable<ApplyFailure['build']>): string {
  return (
    `Command (as written in the config):\n\n${fenced(build.command, 'sh')}\n\n` +
    `Its output is in this step's log, in the group ${code(`Build ${ref}`)}.`
  )
}

function headline(outcome: ApplyOutcome): string {
  const failure = outcome.failure
  if (failure) {
    const saved =
      failure.applied === 0 ? 'No change was applied.' : `${plural(failure.applied, 'change')} before it applied and saved in the state.`
    if (failure.build) {
      return `❌ Tool ${code(refOf(failure.key))} failed: its build ended with ${failure.build.exit}.\n\n${saved}\n\n${buildDetails(refOf(failure.key), failure.build)}`
    }
    return `❌ Tool ${code(refOf(failure.key))} failed: ${text(firstLine(failure.error))}\n\n${saved}`
  }
  if (outcome.changes === 0) return 'No changes: the state matches the config.'
  const changes = plural(outcome.changes, 'change')
  return outcome.planOnly ? `Plan: ${changes}, not applied (plan-only).` : `Applied ${changes}.`
}

/** Headline, the plan as a graph (small configs) and as a table, and where the state lives. */
export function applyMarkdown(outcome: ApplyOutcome, heading: string): string {
  const parts = [heading, headline(outcome)]
  if (outcome.changes > 0) {
    if (outcome.graph.nodes.length <= GRAPH_LIMIT) {
      parts.push(planFlowchart(outcome.graph, outcome.failure && refOf(outcome.failure.key)))
    } else {
      parts.push(
        `<sub>The plan has ${plural(outcome.graph.nodes.length, 'tool')}, more than a graph can show (${GRAPH_LIMIT}): the table lists every change.</sub>`
      )
    }
    parts.push(planTable(outcome))
  }
  parts.push(`State: ${text(outcome.stateDescription)} · commit ${code(outcome.commitHash)} · ${seconds(outcome.elapsedMs)}`)
  return `${parts.join('\n\n')}\n`
}

export function applySummaryHeading(outcome: ApplyOutcome): string {
  return `### S3 Asset Manager — apply${outcome.planOnly ? ' (plan only)' : ''}${outcome.failure ? ' failed' : ''}`
}

export function applyReport(outcome: ApplyOutcome, instance: string): GitHubReport {
  const changes = plural(outcome.changes, 'change')
  const description = outcome.failure
    ? `apply failed at ${refOf(outcome.failure.key)}: ${outcome.failure.build ? `build ended with ${outcome.failure.build.exit}` : firstLine(outcome.failure.error)}`
    : outcome.changes === 0
      ? 'no changes'
      : `${changes} ${outcome.planOnly ? 'planned' : 'applied'}`
  return {
    state: outcome.failure ? 'failure' : 'success',
    description,
    markdown: applyMarkdown(outcome, `#### S3 Asset Manager · ${code(instance)} · apply`),
    commit: outcome.commitHash
  }
}

import type { PruneOutcome } from '../modes/prune.js'
import { code, seconds, table } from './markdown.js'
import { groupDigits, plural, text } from '../util/text.js'
import { formatBytes } from '../util/progress.js'

/** Rows of deleted sets shown in a summary; the rest are counted. */
const LISTED = 50

function ageDays(age: Date, now: number): string {
  return `${Math.floor((now - age.getTime()) / 86_400_000)} d`
}

/** prune's job summary: the totals, then what went (or would go) and why. */
export function pruneMarkdown(outcome: PruneOutcome, heading: string, now = Date.now()): string {
  const verb = outcome.planOnly ? 'Would delete' : 'Deleted'
  const doomed = outcome.decisions.filter((decision) => decision.delete)
  const parts = [
    heading,
    text(outcome.message),
    `In ${code(outcome.storeName)}:`,
    table(
      [`${verb} sets`, groupDigits(outcome.prunedSets)],
      [
        [`${verb}, left without a manifest`, plural(outcome.prunedOrphans, 'group')],
        [`${verb} objects`, `${groupDigits(outcome.prunedObjects)} (${formatBytes(outcome.prunedBytes)})`],
        ['Kept sets', groupDigits(outcome.keptSets)],
        ['Time', seconds(outcome.elapsedMs)]
      ]
    )
  ]
  if (doomed.length > 0) {
    parts.push(
      table(
        ['Set', 'Age', 'Objects', 'Size', 'Why'],
        doomed.slice(0, LISTED).map((decision) => [
          // Keys relative to the store prefix named above: the full URL in every row pushed "Why" off the page.
          code(decision.set.root.slice(outcome.prefix.length)),
          ageDays(decision.age, now),
          groupDigits(decision.set.objects.length),
          formatBytes(decision.set.bytes),
          text(decision.reason)
        ])
      )
    )
    if (doomed.length > LISTED) parts.push(`…and ${plural(doomed.length - LISTED, 'more set')}; the log lists every one.`)
  }
  return `${parts.join('\n\n')}\n`
}

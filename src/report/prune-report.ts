import type { PruneOutcome } from '../modes/prune.js'
import { code, plural, seconds, table, text } from './markdown.js'
import { formatBytes } from './progress.js'

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
    table(
      ['', ''],
      [
        ['Store', code(outcome.storeName)],
        [`${verb} sets`, outcome.prunedSets.toLocaleString('en-US')],
        [`${verb}, left without a manifest`, plural(outcome.prunedOrphans, 'group')],
        [`${verb} objects`, `${outcome.prunedObjects.toLocaleString('en-US')} (${formatBytes(outcome.prunedBytes)})`],
        ['Kept sets', outcome.keptSets.toLocaleString('en-US')],
        ['Time', seconds(outcome.elapsedMs)]
      ]
    )
  ]
  if (doomed.length > 0) {
    parts.push(
      table(
        ['Set', 'Age', 'Objects', 'Size', 'Why'],
        doomed
          .slice(0, LISTED)
          .map((decision) => [
            code(outcome.url(decision.set.root)),
            ageDays(decision.age, now),
            decision.set.objects.length.toLocaleString('en-US'),
            formatBytes(decision.set.bytes),
            text(decision.reason)
          ])
      )
    )
    if (doomed.length > LISTED) parts.push(`…and ${plural(doomed.length - LISTED, 'more set')}; the log lists every one.`)
  }
  return `${parts.join('\n\n')}\n`
}

import type { DoctorOutcome, Finding } from '../modes/doctor.js'
import { code, table } from './markdown.js'
import { text } from '../util/text.js'

const RESULT: Record<Finding['result'], string> = { ok: '✅ ok', missing: '❌ missing', limited: '⚠️ limited', info: 'ℹ️ info' }

/** doctor's summary: one row per capability, with what to do about it. */
export function doctorMarkdown(outcome: DoctorOutcome, heading: string): string {
  const rows = outcome.findings.map((finding) => [
    text(finding.capability),
    RESULT[finding.result],
    text(finding.todo ?? finding.detail),
    finding.neededBy.length > 0 ? finding.neededBy.map(code).join(' ') : '—'
  ])
  return `${heading}\n\n${text(outcome.message)}\n\n${table(['Capability', 'Result', 'What to do', 'Needed by'], rows)}\n`
}

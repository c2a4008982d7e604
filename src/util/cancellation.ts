/**
 * A cancelled job: the runner sends SIGINT, then SIGTERM about 7.5 s later, then kills the process. On the
 * first signal the step stops starting work, aborts requests in flight (uploads abort their multipart
 * uploads), and lets each `finally` release what it holds — a set's claim, apply's lock — before it exits
 * with 130 (SIGINT) or 143 (SIGTERM), saying in one line what it left. A second signal exits at once.
 */

import { setMaxListeners } from 'node:events'

export type CancelSignal = 'SIGINT' | 'SIGTERM'

/** Exit codes of a step cancelled by a signal, as shells report them (128 + the signal's number). */
export const CANCEL_EXIT_CODES: Readonly<Record<CancelSignal, number>> = { SIGINT: 130, SIGTERM: 143 }

/** Thrown where work stops because the step was cancelled; `left` says what the stop left behind, for the one line. */
export class CancelledError extends Error {
  readonly stepExitCode: number
  constructor(
    readonly signal: CancelSignal,
    readonly left?: string
  ) {
    super(`Cancelled by ${signal}${left ? `: ${left}` : ''}.`)
    this.name = 'CancelledError'
    this.stepExitCode = CANCEL_EXIT_CODES[signal]
  }
}

const controller = new AbortController()
// Every request in flight listens on the signal (the AWS SDK's retry middleware adds a listener a request and
// removes it when the request ends), so more than Node's default of 10 at once is the concurrency, not a leak:
// without this, a download of a packed set printed a MaxListenersExceededWarning in the step's log.
setMaxListeners(0, controller.signal)
let received: CancelSignal | undefined

/** Aborted when the step is cancelled: pass it to requests and streams that may be stopped half way. */
export const cancelSignal: AbortSignal = controller.signal

/** The signal that cancelled the step, if one did. */
export function cancelledBy(): CancelSignal | undefined {
  return received
}

/** Throws CancelledError once the step was cancelled: call it before starting each piece of work. */
export function throwIfCancelled(): void {
  if (received) throw new CancelledError(received)
}

/** Whether an error is the stop a cancellation caused (ours, or an aborted request or stream). */
export function isCancellation(error: unknown): boolean {
  if (error instanceof CancelledError) return true
  return received !== undefined && (error as { name?: string } | undefined)?.name === 'AbortError'
}

/**
 * The error to report for a failure during a cancellation — a CancelledError saying what was left, whatever
 * the abort looked like (an aborted request, a killed build) — or `error` as it is otherwise.
 */
export function asCancellation(error: unknown, left: string): unknown {
  if (received === undefined) return error
  if (error instanceof CancelledError && error.left) return error
  return new CancelledError(received, left)
}

/** Marks the step cancelled (what the signal handlers do; tests call it directly). */
export function cancel(signal: CancelSignal): void {
  if (received) return
  received = signal
  controller.abort(new CancelledError(signal))
}

/**
 * Installs the handlers: the first SIGINT or SIGTERM cancels; a second one (the runner's SIGTERM after
 * SIGINT, while cleanup still runs) exits at once with its code, after `onForcedExit` wrote its line.
 */
export function handleSignals(onForcedExit: (signal: CancelSignal) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (!received) {
        cancel(signal)
        return
      }
      onForcedExit(signal)
      process.exit(CANCEL_EXIT_CODES[signal])
    })
  }
}

import { execFileSync } from 'node:child_process'
import { closeSync, constants, openSync } from 'node:fs'

/** Makes a FIFO at `file`: what a hostile or careless build can leave where a file is read. */
export function makeFifo(file: string): string {
  execFileSync('mkfifo', [file])
  return file
}

/**
 * Opens `fifo` for writing without waiting, which releases a reader stuck in open() on it (and fails harmlessly
 * when no reader waits), so a regression fails its test instead of leaving a thread of the worker blocked.
 */
export function releaseReaders(fifo: string): void {
  try {
    closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK))
  } catch {
    // no reader was waiting
  }
}

/** The outcome of `work`, or 'still waiting' after `ms`. */
export async function within<T>(ms: number, work: Promise<T>): Promise<T | 'still waiting'> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<'still waiting'>((resolve) => (timer = setTimeout(() => resolve('still waiting'), ms)))
  try {
    return await Promise.race([work, late])
  } finally {
    clearTimeout(timer)
  }
}

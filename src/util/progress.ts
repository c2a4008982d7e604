import * as core from '../runner.js'
import { plural } from './text.js'

const MB = 1024 * 1024

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`
  if (bytes < MB) return `${(bytes / 1024).toFixed(1)} KiB`
  if (bytes < 1024 * MB) return `${(bytes / MB).toFixed(1)} MiB`
  return `${(bytes / 1024 / MB).toFixed(2)} GiB`
}

/** What a transfer is called while it runs ("Uploading to …:") and when it is done ("Uploaded to …:"); one text for both. */
export type ProgressLabel = string | { readonly doing: string; readonly done: string }

/** A stream whose bytes so far can be read: a large file's transfer, counted before it completes. */
interface Flowing {
  readonly passed: number
}

/**
 * Counts files and bytes of a transfer and logs a line at most every `intervalMs`, so a long upload or copy
 * shows it is moving — also while one large file is all there is (a timer reads the bytes of the streams
 * being watched); a short one logs only its closing line. Lines while it runs use the `doing` words, so the
 * first of them never reads as the end.
 */
export class Progress {
  private files = 0
  private bytes = 0
  private readonly started = Date.now()
  private lastLog = Date.now()
  private grouped = false
  private readonly flowing = new Set<Flowing>()
  private readonly timer: NodeJS.Timeout | undefined
  private readonly doing: string
  private readonly done: string

  constructor(
    label: ProgressLabel,
    private readonly totalFiles: number,
    private readonly totalBytes: number,
    private readonly intervalMs = 5000,
    private readonly log: (line: string) => void = core.info
  ) {
    this.doing = typeof label === 'string' ? label : label.doing
    this.done = typeof label === 'string' ? label : label.done
    if (intervalMs > 0) {
      this.timer = setInterval(() => this.report(Date.now()), intervalMs)
      this.timer.unref()
    }
  }

  /** Counts `stream`'s bytes as they pass, until `add` counts its file: returns the call that stops watching it. */
  watch(stream: Flowing): () => void {
    this.flowing.add(stream)
    return () => void this.flowing.delete(stream)
  }

  add(files: number, bytes: number): void {
    this.files += files
    this.bytes += bytes
    this.report(Date.now())
  }

  private report(now: number): void {
    if (now - this.lastLog < this.intervalMs || this.files >= this.totalFiles) return
    this.lastLog = now
    // A transfer that lasts shows its progress lines folded in a group; a short one logs only its last line.
    if (!this.grouped && this.log === core.info)
      core.startGroup(`${this.doing} ${plural(this.totalFiles, 'file')}, ${formatBytes(this.totalBytes)}`)
    this.grouped = true
    let moved = this.bytes
    for (const stream of this.flowing) moved += stream.passed
    this.log(
      `${this.doing} ${this.files}/${this.totalFiles} files, ${formatBytes(Math.min(moved, this.totalBytes))} of ${formatBytes(this.totalBytes)}${this.rate(now, moved)}`
    )
  }

  private rate(now: number, bytes = this.bytes): string {
    const seconds = (now - this.started) / 1000
    return seconds > 0 ? ` (${formatBytes(bytes / seconds)}/s)` : ''
  }

  /** The closing line; returns the elapsed milliseconds. */
  finish(): number {
    if (this.timer) clearInterval(this.timer)
    if (this.grouped && this.log === core.info) core.endGroup()
    const elapsed = Date.now() - this.started
    this.log(
      `${this.done} ${plural(this.files, 'file')}, ${formatBytes(this.bytes)} in ${(elapsed / 1000).toFixed(1)} s${this.rate(Date.now())}`
    )
    return elapsed
  }

  /** Stops the timer without a closing line (the transfer failed: the error says what happened). */
  abandon(): void {
    if (this.timer) clearInterval(this.timer)
    if (this.grouped && this.log === core.info) core.endGroup()
  }
}

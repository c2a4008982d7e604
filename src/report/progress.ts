import * as core from '../runner.js'
import { plural } from './markdown.js'

const MB = 1024 * 1024

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`
  if (bytes < MB) return `${(bytes / 1024).toFixed(1)} KiB`
  if (bytes < 1024 * MB) return `${(bytes / MB).toFixed(1)} MiB`
  return `${(bytes / 1024 / MB).toFixed(2)} GiB`
}

/**
 * Counts files and bytes of a transfer and logs a line at most every `intervalMs`, so a long upload
 * or copy shows it is moving; a short one logs only its closing line.
 */
export class Progress {
  private files = 0
  private bytes = 0
  private readonly started = Date.now()
  private lastLog = Date.now()
  private grouped = false

  constructor(
    private readonly verb: string,
    private readonly totalFiles: number,
    private readonly totalBytes: number,
    private readonly intervalMs = 5000,
    private readonly log: (line: string) => void = core.info
  ) {}

  add(files: number, bytes: number): void {
    this.files += files
    this.bytes += bytes
    const now = Date.now()
    if (now - this.lastLog >= this.intervalMs && this.files < this.totalFiles) {
      this.lastLog = now
      // A transfer that lasts shows its progress lines folded in a group; a short one logs only its last line.
      if (!this.grouped && this.log === core.info)
        core.startGroup(`${this.verb} ${plural(this.totalFiles, 'file')}, ${formatBytes(this.totalBytes)}`)
      this.grouped = true
      this.log(
        `${this.verb} ${this.files}/${this.totalFiles} files, ${formatBytes(this.bytes)} of ${formatBytes(this.totalBytes)}${this.rate(now)}`
      )
    }
  }

  private rate(now: number): string {
    const seconds = (now - this.started) / 1000
    return seconds > 0 ? ` (${formatBytes(this.bytes / seconds)}/s)` : ''
  }

  /** The closing line; returns the elapsed milliseconds. */
  finish(): number {
    if (this.grouped && this.log === core.info) core.endGroup()
    const elapsed = Date.now() - this.started
    this.log(
      `${this.verb} ${plural(this.files, 'file')}, ${formatBytes(this.bytes)} in ${(elapsed / 1000).toFixed(1)} s${this.rate(Date.now())}`
    )
    return elapsed
  }
}

import { writeSync } from 'node:fs'

// What the step prints, on stdout and stderr. Node.js makes process.stdout the first time it is read, and on a
// pipe (a runner reads the step's output through one) that loads node:net and opens a socket: ~5 ms of the ~30 ms
// a check that finds nothing spends of its own on a slow machine, ~3 ms on a fast one. The bundle (index.ts)
// therefore writes its lines to the descriptors directly, synchronously, as Node.js's own stream for a file does,
// until something opens the stream (a library that logs, @actions/core in a lazily loaded chunk): from then on every
// line goes through the stream, so nothing is written out of order. Everywhere else (tests, which replace
// process.stdout.write to read what a step prints) every line goes through the streams, as before.

export type StreamName = 'stdout' | 'stderr'

/** What text bound for stdout becomes: the part that stays on stdout, and a part for stderr. */
export type StdoutFilter = (text: string) => { stdout: string; stderr: string }

type Write = (chunk: string | Uint8Array, ...rest: unknown[]) => boolean

/** The object whose stdout and stderr are written to: the process, or a test's stand-in. */
export type StdioHost = Record<StreamName, { write: Write }>

const STREAMS: readonly StreamName[] = ['stdout', 'stderr']

export class Stdio {
  /** Streams not opened yet, written to through their descriptors. */
  private readonly direct = new Set<StreamName>()
  /** Stdout's own write, before the filter wrapped it: what takes over from a descriptor that failed. */
  private unfilteredStdout: Write | undefined
  /** The filter for stdout, while stdout is still written to directly (an opened stream carries it in its write). */
  private filter: StdoutFilter | undefined

  constructor(
    private readonly host: StdioHost,
    private readonly descriptors: Record<StreamName, number> = { stdout: 1, stderr: 2 }
  ) {}

  /**
   * From now on, writes go to the descriptors until the host's stream is read. Only where that is the same bytes:
   * not on Windows, where a console is written to in UTF-16 by its stream; nor when the streams are not Node.js's
   * lazy properties (already replaced by someone). Call it before anything reads the streams (index.ts does, first):
   * a stream opened earlier is not seen.
   */
  writeDirectlyUntilOpened(platform: NodeJS.Platform = process.platform): void {
    if (platform === 'win32') return
    for (const name of STREAMS) {
      const lazy = Object.getOwnPropertyDescriptor(this.host, name)
      if (!lazy?.get || !lazy.configurable) continue
      this.direct.add(name)
      Object.defineProperty(this.host, name, {
        configurable: true,
        enumerable: lazy.enumerable,
        get: () => {
          Object.defineProperty(this.host, name, lazy)
          this.direct.delete(name)
          const stream = this.host[name]
          if (name === 'stdout' && this.filter) {
            this.wrap(stream, this.filter)
            this.filter = undefined
          }
          return stream
        }
      })
    }
  }

  /** Text bound for stdout goes through `filter` from now on, whether written here or straight to the stream. */
  filterStdout(filter: StdoutFilter): void {
    if (this.direct.has('stdout')) this.filter = filter
    else this.wrap(this.host.stdout, filter)
  }

  write(name: StreamName, text: string): void {
    if (!this.direct.has(name)) {
      this.host[name].write(text)
      return
    }
    if (name === 'stdout' && this.filter) {
      const filtered = this.filter(text)
      if (filtered.stderr) this.write('stderr', filtered.stderr)
      text = filtered.stdout
    }
    this.writeDescriptor(name, Buffer.from(text, 'utf8'))
  }

  /** Calls `done` once what was written is out: at once for descriptors, after the opened streams drain. */
  whenWritten(done: () => void): void {
    const opened = STREAMS.filter((name) => !this.direct.has(name))
    const next = (): void => {
      const name = opened.shift()
      if (name === undefined) done()
      else this.host[name].write('', next)
    }
    next()
  }

  private writeDescriptor(name: StreamName, bytes: Buffer): void {
    while (bytes.length > 0) {
      let written: number
      try {
        written = writeSync(this.descriptors[name], bytes)
      } catch {
        // EAGAIN: someone made the descriptor non-blocking and the pipe is full; EPIPE, EBADF: the reader is gone.
        // Node.js's stream takes over with what is left and does with it what it always did (waits for room,
        // reports the error), and every later line follows it there.
        const stream = this.host[name]
        ;((name === 'stdout' && this.unfilteredStdout) || stream.write.bind(stream))(bytes)
        return
      }
      bytes = bytes.subarray(written)
    }
  }

  private wrap(stream: { write: Write }, filter: StdoutFilter): void {
    const write = stream.write.bind(stream)
    this.unfilteredStdout = write
    stream.write = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
      const filtered = filter(text)
      if (filtered.stderr) this.write('stderr', filtered.stderr)
      return filtered.stdout === text ? write(chunk, ...rest) : write(filtered.stdout, ...rest)
    }
  }
}

/** The process's own stdout and stderr. */
export const stdio = new Stdio(process as unknown as StdioHost)

export const writeStdout = (text: string): void => stdio.write('stdout', text)
export const writeStderr = (text: string): void => stdio.write('stderr', text)

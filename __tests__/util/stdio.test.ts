// The bundle's lines go to stdout and stderr through their descriptors until something opens Node.js's streams
// (src/util/stdio.ts). Here the descriptors are temporary files or a pipe, and the process is a stand-in whose
// streams are lazy properties, as Node.js's are.
import { spawn } from 'node:child_process'
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs'
import path from 'node:path'
import { Stdio, type StdioHost, type StreamName } from '../../src/util/stdio.js'
import { tempDir } from '../support/helpers.js'

interface StandIn {
  host: StdioHost
  /** Which streams were opened, in order. */
  opened: StreamName[]
  /** What went through the streams. */
  written: Record<StreamName, string>
}

function standIn(): StandIn {
  const opened: StreamName[] = []
  const written = { stdout: '', stderr: '' }
  const host = {} as StdioHost
  for (const name of ['stdout', 'stderr'] as const) {
    let stream: StdioHost[StreamName] | undefined
    Object.defineProperty(host, name, {
      configurable: true,
      enumerable: true,
      get: () => {
        if (!stream) {
          opened.push(name)
          stream = {
            write: (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
              written[name] += Buffer.from(chunk).toString('utf8')
              const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined
              if (callback) queueMicrotask(callback)
              return true
            }
          }
        }
        return stream
      }
    })
  }
  return { host, opened, written }
}

function descriptors(): { fds: Record<StreamName, number>; read: (name: StreamName) => string; close: () => void } {
  const dir = tempDir('stdio')
  const files = { stdout: path.join(dir, 'stdout'), stderr: path.join(dir, 'stderr') }
  const fds = { stdout: openSync(files.stdout, 'w'), stderr: openSync(files.stderr, 'w') }
  return {
    fds,
    read: (name) => readFileSync(files[name], 'utf8'),
    close: () => (closeSync(fds.stdout), closeSync(fds.stderr))
  }
}

/** The filter the plain console uses, in small: `::error::x` lines go to stderr as `error: x`. */
const errorsToStderr = (text: string): { stdout: string; stderr: string } => {
  const lines = text.split(/(?<=\n)/)
  const isError = (line: string): boolean => line.startsWith('::error::')
  return {
    stdout: lines.filter((line) => !isError(line)).join(''),
    stderr: lines
      .filter(isError)
      .map((line) => `error: ${line.slice('::error::'.length)}`)
      .join('')
  }
}

describe('Stdio', () => {
  it('writes to the descriptors, opening no stream, until something opens one; then every line goes through it', async () => {
    const { host, opened, written } = standIn()
    const out = descriptors()
    const stdio = new Stdio(host, out.fds)
    stdio.writeDirectlyUntilOpened('linux')
    stdio.write('stdout', 'one\n')
    stdio.write('stderr', 'warn\n')
    stdio.write('stdout', 'två ✓\n')
    expect(opened).toEqual([])
    expect(out.read('stdout')).toBe('one\ntvå ✓\n')
    expect(out.read('stderr')).toBe('warn\n')
    let drained = false
    stdio.whenWritten(() => (drained = true))
    expect(drained).toBe(true) // nothing to wait for
    expect(opened).toEqual([])

    // A library reads process.stdout and writes to it: from then on our lines follow its, in order.
    host.stdout.write('from a library\n')
    stdio.write('stdout', 'three\n')
    stdio.write('stderr', 'still direct\n')
    expect(opened).toEqual(['stdout'])
    expect(out.read('stdout')).toBe('one\ntvå ✓\n')
    expect(written.stdout).toBe('from a library\nthree\n')
    expect(out.read('stderr')).toBe('warn\nstill direct\n')
    await new Promise<void>((resolve) => stdio.whenWritten(resolve))
    expect(opened).toEqual(['stdout']) // only the opened stream is drained
    out.close()
  })

  it('filters stdout before and after the stream opens, never twice', () => {
    const { host, written } = standIn()
    const out = descriptors()
    const stdio = new Stdio(host, out.fds)
    stdio.writeDirectlyUntilOpened('linux')
    stdio.filterStdout(errorsToStderr)
    stdio.write('stdout', 'a\n::error::bad\nb\n')
    expect(out.read('stdout')).toBe('a\nb\n')
    expect(out.read('stderr')).toBe('error: bad\n')
    host.stdout.write('::error::from a library\nc\n')
    stdio.write('stdout', '::error::again\n')
    expect(written.stdout).toBe('c\n')
    expect(out.read('stderr')).toBe('error: bad\nerror: from a library\nerror: again\n')
    out.close()
  })

  it('goes through the streams everywhere else: on Windows, when the streams are not lazy, when never asked', () => {
    const windows = standIn()
    const onWindows = new Stdio(windows.host, descriptors().fds)
    onWindows.writeDirectlyUntilOpened('win32')
    onWindows.write('stdout', 'x\n')
    expect(windows.written.stdout).toBe('x\n')

    const written: string[] = []
    const plain: StdioHost = {
      stdout: { write: (chunk) => written.push(`out:${String(chunk)}`) > 0 },
      stderr: { write: (chunk) => written.push(`err:${String(chunk)}`) > 0 }
    }
    const replaced = new Stdio(plain, descriptors().fds)
    replaced.writeDirectlyUntilOpened('linux')
    replaced.write('stdout', 'y\n')
    replaced.filterStdout(errorsToStderr)
    replaced.write('stdout', '::error::z\n')
    expect(written).toEqual(['out:y\n', 'err:error: z\n', 'out:'])

    const untouched = standIn()
    new Stdio(untouched.host, descriptors().fds).write('stderr', 'w\n')
    expect(untouched.written.stderr).toBe('w\n')
  })

  it('hands what is left to the stream when the descriptor fails: closed, or a full pipe someone made non-blocking', async () => {
    const closed = standIn()
    const out = descriptors()
    closeSync(out.fds.stdout)
    const onClosed = new Stdio(closed.host, out.fds)
    onClosed.writeDirectlyUntilOpened('linux')
    onClosed.write('stdout', 'lost?\n')
    onClosed.write('stdout', 'no\n')
    expect(closed.written.stdout).toBe('lost?\nno\n')
    closeSync(out.fds.stderr)

    // A pipe whose reader never reads, its write end non-blocking (libuv's): filled until the kernel refuses more.
    const reader = spawn('sleep', ['30'], { stdio: ['pipe', 'ignore', 'ignore'] })
    try {
      const fd = (reader.stdin as unknown as { _handle: { fd: number } })._handle.fd
      expect(fd).toBeGreaterThan(2)
      const block = Buffer.alloc(4096, 1)
      for (;;) {
        try {
          writeSync(fd, block)
        } catch (error) {
          expect((error as NodeJS.ErrnoException).code).toBe('EAGAIN')
          break
        }
      }
      const full = standIn()
      const onFull = new Stdio(full.host, { stdout: fd, stderr: fd })
      onFull.writeDirectlyUntilOpened('linux')
      const long = 'ö'.repeat(100_000)
      onFull.write('stdout', long)
      onFull.write('stdout', '\nnext\n')
      expect(full.opened).toEqual(['stdout'])
      expect(full.written.stdout).toBe(`${long}\nnext\n`)
    } finally {
      reader.kill('SIGKILL')
      await new Promise((resolve) => reader.once('close', resolve))
    }
  })
})

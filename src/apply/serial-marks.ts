import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import path from 'node:path'
import { readRunnerFile } from '../util/capped-read.js'
import { StateError } from './errors.js'

/** A marks file holds one line per state location: far below this. A larger one is not read. */
const MARKS_LIMIT = 1024 * 1024

/** A serial as states and marks may hold it: a whole number from 0 up. */
export function isSerial(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

/**
 * The highest state serial this machine has seen at each state location. A signed state can be replayed
 * whole (an older copy put back in place of the newer one): its signature still verifies, so only a
 * memory of what was seen can tell. This machine is the only place such a memory is out of an attacker's
 * reach, so it holds here: across runs on one self-hosted runner or workstation, and within a job on a
 * GitHub-hosted runner (which starts empty). The README's threat model says what closes the rest.
 *
 * Only whole numbers count: a mark such as `1e999` (Infinity) would make every state look replayed, and
 * re-signing past it would leave a serial no later run could ever exceed. Such a mark is refused.
 */
export class SerialMarks {
  constructor(private readonly file: string = defaultMarksFile()) {}

  private async read(): Promise<Record<string, unknown>> {
    const bytes = await readRunnerFile(this.file, MARKS_LIMIT)
    try {
      const data = bytes ? (JSON.parse(bytes.toString('utf8')) as unknown) : {}
      return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}
    } catch {
      return {}
    }
  }

  /** The mark for `location`; a mark that is not a whole number is a StateError naming the file. */
  async highest(location: string): Promise<number | undefined> {
    const value = (await this.read())[location]
    if (value === undefined) return undefined
    if (!isSerial(value)) {
      throw new StateError(
        `The serial mark for ${location} in ${this.file} is ${JSON.stringify(value)}, not a whole number: this action never writes that, ` +
          `so someone who can write that file did. Remove that entry (or the file) after checking who can write it; the state itself was not used.`
      )
    }
    return value
  }

  /** Records `serial` when it is higher than the mark; a failure to write only loses the memory. */
  async record(location: string, serial: number): Promise<void> {
    if (!isSerial(serial)) return
    const marks = await this.read()
    const mark = marks[location]
    if (isSerial(mark) && mark >= serial) return
    marks[location] = serial
    const temp = `${this.file}.tmp-${randomBytes(6).toString('hex')}`
    try {
      await mkdir(path.dirname(this.file), { recursive: true })
      await writeFile(temp, `${JSON.stringify(marks, null, 2)}\n`)
      await rename(temp, this.file)
    } catch {
      await rm(temp, { force: true })
    }
  }
}

/** The runner's tool cache (it outlives jobs on self-hosted runners), else the user's state directory. */
export function defaultMarksFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.RUNNER_TOOL_CACHE || env.XDG_STATE_HOME || path.join(homedir(), '.local', 'state')
  return path.join(base, 's3-asset-manager', 'state-serials.json')
}

import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import path from 'node:path'

/**
 * The highest state serial this machine has seen at each state location. A signed state can be replayed
 * whole (an older copy put back in place of the newer one): its signature still verifies, so only a
 * memory of what was seen can tell. This machine is the only place such a memory is out of an attacker's
 * reach, so it holds here: across runs on one self-hosted runner or workstation, and within a job on a
 * GitHub-hosted runner (which starts empty). The README's threat model says what closes the rest.
 */
export class SerialMarks {
  constructor(private readonly file: string = defaultMarksFile()) {}

  private async read(): Promise<Record<string, number>> {
    try {
      const data = JSON.parse(await readFile(this.file, 'utf8')) as unknown
      return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, number>) : {}
    } catch {
      return {}
    }
  }

  async highest(location: string): Promise<number | undefined> {
    const value = (await this.read())[location]
    return typeof value === 'number' ? value : undefined
  }

  /** Records `serial` when it is higher than the mark; a failure to write only loses the memory. */
  async record(location: string, serial: number): Promise<void> {
    const marks = await this.read()
    if ((marks[location] ?? -1) >= serial) return
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

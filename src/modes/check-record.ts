import { readFile, writeFile, mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { CHECK_RECORD, FOUND_MARKER } from '../constants.js'

/**
 * What check learned, kept in the package directory (hidden, so never uploaded) for an upload step that
 * may run without the repository, as the seed's Concourse pipeline does.
 */
export interface CheckRecord {
  readonly commit: string
  readonly codeHash: string
  /** Size of the set check found (0 on a miss). */
  readonly files: number
  readonly bytes: number
}

export async function writeCheckRecord(directory: string, record: CheckRecord, found: boolean): Promise<void> {
  await mkdir(directory, { recursive: true })
  await writeFile(path.join(directory, CHECK_RECORD), `${JSON.stringify(record)}\n`)
  const marker = path.join(directory, FOUND_MARKER)
  // A marker left from an earlier run would make upload skip assets that are not there.
  await (found ? writeFile(marker, '') : rm(marker, { force: true }))
}

export async function readCheckRecord(directory: string): Promise<CheckRecord | undefined> {
  try {
    const data = JSON.parse(await readFile(path.join(directory, CHECK_RECORD), 'utf8')) as Partial<CheckRecord>
    if (typeof data.commit === 'string' && typeof data.codeHash === 'string') {
      return { commit: data.commit, codeHash: data.codeHash, files: Number(data.files) || 0, bytes: Number(data.bytes) || 0 }
    }
  } catch {
    // No record (upload without a check step) or an unreadable one: fall back to git.
  }
  return undefined
}

export async function hasFoundMarker(directory: string): Promise<boolean> {
  try {
    await readFile(path.join(directory, FOUND_MARKER))
    return true
  } catch {
    return false
  }
}

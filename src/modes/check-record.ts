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

/** The original tool's files, which its upload and downstream tasks read: plain text, no newline. */
const SEED_COMMIT_FILE = '.commit-hash'
const SEED_CODE_HASH_FILE = '.code-hash'

export async function writeCheckRecord(directory: string, record: CheckRecord, found: boolean): Promise<void> {
  await mkdir(directory, { recursive: true })
  await writeFile(path.join(directory, CHECK_RECORD), `${JSON.stringify(record)}\n`)
  await writeFile(path.join(directory, SEED_COMMIT_FILE), record.commit)
  const codeHashFile = path.join(directory, SEED_CODE_HASH_FILE)
  await (record.codeHash ? writeFile(codeHashFile, record.codeHash) : rm(codeHashFile, { force: true }))
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
    // No record of ours: a package directory the original tool's check filled, or none at all.
  }
  return readSeedFiles(directory)
}

/** `.commit-hash` / `.code-hash` as the original check writes them; undefined without a valid commit. */
async function readSeedFiles(directory: string): Promise<CheckRecord | undefined> {
  const read = (name: string): Promise<string | undefined> =>
    readFile(path.join(directory, name), 'utf8').then(
      (text) => text.trim(),
      () => undefined
    )
  const commit = await read(SEED_COMMIT_FILE)
  if (!commit || !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(commit)) return undefined
  return { commit, codeHash: (await read(SEED_CODE_HASH_FILE)) ?? '', files: 0, bytes: 0 }
}

export async function hasFoundMarker(directory: string): Promise<boolean> {
  try {
    await readFile(path.join(directory, FOUND_MARKER))
    return true
  } catch {
    return false
  }
}

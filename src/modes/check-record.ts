import { rmSync } from 'node:fs'
import { lstat } from '../util/fs-calls.js'
import path from 'node:path'
import { CHECK_RECORD, FOUND_MARKER, READ_LIMITS, SEED_CODE_HASH_FILE, SEED_COMMIT_FILE } from '../constants.js'
import { OversizedError } from '../errors.js'
import { isCommitHash } from '../git.js'
import { inputsRecord, readInputsRecord, type KeyInputs } from '../hashing/set-key.js'
import { preparePackageDirectory, readFileNoFollow, writeFileNoFollow } from '../sets/package-directory.js'

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
  /** What the code hash was made of before the build ran: upload keys the set by it and names what the build changed. */
  readonly inputs?: KeyInputs
}

/**
 * Leaves the record, the original tool's files and the `.found` marker in the package directory. Each is
 * written whole under a temporary name and renamed into place, so a symlink the checkout planted at one
 * of these names is replaced, never written through.
 */
export async function writeCheckRecord(directory: string, record: CheckRecord, found: boolean): Promise<void> {
  const root = await preparePackageDirectory(directory, { create: true })
  const { inputs, ...fields } = record
  const stored = inputs ? { ...fields, inputs: inputsRecord(record.codeHash, inputs) } : fields
  await writeFileNoFollow(root, CHECK_RECORD, `${JSON.stringify(stored)}\n`)
  await writeFileNoFollow(root, SEED_COMMIT_FILE, record.commit)
  if (record.codeHash) await writeFileNoFollow(root, SEED_CODE_HASH_FILE, record.codeHash)
  else rmSync(path.join(root, SEED_CODE_HASH_FILE), { force: true })
  // A marker left from an earlier run would make upload skip assets that are not there.
  if (found) await writeFileNoFollow(root, FOUND_MARKER, '')
  else rmSync(path.join(root, FOUND_MARKER), { force: true })
}

/** Reads a file of ours in the package directory: capped, never through a symlink; a larger one counts as absent. */
async function readSmall(directory: string, name: string): Promise<string | undefined> {
  try {
    return await readFileNoFollow(directory, name, READ_LIMITS.checkRecord)
  } catch (error) {
    if (error instanceof OversizedError) return undefined
    throw error
  }
}

export async function readCheckRecord(directory: string): Promise<CheckRecord | undefined> {
  try {
    const data = JSON.parse((await readSmall(directory, CHECK_RECORD)) ?? '') as Partial<Record<keyof CheckRecord, unknown>>
    // The build can write this file: only well-formed hashes may name a store key.
    if (isCommitHash(data.commit) && typeof data.codeHash === 'string' && isStoredCodeHash(data.codeHash)) {
      const inputs = readInputsRecord(data.inputs)
      return {
        commit: data.commit.toLowerCase(),
        codeHash: data.codeHash,
        files: Number(data.files) || 0,
        bytes: Number(data.bytes) || 0,
        ...(inputs && inputs.key === data.codeHash ? { inputs: inputs.inputs } : {})
      }
    }
  } catch {
    // No record of ours: a package directory the original tool's check filled, or none at all.
  }
  return readSeedFiles(directory)
}

/** '' (no code-hash tier) or a code hash as the store's keys hold them: 32 to 64 lower-case hex characters. */
const isStoredCodeHash = (text: string): boolean => text === '' || /^[0-9a-f]{32,64}$/.test(text)

/** `.commit-hash` / `.code-hash` as the original check writes them; undefined without a valid commit. */
async function readSeedFiles(directory: string): Promise<CheckRecord | undefined> {
  const read = async (name: string): Promise<string | undefined> => (await readSmall(directory, name))?.trim()
  const commit = await read(SEED_COMMIT_FILE)
  if (!isCommitHash(commit) || commit !== commit.toLowerCase()) return undefined
  const codeHash = (await read(SEED_CODE_HASH_FILE)) ?? ''
  return { commit, codeHash: isStoredCodeHash(codeHash) ? codeHash : '', files: 0, bytes: 0 }
}

/** Whether check left the `.found` marker: a real file (a symlink planted under that name does not count). */
export async function hasFoundMarker(directory: string): Promise<boolean> {
  return lstat(path.join(directory, FOUND_MARKER)).then(
    (info) => info.isFile(),
    () => false
  )
}

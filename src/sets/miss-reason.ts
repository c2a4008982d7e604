import { READ_LIMITS } from '../constants.js'
import { MissingObjectError, OversizedError } from '../errors.js'
import { readCapped } from '../util/capped-read.js'
import { describeDifference, inertPath, keyDifference, parseInputs, type KeyDifference, type KeyInputs } from '../hashing/set-key.js'
import type { Store } from '../stores/store.js'
import type { BuildKey, MissReason } from './asset-sets.js'
import { codeHashPrefix, newestPointerKey } from './layout.js'
import type { Manifest } from './manifest.js'

/** An object's bytes, at most `limit` of them; undefined when it is missing or larger. */
async function readSmallObject(store: Store, key: string, limit: number): Promise<Buffer | undefined> {
  try {
    return await readCapped(await store.get(key), limit, undefined, store.url(key))
  } catch (error) {
    if (error instanceof MissingObjectError || error instanceof OversizedError) return undefined
    throw error
  }
}

/** The pointer every upload of a code-hash set leaves under its prefix: `{"key":"<code hash>"}`. */
export function newestPointer(key: string): Buffer {
  return Buffer.from(`${JSON.stringify({ key })}\n`)
}

const POINTER_LIMIT = 4096

function readPointer(bytes: Buffer): string | undefined {
  try {
    const key = (JSON.parse(bytes.toString('utf8')) as { key?: unknown }).key
    return typeof key === 'string' && /^[0-9a-f]{32,64}$/.test(key) ? key : undefined
  } catch {
    return undefined
  }
}

/** The key of the newest build under a prefix, from the pointer every upload leaves; undefined if none or unreadable. */
export async function newestBuildKey(store: Store, prefix: string): Promise<string | undefined> {
  const pointer = await readSmallObject(store, newestPointerKey(prefix), POINTER_LIMIT)
  return pointer ? readPointer(pointer) : undefined
}

/**
 * Why the code-hash tier missed: compares the key's inputs with those of the newest build under the same
 * prefix and variant. The pointer every upload leaves at `<prefix>cache/.newest.json` names that build's key;
 * its manifest (read by `readManifest`, so verified as any other) binds the record beside it by size and
 * SHA-256, and the record is read only up to that size and inflated only when its digest matches: with a
 * signing key the comparison is with a set the key holder wrote, and a record nobody signed is never
 * inflated. Without a key, inflation is still capped (hashing/set-key.ts).
 */
export async function explainMiss(
  store: Store,
  prefix: string,
  current: BuildKey,
  readManifest: (setPrefix: string, codeHash: string) => Promise<Manifest | undefined>
): Promise<MissReason> {
  const noEarlier: MissReason = { line: 'no earlier build under this prefix to compare with' }
  if (!current.inputs) return { line: 'no record of what the key was made of' }
  const pointer = await readSmallObject(store, newestPointerKey(prefix), POINTER_LIMIT)
  if (!pointer) return noEarlier
  const newestKey = readPointer(pointer)
  if (!newestKey) return { line: 'the pointer to the newest earlier build is unreadable' }
  if (newestKey === current.key) {
    return {
      line: `the newest build under this prefix has this very key (${current.key.slice(0, 12)}…), but its set is missing or not trusted`
    }
  }
  const compared = await compareWithRecord(store, prefix, newestKey, current.inputs, readManifest)
  if (!compared) return { line: `the newest build under this prefix (${newestKey.slice(0, 12)}…) is gone or its record does not match it` }
  return {
    line: `since the newest build under this prefix (${newestKey.slice(0, 12)}…): ${compared.what}`,
    difference: compared.difference
  }
}

/**
 * Why the commit's own set is not this run's: it was built under another key. What differs comes from the
 * record beside that key's code-hash set, when it is there (read as explainMiss reads it).
 */
export async function explainOtherKey(
  store: Store,
  prefix: string,
  storedKey: string,
  current: BuildKey,
  readManifest: (setPrefix: string, codeHash: string) => Promise<Manifest | undefined>
): Promise<MissReason> {
  const line = `the set stored for this commit was built under another key (${storedKey.slice(0, 12)}…, this run's is ${current.key.slice(0, 12)}…)`
  const compared = current.inputs && (await compareWithRecord(store, prefix, storedKey, current.inputs, readManifest))
  return compared ? { line: `${line}: ${compared.what}`, difference: compared.difference } : { line }
}

/** Compares `current` with the record beside the code-hash set of `key`; undefined when there is no usable record. */
async function compareWithRecord(
  store: Store,
  prefix: string,
  key: string,
  current: KeyInputs,
  readManifest: (setPrefix: string, codeHash: string) => Promise<Manifest | undefined>
): Promise<{ what: string; difference: KeyDifference } | undefined> {
  const setPrefix = codeHashPrefix(prefix, key)
  const manifest = await readManifest(setPrefix, key)
  if (!manifest?.inputs || manifest.inputs.size > READ_LIMITS.inputs) return undefined
  const bytes = await readSmallObject(store, setPrefix + manifest.inputs.path, manifest.inputs.size)
  const earlier = bytes && bytes.length === manifest.inputs.size ? parseInputs(bytes, manifest.inputs.sha256) : undefined
  if (!earlier || earlier.key !== key) return undefined
  const difference = keyDifference(earlier.inputs, current)
  const parts = describeDifference(difference)
  const platform = earlier.inputs.platform !== current.platform ? `; it was built on ${inertPath(earlier.inputs.platform)}` : ''
  return { what: `${parts.length > 0 ? parts.join('; ') : 'the inputs were recorded differently'}${platform}`, difference }
}

import { READ_LIMITS } from '../constants.js'
import { MissingObjectError, OversizedError } from '../errors.js'
import { readCapped } from '../stores/capped-read.js'
import { describeDifference, inertPath, keyDifference, parseInputs } from '../hashing/set-key.js'
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
  const gone: MissReason = {
    line: `the newest build under this prefix (${newestKey.slice(0, 12)}…) is gone or its record does not match it`
  }
  const setPrefix = codeHashPrefix(prefix, newestKey)
  const manifest = await readManifest(setPrefix, newestKey)
  if (!manifest?.inputs || manifest.inputs.size > READ_LIMITS.inputs) return gone
  const bytes = await readSmallObject(store, setPrefix + manifest.inputs.path, manifest.inputs.size)
  const newest = bytes && bytes.length === manifest.inputs.size ? parseInputs(bytes, manifest.inputs.sha256) : undefined
  if (!newest || newest.key !== newestKey) return gone
  const difference = keyDifference(newest.inputs, current.inputs)
  const parts = describeDifference(difference)
  const platform = newest.inputs.platform !== current.inputs.platform ? `; it was built on ${inertPath(newest.inputs.platform)}` : ''
  const what = parts.length > 0 ? parts.join('; ') : 'the inputs were recorded differently'
  return {
    line: `since the newest build under this prefix (${newestKey.slice(0, 12)}…): ${what}${platform}`,
    difference
  }
}

import { createHash } from 'node:crypto'
import { READ_LIMITS } from '../constants.js'
import { MissingObjectError, OversizedError } from '../errors.js'
import { readCapped } from '../stores/capped-read.js'
import { describeDifference, keyDifference, parseInputs } from '../hashing/set-key.js'
import type { Store } from '../stores/store.js'
import type { BuildKey, MissReason } from './asset-sets.js'
import { codeHashPrefix, newestInputsKey } from './layout.js'
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

/**
 * Why the code-hash tier missed: compares the key's inputs with those of the newest build under the same
 * prefix and variant. Costs two reads: the copy of the newest set's inputs record that every upload leaves
 * at `<prefix>cache/.newest-inputs.json.gz`, and that set's manifest (read by `readManifest`, so verified as
 * any other), which binds the record by its SHA-256: with a signing key the comparison is with a set the key
 * holder wrote.
 */
export async function explainMiss(
  store: Store,
  prefix: string,
  current: BuildKey,
  readManifest: (setPrefix: string, codeHash: string) => Promise<Manifest | undefined>
): Promise<MissReason> {
  const noEarlier: MissReason = { line: 'no earlier build under this prefix to compare with' }
  if (!current.inputs) return { line: 'no record of what the key was made of' }
  const bytes = await readSmallObject(store, newestInputsKey(prefix), READ_LIMITS.inputs)
  if (!bytes) return noEarlier
  const newest = parseInputs(bytes)
  if (!newest) return { line: "the newest earlier build's record of its inputs is unreadable" }
  if (newest.key === current.key) {
    return {
      line: `the newest build under this prefix has this very key (${current.key.slice(0, 12)}…), but its set is missing or not trusted`
    }
  }
  const manifest = await readManifest(codeHashPrefix(prefix, newest.key), newest.key)
  const digest = createHash('sha256').update(bytes).digest('hex')
  if (!manifest?.inputs || manifest.inputs.sha256 !== digest) {
    return { line: `the newest build under this prefix (${newest.key.slice(0, 12)}…) is gone or its record does not match it` }
  }
  const difference = keyDifference(newest.inputs, current.inputs)
  const parts = describeDifference(difference)
  const platform = newest.inputs.platform !== current.inputs.platform ? `; it was built on ${newest.inputs.platform}` : ''
  const what = parts.length > 0 ? parts.join('; ') : 'the inputs were recorded differently'
  return {
    line: `since the newest build under this prefix (${newest.key.slice(0, 12)}…): ${what}${platform}`,
    difference
  }
}

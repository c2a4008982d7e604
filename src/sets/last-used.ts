import { LAST_USED_NAME } from '../constants.js'
import type { Store } from '../stores/store.js'

/**
 * A set's last use, kept in a small object beside its manifest (`<set>/.last-used`) so that the manifest
 * and its signature stay untouched. Check writes it on every hit; prune ages a set by the newer of its
 * manifest's `createdAt` and the marker's date in the listing (the JSON body is for people reading it). It only ever delays a deletion, so it needs no signature.
 */
export function lastUsedKey(setPrefix: string): string {
  return `${setPrefix}${LAST_USED_NAME}`
}

export async function recordUse(store: Store, setPrefix: string, now = new Date()): Promise<void> {
  const body = Buffer.from(`${JSON.stringify({ lastUsedAt: now.toISOString() })}\n`)
  await store.put(lastUsedKey(setPrefix), body, { size: body.length, contentType: 'application/json' })
}

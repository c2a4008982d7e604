import { LAST_USED_NAME } from '../constants.js'
import type { Store } from '../stores/store.js'

/**
 * A set's last use, kept in a small object beside its manifest (`<set>/.last-used`) so that the manifest
 * and its signature stay untouched. Check writes it on every hit; prune ages a set by the newer of its
 * manifest's `createdAt` and this. It only ever delays a deletion, so it needs no signature.
 */
export function lastUsedKey(setPrefix: string): string {
  return `${setPrefix}${LAST_USED_NAME}`
}

export async function recordUse(store: Store, setPrefix: string, now = new Date()): Promise<void> {
  const body = Buffer.from(`${JSON.stringify({ lastUsedAt: now.toISOString() })}\n`)
  await store.put(lastUsedKey(setPrefix), body, { size: body.length, contentType: 'application/json' })
}

/** The time a marker holds; undefined when it is not one (prune then goes by the object's own date). */
export function parseLastUsed(text: string): Date | undefined {
  try {
    const value = (JSON.parse(text) as { lastUsedAt?: unknown }).lastUsedAt
    const date = typeof value === 'string' ? new Date(value) : undefined
    return date && !Number.isNaN(date.getTime()) ? date : undefined
  } catch {
    return undefined
  }
}

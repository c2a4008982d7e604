import type { StoredObject } from '../stores/store.js'
import { isSetBookkeeping } from './layout.js'
import { setObjects, type Manifest } from './manifest.js'

/**
 * Whether a stored set still holds the objects its manifest was written for, from one listing of the set
 * (one request per 1,000 objects): every object there, at its size, and — where the manifest recorded one —
 * with the ETag (a directory store's version) it had when written. Another run's objects written over the
 * set (a race this action's claims prevent, or an older version of it) or an object edited or deleted in
 * the store change that. Cheap enough for every hit; bytes themselves are checked when a set is downloaded.
 */
export function setProblem(manifest: Manifest, setPrefix: string, listing: readonly StoredObject[]): string | undefined {
  const listed = new Map(listing.map((object) => [object.key.slice(setPrefix.length), object]))
  const wrong: string[] = []
  for (const object of setObjects(manifest)) {
    const found = listed.get(object.path)
    if (!found || found.size !== object.size || (object.etag !== undefined && found.etag !== undefined && found.etag !== object.etag)) {
      wrong.push(object.path)
    }
  }
  if (wrong.length === 0) return undefined
  const first = wrong.slice(0, 3).join(', ')
  return `${wrong.length} of its ${setObjects(manifest).length} objects are missing or not the ones its manifest was written for (${first}${wrong.length > 3 ? ', …' : ''})`
}

/** Objects under a set that its manifest does not name and that are not the set's own bookkeeping (left by an interrupted or older writer). */
export function strayObjects(manifest: Manifest, setPrefix: string, listing: readonly StoredObject[]): string[] {
  const named = new Set(setObjects(manifest).map((object) => object.path))
  if (manifest.inputs) named.add(manifest.inputs.path)
  return listing
    .map((object) => object.key)
    .filter((key) => {
      const path = key.slice(setPrefix.length)
      return !named.has(path) && !isSetBookkeeping(path)
    })
}

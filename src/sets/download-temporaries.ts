import { randomHex } from '../util/random.js'

let temporaryPart: string | undefined
let temporaryCount = 0

/**
 * Where a downloaded file is written until every file of the set has arrived intact: beside its target, under a
 * name no one can guess ahead (a random part drawn once a process; 6 random bytes a file cost 30 ms over a
 * 1,000-file set) and opened exclusively. A download cut short removes them; one killed outright cannot.
 */
export function temporaryName(target: string): string {
  temporaryPart ??= randomHex(6)
  return `${target}.download-${temporaryPart}-${(temporaryCount++).toString(36)}`
}

const TEMPORARY_SUFFIX = /\.download-[0-9a-f]{12}-[0-9a-z]+$/

/**
 * Whether a file name is one `temporaryName` gives: what a download killed outright (SIGKILL, a runner's
 * timeout) left in the package directory. Never part of a build, and possibly cut short.
 */
export function isDownloadTemporary(name: string): boolean {
  return TEMPORARY_SUFFIX.test(name)
}

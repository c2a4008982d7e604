import { MANIFEST_NAME } from '../constants.js'

/** Where a commit's asset set lives: `<prefix>artifacts/<commit>/`. */
export function commitPrefix(prefix: string, commit: string): string {
  return `${prefix}artifacts/${commit}/`
}

/** Where the same assets live keyed by code hash: `<prefix>cache/<code-hash>/`. */
export function codeHashPrefix(prefix: string, codeHash: string): string {
  return `${prefix}cache/${codeHash}/`
}

export function manifestKey(setPrefix: string): string {
  return `${setPrefix}${MANIFEST_NAME}`
}

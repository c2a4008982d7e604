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

/**
 * The prefix sets live under for a variant: `<prefix>variants/<variant>/`, so variants (platforms, flavours)
 * are kept apart in both tiers and prune keeps its newest sets per variant. No variant: `<prefix>` itself,
 * exactly the original layout.
 */
export function variantPrefix(prefix: string, variant: string): string {
  return variant ? `${prefix}variants/${variant}/` : prefix
}

/** A pointer to the newest code-hash set under a prefix (`{"key":…}`): the build a miss is compared with. */
export function newestPointerKey(prefix: string): string {
  return `${prefix}cache/.newest.json`
}

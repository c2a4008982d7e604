import type { KeyDifference } from '../hashing/set-key.js'
import type { MissReason } from '../sets/asset-sets.js'

/** What a check or upload did, as the outputs and the job summary report it. */
export interface AssetsResult {
  readonly mode: 'check' | 'upload'
  /**
   * check: found (stored already) or missing (build it). upload: uploaded (stored now), already-stored
   * (check found it, or it was there), not-stored (nothing written: another platform's set is there).
   */
  readonly outcome: 'found' | 'missing' | 'uploaded' | 'already-stored' | 'not-stored'
  /** Whether the commit's set is stored at the end of the step. */
  readonly found: boolean
  /** check: where it was found; upload: 'upload' when this step stored it. */
  readonly source: 'commit' | 'cache' | 'upload' | 'none'
  readonly commitHash: string
  readonly codeHash: string
  readonly location: string
  /** A web console page for `location`, where the store has one (AWS S3, Google Cloud Storage). */
  readonly locationUrl?: string
  readonly files: number
  readonly bytes: number
  readonly elapsedMs: number
  /** Sets whose manifest a signing key did not verify: treated as missing. */
  readonly untrusted?: number
  /** One sentence for the log and the summary. */
  readonly message: string
  /** check: why nothing was found (the `miss-reason` output). */
  readonly missReason?: MissReason
  /** upload: what happened to the shared code-hash set. */
  readonly cacheTier?: { readonly written: boolean; readonly reason?: string }
  /** There are signing keys, but this run signed nothing it wrote (an untrusted event): why. */
  readonly unsigned?: string
  /** upload: the build changed files the code hash covers; the set is stored under the key from before the build. */
  readonly drift?: { readonly before: string; readonly after: string; readonly difference?: KeyDifference }
}

/** What the main step of `mode: auto` leaves for its post step. */
export interface AutoState {
  readonly found: boolean
  readonly commit: string
  readonly packageDirectory: string
  /** The code-hash key the main step computed before the build ('' with the tier off). */
  readonly codeHash?: string
  /** Where the main step left what that key was made of (RUNNER_TEMP), so the post step can name what the build changed. */
  readonly inputsFile?: string
  /** That file's SHA-256 when it was written: the post step reads it only if it still matches. */
  readonly inputsSha256?: string
  /** The commit the main step's status went on, when not `commit` (a pull request's head): the post step's goes there too. */
  readonly statusCommit?: string
}

/** Clears the roots of runs that never reached their teardown; returns the ones removed. */
export function removeAbandonedRoots(base: string): string[]
/** Makes this run's root, owned by this process, in SAM_TEST_TMPDIR, /dev/shm (a tmpfs with room) or the OS temp directory. */
export function createTestRoot(base?: string): string
/** Removes the run's root, or keeps it with SAM_KEEP_TEST_FILES=1. */
export function releaseTestRoot(root: string): void

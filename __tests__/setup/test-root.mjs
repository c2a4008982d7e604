// The one directory a test run writes under (repositories, sets, stores, the servers' data: a few GB), removed by
// global teardown so nothing piles up run after run; SAM_KEEP_TEST_FILES=1 keeps it to look at after a failure.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** In each run's root: the pid of the jest process that owns it. */
const OWNER_FILE = '.owner-pid'
/** Files held in memory need at least this much room: a whole run peaked at 1.3 GB here (2026-12-03). */
const MEMORY_ROOM = 4 * 1024 ** 3
const TMPFS_MAGIC = 0x01021994
const A_DAY = 86_400_000

/**
 * Where the run's files go: SAM_TEST_TMPDIR if set; else /dev/shm when it is a tmpfs with room, since the run
 * creates and deletes tens of thousands of small files (s3rver keeps two per object) and a disk file system's
 * journal made that costly (2,000 s3rver requests: 7.8–9.0 s on ext4, 5.3–5.9 s on tmpfs); else the OS temp
 * directory.
 */
function testFilesBase() {
  if (process.env.SAM_TEST_TMPDIR) return process.env.SAM_TEST_TMPDIR
  try {
    const shm = statfsSync('/dev/shm')
    if (shm.type === TMPFS_MAGIC && shm.bavail * shm.bsize >= MEMORY_ROOM) return '/dev/shm'
  } catch {
    // not Linux, or no /dev/shm
  }
  return tmpdir()
}

/** @param {number} pid */
function processAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM'
  }
}

/**
 * Removes the roots of runs that never reached their teardown (a cancelled or killed jest): in memory they would
 * hold RAM until a reboot. A root goes when the process named in it is gone; one without an owner (kept with
 * SAM_KEEP_TEST_FILES, or left by an older run) once it is a day old. A run going on at the same time is left alone.
 */
export function removeAbandonedRoots(base) {
  /** @type {string[]} */
  const removed = []
  for (const name of readdirSync(base)) {
    if (!name.startsWith('sam-tests-')) continue
    const root = path.join(base, name)
    try {
      /** @type {number | undefined} */
      let owner
      try {
        owner = Number(readFileSync(path.join(root, OWNER_FILE), 'utf8'))
      } catch {
        owner = undefined
      }
      const abandoned = owner === undefined ? Date.now() - statSync(root).mtimeMs > A_DAY : !processAlive(owner)
      if (abandoned) {
        rmSync(root, { recursive: true, force: true })
        removed.push(root)
      }
    } catch {
      // another run's clean-up got there first, or not ours to remove
    }
  }
  return removed
}

/** Makes this run's root (owned by this process), after clearing what abandoned runs left in the same place. */
export function createTestRoot(base = testFilesBase()) {
  removeAbandonedRoots(base)
  const root = mkdtempSync(path.join(base, 'sam-tests-'))
  writeFileSync(path.join(root, OWNER_FILE), String(process.pid))
  return root
}

/** Removes the run's root, or keeps it (for a day, then a later run's setup removes it) with SAM_KEEP_TEST_FILES=1. */
export function releaseTestRoot(root) {
  if (process.env.SAM_KEEP_TEST_FILES === '1') {
    rmSync(path.join(root, OWNER_FILE), { force: true })
    console.log(`SAM_KEEP_TEST_FILES: the run's files are kept in ${root}`)
  } else rmSync(root, { recursive: true, force: true, maxRetries: 3 })
}

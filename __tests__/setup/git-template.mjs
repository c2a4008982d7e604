import { execFileSync } from 'node:child_process'
import path from 'node:path'

/**
 * Makes an empty repository in `dir` and returns its .git, the template every test repository is copied from
 * (helpers.ts makeRepo). Global setup makes it once for the whole run (SAM_TEST_GIT_TEMPLATE): each test file has
 * its own module registry, so a template kept in a module variable was made again in every test file that makes a
 * repository (two git processes from a worker of hundreds of MB, for each of 29 files and their moto runs).
 *
 * @param {string} dir
 * @returns {string}
 */
export function makeGitTemplate(dir) {
  execFileSync('git', ['init', '-q', '--template='], { cwd: dir })
  // No `git maintenance run --auto` after every commit in every copy: a process each time, for nothing.
  execFileSync('git', ['config', 'maintenance.auto', 'false'], { cwd: dir })
  return path.join(dir, '.git')
}

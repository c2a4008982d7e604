import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { tempDir } from '../support/helpers.js'
import { removeAbandonedRoots } from './test-root.mjs'

describe("the test run's temp root", () => {
  it('clears roots whose jest is gone or that were kept a day ago, and leaves a running twin alone', () => {
    const base = tempDir('roots')
    const root = (name: string, owner?: number, ageMs = 0): string => {
      const dir = path.join(base, `sam-tests-${name}`)
      mkdirSync(path.join(dir, 'repo'), { recursive: true })
      writeFileSync(path.join(dir, 'repo', 'file'), 'x')
      if (owner !== undefined) writeFileSync(path.join(dir, '.owner-pid'), String(owner))
      const when = (Date.now() - ageMs) / 1000
      utimesSync(dir, when, when)
      return dir
    }
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!
    const killed = root('killed', gone)
    const running = root('running', process.pid)
    const keptLongAgo = root('kept-long-ago', undefined, 2 * 86_400_000)
    const keptNow = root('kept-now')
    const other = path.join(base, 'not-ours')
    mkdirSync(other)

    expect(removeAbandonedRoots(base).sort()).toEqual([keptLongAgo, killed].sort())
    expect([killed, running, keptLongAgo, keptNow, other].map(existsSync)).toEqual([false, true, false, true, true])
  })
})

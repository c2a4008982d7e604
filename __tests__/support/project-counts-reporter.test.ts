// The end-of-run lines CI logs carry: counts per project (jest's own summary does not tell s3rver from moto) and
// where the time went, the figures the test-time goal is judged by.
import { describe, expect, it } from '@jest/globals'
import { createRequire } from 'node:module'
import path from 'node:path'

type Reporter = {
  onTestResult(test: unknown, result: unknown): void
  onRunComplete(): void
}
const require = createRequire(import.meta.url)
const Reporter = require('./project-counts-reporter.cjs') as new (config: { rootDir: string }) => Reporter

const root = '/repo'
const test = (project: string, file: string) => ({ path: path.join(root, file), context: { config: { displayName: { name: project } } } })
const result = (passed: number, failed: number, seconds?: number) => ({
  numPassingTests: passed,
  numFailingTests: failed,
  testResults: Array.from({ length: passed + failed }, () => ({})),
  perfStats: seconds === undefined ? {} : { start: 1_000_000, end: 1_000_000 + seconds * 1000 }
})

function printed(feed: (reporter: Reporter) => void): string {
  const reporter = new Reporter({ rootDir: root })
  feed(reporter)
  const written: string[] = []
  const write = process.stderr.write
  process.stderr.write = ((text: string) => written.push(text) > 0) as typeof process.stderr.write
  try {
    reporter.onRunComplete()
  } finally {
    process.stderr.write = write
  }
  return written.join('')
}

describe('the end-of-run summary', () => {
  it('counts per project and sums each project’s file time', () => {
    const text = printed((reporter) => {
      reporter.onTestResult(test('s3rver', '__tests__/a.test.ts'), result(3, 1, 2.25))
      reporter.onTestResult(test('moto', '__tests__/a.test.ts'), result(4, 0, 1))
      reporter.onTestResult(test('s3rver', '__tests__/b.test.ts'), result(2, 0, 0.5))
    })
    expect(text.split('\n')[0]).toBe(
      'Per project: s3rver 5 passed, 1 failed, 2.8 s of file time; moto 4 passed, 0 failed, 1.0 s of file time'
    )
  })

  it('names the ten slowest files, slowest first, with their project and number of tests', () => {
    const text = printed((reporter) => {
      for (let i = 1; i <= 12; i++) reporter.onTestResult(test(i % 2 ? 's3rver' : 'moto', `__tests__/f${i}.test.ts`), result(i, 0, i))
    })
    const lines = text.trimEnd().split('\n')
    expect(lines[1]).toBe('Slowest files:')
    expect(lines.slice(2)).toHaveLength(10)
    expect(lines[2]).toBe('   12.0 s   12 tests  moto  __tests__/f12.test.ts')
    expect(lines[3]).toBe('   11.0 s   11 tests  s3rver  __tests__/f11.test.ts')
    expect(lines.at(-1)).toBe('    3.0 s    3 tests  s3rver  __tests__/f3.test.ts')
  })

  it('counts a file jest gave no times for (it failed to load) as taking none', () => {
    const text = printed((reporter) => reporter.onTestResult(test('s3rver', '__tests__/broken.test.ts'), result(0, 1)))
    expect(text).toContain('s3rver 0 passed, 1 failed, 0.0 s of file time')
    expect(text).toContain('    0.0 s    1 test   s3rver  __tests__/broken.test.ts')
  })
})

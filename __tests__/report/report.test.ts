import type { AssetsResult } from '../../src/modes/result.js'
import { assetsReport, summaryRows } from '../../src/report/assets-report.js'
import { formatBytes, Progress } from '../../src/util/progress.js'

const base: AssetsResult = {
  mode: 'check',
  outcome: 'found',
  found: true,
  source: 'cache',
  commitHash: 'c'.repeat(40),
  codeHash: '3f9a1c2b'.padEnd(64, '0'),
  location: 's3://b/artifacts/ccc/',
  files: 12,
  bytes: 3 * 1024 * 1024,
  elapsedMs: 1530,
  message: 'Found.'
}

describe('reports', () => {
  it.each<[Partial<AssetsResult>, 'success' | 'pending', string]>([
    [{}, 'success', 'assets found in cache (code hash 3f9a1c2b…), 12 files'],
    [{ source: 'commit' }, 'success', 'assets found for this commit, 12 files'],
    [{ outcome: 'missing', found: false, source: 'none' }, 'pending', 'assets not found — build needed'],
    [{ mode: 'upload', outcome: 'uploaded', found: false, source: 'none' }, 'success', 'assets uploaded, 12 files (3.0 MiB)'],
    [{ mode: 'upload', outcome: 'already-stored' }, 'success', 'assets already stored']
  ])('status for %j', (change, state, description) => {
    const report = assetsReport({ ...base, ...change }, 'web')
    expect(report).toMatchObject({ state, description, commit: base.commitHash })
    expect(report.markdown).toContain('#### S3 Asset Manager · `web`')
  })

  it('has readable summary rows, no raw JSON', () => {
    expect(summaryRows(base)).toEqual([
      ['Outcome', '✅ found'],
      ['Source', 'code-hash cache (copied to this commit)'],
      ['Commit', `\`${'c'.repeat(40)}\``],
      ['Code hash', `\`${base.codeHash}\``],
      ['Files', '12'],
      ['Size', '3.0 MiB'],
      ['Location', '`s3://b/artifacts/ccc/`'],
      ['Time', '1.5 s']
    ])
    expect(summaryRows({ ...base, codeHash: '' })[3]).toEqual(['Code hash', '— (tier off)'])
  })

  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KiB'],
    [5 * 1024 * 1024, '5.0 MiB'],
    [3 * 1024 ** 3, '3.00 GiB']
  ])('formatBytes(%d) = %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text)
  })

  it('logs progress at most once per interval and always a closing line', () => {
    const lines: string[] = []
    const progress = new Progress('Uploaded:', 4, 400, 60_000, (line) => lines.push(line))
    for (let i = 0; i < 4; i++) progress.add(1, 100)
    progress.finish()
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^Uploaded: 4 files, 400 B in \d+\.\d s/)

    const chatty: string[] = []
    const every = new Progress('Copied:', 3, 300, 0, (line) => chatty.push(line))
    for (let i = 0; i < 3; i++) every.add(1, 100)
    every.finish()
    expect(chatty.slice(0, 2)).toEqual([
      expect.stringMatching(/^Copied: 1\/3 files, 100 B of 300 B/),
      expect.stringMatching(/^Copied: 2\/3 files/)
    ])
    expect(chatty).toHaveLength(3)
  })

  it('one large file alone still shows progress on time, in words that do not read as finished', async () => {
    const lines: string[] = []
    const progress = new Progress({ doing: 'Uploading to s3://b/x/:', done: 'Uploaded to s3://b/x/:' }, 1, 1000, 40, (line) =>
      lines.push(line)
    )
    const stream = { passed: 0 }
    const unwatch = progress.watch(stream)
    for (let i = 1; i <= 5; i++) {
      stream.passed = i * 100
      await new Promise((resolve) => setTimeout(resolve, 45))
    }
    unwatch()
    progress.add(1, 1000)
    progress.finish()
    const running = lines.slice(0, -1)
    expect(running.length).toBeGreaterThanOrEqual(3) // no file completed meanwhile, yet lines came
    expect(running.every((line) => line.startsWith('Uploading to s3://b/x/: 0/1 files, '))).toBe(true)
    expect(running.at(-1)).toMatch(/0\/1 files, [1-5]00 B of 1000 B/)
    expect(lines.at(-1)).toMatch(/^Uploaded to s3:\/\/b\/x\/: 1 file, 1000 B in /)
  })
})

// Proof under faults: the store answers 500 / 503 SlowDown, connections reset mid-request and mid-response,
// bodies arrive cut short or corrupted. Upload ends with a complete, byte-identical set or fails with no
// manifest; download fails and leaves nothing under a final name. Through dist/index.js, with
// support/fault-proxy.ts between the action and s3rver.
import { jest } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { startFaultProxy, type Fault } from '../support/fault-proxy.js'
import { endpoint, makeRepo, runAction, s3Inputs, tempDir, uniquePrefix, writeFiles } from '../support/helpers.js'
import { listKeys, outsideClient, readObject } from '../support/outside-client.js'

const client = outsideClient()
afterAll(() => client.destroy())

// The SDK's retry jitter pinned low (it waits random() × 1 s × 2^n after a SlowDown): the faults are still the
// seed's, each retried as in production, without seconds of sleep between them.
const jitter = jest.spyOn(Math, 'random').mockReturnValue(0.05)
afterAll(() => jitter.mockRestore())

/** 40 small files and one 18 MiB file (sent as a multipart upload). */
function packageDir(): { dir: string; files: Record<string, Buffer> } {
  const dir = tempDir('pkg')
  const files: Record<string, Buffer> = {}
  for (let i = 0; i < 40; i++) files[`group${i % 4}/file${i}.bin`] = randomBytes(1024 + i * 997)
  files['big.bin'] = randomBytes(18 * 1024 * 1024)
  writeFiles(dir, files)
  return { dir, files }
}

const UPLOAD_FAULTS: Fault[] = ['500', '503-slowdown', 'reset-request', 'reset-response', 'delay']

describe('upload under injected faults', () => {
  const pkg = packageDir()
  const repo = makeRepo({ 'src/a.js': 'a' })

  async function uploadThrough(proxyUrl: string, prefix: string) {
    return runAction({
      inputs: {
        ...s3Inputs(prefix),
        endpoint: proxyUrl,
        mode: 'upload',
        'repo-path': repo.dir,
        'package-directory': pkg.dir,
        concurrency: '8'
      }
    })
  }

  async function assertWholeOrNothing(code: number, prefix: string): Promise<'complete' | 'failed'> {
    const setPrefix = `${prefix}artifacts/${repo.commit}/`
    const manifest = await readObject(client, `${setPrefix}.manifest.json`)
    if (code !== 0) {
      expect(manifest).toBeUndefined()
      return 'failed'
    }
    expect(manifest).toBeDefined()
    const listed = JSON.parse(manifest!.toString())
      .files.map((f: { path: string }) => f.path)
      .sort()
    expect(listed).toEqual(Object.keys(pkg.files).sort())
    for (const [name, bytes] of Object.entries(pkg.files)) {
      expect((await readObject(client, setPrefix + name))!.equals(bytes)).toBe(true)
    }
    return 'complete'
  }

  it.each([1, 2, 3, 4])('10%% faults (seed %i): a complete, byte-identical set, or a failure with no manifest', async (seed) => {
    const proxy = await startFaultProxy({ target: endpoint(), rate: 0.1, faults: UPLOAD_FAULTS, seed })
    try {
      const prefix = uniquePrefix(`faults${seed}`)
      const run = await uploadThrough(proxy.url, prefix)
      const outcome = await assertWholeOrNothing(run.code, prefix)
      if (outcome !== 'complete') console.log(run.stdout.slice(-3000))
      const injected = Object.entries(proxy.injected)
        .filter(([name]) => name !== 'requests')
        .reduce((n, [, count]) => n + count, 0)
      expect(injected).toBeGreaterThan(0)
      // The SDK retries each request up to 5 times: at 10 % the upload is expected to get through.
      expect(outcome).toBe('complete')
    } finally {
      await proxy.close()
    }
  })

  it('a store that keeps failing makes upload fail non-zero with no manifest written', async () => {
    const proxy = await startFaultProxy({ target: endpoint(), rate: 0.6, faults: ['500', 'reset-request'], seed: 7 })
    try {
      const prefix = uniquePrefix('faults-hard')
      const run = await uploadThrough(proxy.url, prefix)
      expect(run.code).toBe(1)
      expect(run.outputs.found).toBe('false')
      expect(await assertWholeOrNothing(run.code, prefix)).toBe('failed')
    } finally {
      await proxy.close()
    }
  })
})

describe('download under injected faults', () => {
  const pkg = packageDir()
  const repo = makeRepo({ 'src/a.js': 'a' })
  const prefix = uniquePrefix('dl-faults')

  beforeAll(async () => {
    const run = await runAction({ inputs: { ...s3Inputs(prefix), mode: 'upload', 'repo-path': repo.dir, 'package-directory': pkg.dir } })
    expect(run.code).toBe(0)
  })

  it.each(['truncate', 'corrupt', 'reset-response'] as const)(
    'a %s object body is not found (a miss, or a failed step when the store cannot be read) and leaves no file under its final name',
    async (fault) => {
      const proxy = await startFaultProxy({
        target: endpoint(),
        rate: 1,
        faults: [fault],
        applies: (request) => request.method === 'GET' && request.url!.includes('big.bin')
      })
      try {
        const out = tempDir('deploy')
        const run = await runAction({
          inputs: {
            ...s3Inputs(prefix),
            endpoint: proxy.url,
            mode: 'check',
            'repo-path': repo.dir,
            'package-directory': out,
            download: 'true'
          }
        })
        // Bytes that arrive wrong are a set that does not match its manifest: a miss, so the build runs. A body
        // that never arrives whole is the store failing: the step fails. Either way nothing is kept.
        if (fault === 'corrupt') expect(run.code).toBe(0)
        else expect([0, 1]).toContain(run.code)
        expect(run.outputs.found).toBe('false')
        const left = readdirSync(out, { recursive: true, withFileTypes: true }).filter(
          (entry) => entry.isFile() && !entry.name.startsWith('.')
        )
        expect(left.map((entry) => entry.name)).toEqual([])
      } finally {
        await proxy.close()
      }
    }
  )

  it('a manifest read cut short once is retried, and the download then completes', async () => {
    let cut = 0
    const proxy = await startFaultProxy({
      target: endpoint(),
      rate: 1,
      faults: ['truncate'],
      applies: (request) => request.url!.includes('.manifest.json') && cut++ === 0
    })
    try {
      const out = tempDir('deploy')
      const run = await runAction({
        inputs: {
          ...s3Inputs(prefix),
          endpoint: proxy.url,
          mode: 'check',
          'repo-path': repo.dir,
          'package-directory': out,
          download: 'true'
        }
      })
      expect(proxy.injected.truncate).toBe(1)
      expect(run.code).toBe(0)
      expect(run.outputs).toMatchObject({ found: 'true', files: '41' })
      expect(readFileSync(path.join(out, 'big.bin')).equals(pkg.files['big.bin']!)).toBe(true)
      // 41 files, the manifest, and the .last-used marker the hit wrote.
      expect(await listKeys(client, `${prefix}artifacts/${repo.commit}/`)).toHaveLength(43)
    } finally {
      await proxy.close()
    }
  })
})

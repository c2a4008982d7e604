// Promotion checks a server-side copy against the manifest where the store reports the copy's SHA-256 (AWS
// computes one when CopyObject asks for ChecksumAlgorithm SHA256). s3rver returns no checksums, so a local
// store that reports the SHA-256 of what it copied stands in for AWS here.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { findOrPromote } from '../../src/sets/object-sets.js'
import { publish } from '../../src/sets/object-publish.js'
import { LocalStore } from '../../src/stores/local.js'
import { fullObjectSha256 } from '../../src/stores/s3.js'
import type { CopyResult } from '../../src/stores/store.js'
import { OPEN_POLICY, tempDir, writeFiles } from '../support/helpers.js'

class ReportingStore extends LocalStore {
  constructor(private readonly dir: string) {
    super(dir)
  }
  override async copy(source: string, target: string): Promise<CopyResult> {
    await super.copy(source, target)
    const bytes = readFileSync(path.join(this.dir, ...target.split('/')))
    return { sha256: createHash('sha256').update(bytes).digest('hex') }
  }
}

describe('promotion verifies reported copy checksums', () => {
  const commitA = 'a'.repeat(40)
  const commitB = 'b'.repeat(40)

  async function seeded(): Promise<{ store: ReportingStore; root: string }> {
    const root = tempDir('store')
    const store = new ReportingStore(root)
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'app.js': 'good bytes' })
    await publish(
      store,
      { prefix: '', commit: commitA, codeHash: 'h1', directory: pkg, concurrency: 2, platform: 'linux-x64' },
      OPEN_POLICY
    )
    return { store, root }
  }

  it('promotes when the reported SHA-256 matches', async () => {
    const { store } = await seeded()
    const found = await findOrPromote(
      store,
      { prefix: '', commit: commitB, codeHash: async () => ({ key: 'h1' }), concurrency: 2, platform: 'linux-x64', crossPlatform: false },
      OPEN_POLICY
    )
    expect(found).toMatchObject({ found: true, source: 'cache' })
  })

  it('treats a swapped source object as a miss and writes no commit manifest', async () => {
    const { store, root } = await seeded()
    writeFiles(root, { 'cache/h1/app.js': 'evil bytes' })
    const found = await findOrPromote(
      store,
      { prefix: '', commit: commitB, codeHash: async () => ({ key: 'h1' }), concurrency: 2, platform: 'linux-x64', crossPlatform: false },
      OPEN_POLICY
    )
    expect(found).toMatchObject({ found: false, codeHash: 'h1' })
    expect(await store.readText(`artifacts/${commitB}/.manifest.json`, 1 << 20)).toBeUndefined()
  })

  it.each([
    [Buffer.alloc(32, 1).toString('base64'), '01'.repeat(32)],
    ['abc-3', undefined],
    [undefined, undefined],
    [Buffer.alloc(20).toString('base64'), undefined]
  ])('reads S3 checksum %j as %j', (reported, hex) => {
    expect(fullObjectSha256(reported)).toBe(hex)
  })
})

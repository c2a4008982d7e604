// Why a code-hash lookup missed is read from what the newest build left in the store, which anyone who can
// write the store can replace. A gzip bomb there must cost every later miss nothing: its binding to a signed
// manifest is checked before it is inflated, and inflating is capped anyway (trust, third pass, item 7).
import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { explainMiss, newestPointer } from '../../src/sets/miss-reason.js'
import { readManifest } from '../../src/sets/object-sets.js'
import { buildManifest, INPUTS_NAME, serializeManifest } from '../../src/sets/manifest.js'
import { codeHashPrefix, newestPointerKey } from '../../src/sets/layout.js'
import { LocalStore } from '../../src/stores/local.js'
import type { KeyInputs } from '../../src/hashing/set-key.js'
import type { SetPolicy } from '../../src/sets/asset-sets.js'
import { NO_KEYS } from '../../src/sets/signing.js'
import { tempDir } from '../support/helpers.js'

const KEY = { keys: ['key-m-0123456789abcdef0123456789'] }
const current: KeyInputs = { filesHash: 'c'.repeat(64), files: [{ path: 'src/a.js', id: '1'.repeat(40) }], env: {}, platform: 'linux-x64' }
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

/** 64 MiB of zeros gzipped: about 64 KB that would inflate a thousandfold. */
const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 })

async function storeWithNewest(policy: SetPolicy, record: Buffer, bound: Buffer): Promise<{ store: LocalStore; key: string }> {
  const store = new LocalStore(tempDir('store'))
  const key = 'b'.repeat(64)
  const set = codeHashPrefix('', key)
  const manifest = buildManifest({
    commit: 'a'.repeat(40),
    codeHash: key,
    source: 'upload',
    files: [],
    inputs: { path: INPUTS_NAME, size: bound.length, sha256: sha256(bound) }
  })
  const text = Buffer.from(serializeManifest(manifest, set, policy.signing))
  await store.put(`${set}.manifest.json`, text, { size: text.length, contentType: 'application/json' })
  await store.put(set + INPUTS_NAME, record, { size: record.length, contentType: 'application/gzip' })
  const pointer = newestPointer(key)
  await store.put(newestPointerKey(''), pointer, { size: pointer.length, contentType: 'application/json' })
  return { store, key }
}

async function explain(store: LocalStore, policy: SetPolicy): Promise<{ line: string; ms: number; grewMb: number }> {
  const before = process.memoryUsage()
  const started = Date.now()
  const reason = await explainMiss(store, '', { key: 'f'.repeat(64), inputs: current }, (setPrefix, codeHash) =>
    readManifest(store, setPrefix, policy, { codeHash })
  )
  const after = process.memoryUsage()
  const grew = after.heapUsed + after.external + after.arrayBuffers - (before.heapUsed + before.external + before.arrayBuffers)
  return { line: reason.line, ms: Date.now() - started, grewMb: grew / 1024 / 1024 }
}

describe('explaining a miss reads nothing unbounded', () => {
  it('with a signing key, a record that is not the one the signed manifest binds is never inflated', async () => {
    const policy: SetPolicy = { signing: KEY, cacheWrite: { allowed: true, reason: '' } }
    const genuine = gzipSync(JSON.stringify({ version: 1, key: 'b'.repeat(64), filesHash: 'd'.repeat(64), env: {}, files: [] }))
    const { store } = await storeWithNewest(policy, bomb, genuine)
    const { line, ms } = await explain(store, policy)
    expect(line).toContain('is gone or its record does not match it')
    expect(ms).toBeLessThan(1000)
  })

  it('without a key, the bomb the manifest names is inflated at most 16 times its size: under 1 s and 100 MB', async () => {
    const policy: SetPolicy = { signing: NO_KEYS, cacheWrite: { allowed: true, reason: '' } }
    const { store } = await storeWithNewest(policy, bomb, bomb)
    const { line, ms, grewMb } = await explain(store, policy)
    expect(line).toContain('is gone or its record does not match it')
    expect(ms).toBeLessThan(1000)
    expect(grewMb).toBeLessThan(100)
  })

  it('a genuine record explains the miss', async () => {
    const policy: SetPolicy = { signing: KEY, cacheWrite: { allowed: true, reason: '' } }
    const record = gzipSync(
      JSON.stringify({
        version: 1,
        key: 'b'.repeat(64),
        filesHash: 'd'.repeat(64),
        env: {},
        files: [['src/a.js', '2'.repeat(40)]],
        platform: 'linux-x64'
      })
    )
    const { store } = await storeWithNewest(policy, record, record)
    expect((await explain(store, policy)).line).toContain('1 file changed (src/a.js)')
  })
})

// Runs that store the same set at the same moment (issue "many runs at once"): each holds the set's claim
// (src/sets/claims.ts) while it writes, so the set that stands is one writer's, whole; the others say another
// run stored it first. A set whose objects are not its manifest's is a miss the next upload replaces. On every
// store flavour: a directory, s3rver (which ignores conditional headers) and moto (which honours them).
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { StoreSettings } from '../../src/settings/types.js'
import { createStore } from '../../src/stores/index.js'
import type { Store } from '../../src/stores/store.js'
import { inspectSet } from '../../src/sets/object-sets.js'
import { ObjectAssetSets } from '../../src/sets/object-asset-sets.js'
import { publish } from '../../src/sets/object-publish.js'
import { commitPrefix } from '../../src/sets/layout.js'
import type { PublishRequest } from '../../src/sets/asset-sets.js'
import { downloadSet } from '../../src/sets/download.js'
import { claimSet } from '../../src/sets/claims.js'
import { describeOnce, OPEN_POLICY, s3Settings, s3Server, tempDir, uniquePrefix, writeFiles } from '../support/helpers.js'

const COMMIT = 'c'.repeat(40)

/** The directory store cannot depend on the S3 server: it runs once, in the s3rver project. */
function flavours(): [string, () => StoreSettings][] {
  const local: [string, () => StoreSettings] = [
    'a local directory',
    () => ({ kind: 'local', root: tempDir('store'), prefix: uniquePrefix('race') })
  ]
  const s3: [string, () => StoreSettings] = [`S3 (${s3Server()})`, () => s3Settings(uniquePrefix('race'))]
  return s3Server() === 's3rver' ? [local, s3] : [s3]
}

/** A package directory whose files all carry `tag`, so a mixed set shows. */
function build(tag: string, files = 12): string {
  const dir = tempDir(`pkg-${tag}`)
  writeFiles(dir, Object.fromEntries(Array.from({ length: files }, (_, i) => [`f${i}.txt`, `${tag} ${i}\n`])))
  return dir
}

function request(prefix: string, directory: string, codeHash = ''): PublishRequest {
  return { prefix, commit: COMMIT, codeHash, platform: 'linux-x64', directory, concurrency: 4 }
}

describe.each(flavours())('racing writers on %s', (_name, settingsOf) => {
  let settings: StoreSettings
  let store: Store
  beforeEach(async () => {
    settings = settingsOf()
    store = await createStore(settings, 8)
  })
  afterEach(() => store.close())

  it('four uploads of one commit at once, each with other bytes: one set stands, whole; the others stored nothing', async () => {
    const tags = ['a', 'b', 'c', 'd']
    const results = await Promise.all(tags.map((tag) => publish(store, request(settings.prefix, build(tag)), OPEN_POLICY)))
    expect(results.filter((result) => result.by === 'this-run')).toHaveLength(1)
    expect(results.filter((result) => result.by === 'another-run')).toHaveLength(3)
    const set = commitPrefix(settings.prefix, COMMIT)
    const state = await inspectSet(store, set, OPEN_POLICY, { commit: COMMIT })
    if (state.state !== 'whole') throw new Error(`the set is ${state.state}`)
    // Downloaded and checked byte by byte: every file is the winner's.
    const out = tempDir('out')
    await downloadSet(store, set, state.manifest, out, 4)
    const winner = readFileSync(path.join(out, 'f0.txt'), 'utf8').split(' ')[0]!
    for (let i = 0; i < 12; i++) expect(readFileSync(path.join(out, `f${i}.txt`), 'utf8')).toBe(`${winner} ${i}\n`)
    // Nothing of a claim is left once every run let go.
    expect((await store.list(`${set}.claims/`)).map((object) => object.key)).toEqual([])
  })

  it('the same code hash from two commits at once: the shared set is written once, whole', async () => {
    const codeHash = 'e'.repeat(64)
    const [first, second] = await Promise.all(
      ['x', 'y'].map((tag, i) =>
        publish(store, { ...request(settings.prefix, build(tag), codeHash), commit: String(i + 1).repeat(40) }, OPEN_POLICY)
      )
    )
    expect(first!.by).toBe('this-run')
    expect(second!.by).toBe('this-run')
    const cached = await inspectSet(store, `${settings.prefix}cache/${codeHash}/`, OPEN_POLICY, { codeHash })
    expect(cached.state).toBe('whole')
  })

  it('a set whose objects were overwritten is broken: stored() says so, and the next upload replaces it', async () => {
    const sets = new ObjectAssetSets(store, OPEN_POLICY)
    await publish(store, request(settings.prefix, build('old')), OPEN_POLICY)
    const set = commitPrefix(settings.prefix, COMMIT)
    const other = Buffer.from('another writer 3\n')
    await store.put(`${set}f3.txt`, other, { size: other.length, contentType: 'text/plain' })
    const stored = await sets.stored(settings.prefix, COMMIT)
    expect(stored).toEqual({
      broken: expect.stringContaining('1 of its 12 objects are missing or not the ones its manifest was written for (f3.txt)')
    })
    const replaced = await publish(store, request(settings.prefix, build('new', 11)), OPEN_POLICY)
    expect(replaced).toMatchObject({ by: 'this-run', replaced: expect.stringContaining('f3.txt') })
    expect(await inspectSet(store, set, OPEN_POLICY, { commit: COMMIT })).toMatchObject({ state: 'whole' })
    // What the old set had and the new one does not name is gone.
    expect((await store.list(set)).map((object) => object.key.slice(set.length)).filter((key) => key === 'f11.txt')).toEqual([])
  })

  it('a role that may not delete releases its claim by a marker, and the next run is not held up', async () => {
    const noDeletes: Store = Object.assign(Object.create(store) as Store, {
      deleteMany: () => Promise.reject(new Error('AccessDenied')),
      delete: () => Promise.reject(new Error('AccessDenied'))
    })
    await publish(noDeletes, request(settings.prefix, build('one')), OPEN_POLICY)
    const set = commitPrefix(settings.prefix, COMMIT)
    const claims = (await store.list(`${set}.claims/`)).map((object) => object.key.slice(`${set}.claims/`.length).slice(0, 2))
    expect(claims.sort()).toEqual(['c-', 'r-', 't-'])
    // A released claim holds nobody up, though its ticket is still there (the lease is a minute).
    const started = Date.now()
    const next = await claimSet(noDeletes, set, { what: 'the set', storedMeanwhile: async () => false })
    expect(Date.now() - started).toBeLessThan(5000)
    expect('held' in next).toBe(true)
    if ('held' in next) await next.held.release()
  })

  it('a ticket stored by a request that then failed (cut short) is deleted on the way out', async () => {
    const set = commitPrefix(settings.prefix, COMMIT)
    // The server stored the ticket, but its answer never came (the run was cancelled mid-request).
    const cutShort: Store = Object.assign(Object.create(store) as Store, {
      put: async (...args: Parameters<Store['put']>) => {
        const result = await store.put(...args)
        if (args[0].includes('/t-')) throw new Error('The operation was aborted')
        return result
      }
    })
    await expect(claimSet(cutShort, set, { what: 'the set', storedMeanwhile: async () => false })).rejects.toThrow('aborted')
    expect(await store.list(`${set}.claims/`)).toEqual([])
  })

  it('a renewal still in flight when the claim is released does not bring the ticket back', async () => {
    process.env.SAM_CLAIM_LEASE_SECONDS = '0.2' // renews every 50 ms
    try {
      const set = commitPrefix(settings.prefix, COMMIT)
      let renewalsStarted = 0
      const slowRenewals: Store = Object.assign(Object.create(store) as Store, {
        put: async (...args: Parameters<Store['put']>) => {
          if (args[0].includes('/t-') && ++renewalsStarted > 1) await new Promise((resolve) => setTimeout(resolve, 150))
          return store.put(...args)
        }
      })
      const claim = await claimSet(slowRenewals, set, { what: 'the set', storedMeanwhile: async () => false })
      if (!('held' in claim)) throw new Error('not held')
      while (renewalsStarted < 2) await new Promise((resolve) => setTimeout(resolve, 10))
      await claim.held.release()
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(await store.list(`${set}.claims/`)).toEqual([])
    } finally {
      delete process.env.SAM_CLAIM_LEASE_SECONDS
    }
  })

  it('a claim its run stopped renewing (killed) is passed over after the lease', async () => {
    process.env.SAM_CLAIM_LEASE_SECONDS = '1'
    try {
      const set = commitPrefix(settings.prefix, COMMIT)
      const dead = Buffer.from('{"id":"0123456789abcdef","run":{"id":"41","workflow":"build","actor":"someone"}}\n')
      await store.put(`${set}.claims/t-000000000001-0123456789abcdef`, dead, { size: dead.length, contentType: 'application/json' })
      const started = Date.now()
      const result = await publish(store, request(settings.prefix, build('after')), OPEN_POLICY)
      expect(result.by).toBe('this-run')
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
      expect(await inspectSet(store, set, OPEN_POLICY, { commit: COMMIT })).toMatchObject({ state: 'whole' })
    } finally {
      delete process.env.SAM_CLAIM_LEASE_SECONDS
    }
  })
})

describeOnce('a set that does not match its manifest', () => {
  it('is found broken from one listing, by size or ETag, without reading any object', async () => {
    const store = await createStore({ kind: 'local', root: tempDir('store'), prefix: '' }, 4)
    await publish(store, request('', build('v', 3)), OPEN_POLICY)
    const set = commitPrefix('', COMMIT)
    const same = Buffer.from('v 1\n')
    // Same size, same bytes, written again: the object is not the one the manifest was written for.
    await store.put(`${set}f1.txt`, same, {
      size: same.length,
      contentType: 'text/plain',
      sha256: createHash('sha256').update(same).digest('hex')
    })
    const state = await inspectSet(store, set, OPEN_POLICY, { commit: COMMIT })
    expect(state).toMatchObject({ state: 'broken', problem: expect.stringContaining('(f1.txt)') })
  })
})

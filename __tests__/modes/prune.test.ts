// Retention: prune against real s3rver and real local directories. Ages are set by writing manifests with
// an old createdAt directly (a `.last-used` marker counts by its date in the listing, i.e. when written); s3rver stamps every object with the time it was
// written, so objects left without a manifest are aged either by backdating files of the local store
// (utimes) or by running prune with a later clock (`now`), never by faking the store.
import { NO_KEYS } from '../../src/sets/signing.js'
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { groupSets } from '../../src/retention/inventory.js'
import { decide, type SetDates } from '../../src/retention/rules.js'
import { check } from '../../src/modes/check.js'
import { prune } from '../../src/modes/prune.js'
import type { Settings, StoreSettings } from '../../src/settings/types.js'
import { lastUsedKey } from '../../src/sets/last-used.js'
import { buildManifest, serializeManifest } from '../../src/sets/manifest.js'
import { createAssetSets } from '../../src/sets/index.js'
import { createStore } from '../../src/stores/index.js'
import type { Store, StoredObject } from '../../src/stores/store.js'
import { startFaultProxy } from '../support/fault-proxy.js'
import { s3rverSeeder, type SeedObject } from '../support/s3rver-seed.js'
import {
  endpoint,
  makeRepo,
  recordingServer,
  runAction,
  s3Inputs,
  s3Settings,
  tempDir,
  testSettings,
  uniquePrefix
} from '../support/helpers.js'
import { listKeys, outsideClient } from '../support/outside-client.js'

const DAY = 86_400_000
const daysAgo = (days: number): Date => new Date(Date.now() - days * DAY)
const sha = (label: string, length = 40): string => createHash('sha256').update(label).digest('hex').slice(0, length)

const client = outsideClient()
afterAll(() => client.destroy())

interface PlantOptions {
  readonly createdAt?: Date
  readonly lastUsedAt?: Date
  readonly files?: number
  /** false: objects only, as an unfinished upload leaves them. */
  readonly manifest?: boolean
}

/** A set's objects: its files, then (unless told not to) its manifest with the given createdAt and a use marker. */
function setObjects(root: string, options: PlantOptions): { files: SeedObject[]; after: SeedObject[] } {
  const files = Array.from({ length: options.files ?? 3 }, (_, i) => ({
    key: `${root}f${i}.txt`,
    body: Buffer.from(`${root} file ${i}\n`),
    contentType: 'text/plain'
  }))
  if (options.manifest === false) return { files, after: [] }
  const id = root.split('/').at(-2)!
  const entries = files.map(({ key, body }) => ({
    path: key.slice(root.length),
    size: body.length,
    sha256: createHash('sha256').update(body).digest('hex')
  }))
  const manifest = buildManifest(
    { commit: id.slice(0, 40), codeHash: '', source: 'upload', files: entries },
    options.createdAt ?? new Date()
  )
  const after = [
    { key: `${root}.manifest.json`, body: Buffer.from(serializeManifest(manifest, root, NO_KEYS)), contentType: 'application/json' }
  ]
  if (options.lastUsedAt) {
    const marker = Buffer.from(JSON.stringify({ lastUsedAt: options.lastUsedAt.toISOString() }))
    after.push({ key: lastUsedKey(root), body: marker, contentType: 'application/json' })
  }
  return { files, after }
}

/** Writes a set through the store: the files at once, the manifest after them, as an upload writes a set. */
async function plant(store: Store, root: string, options: PlantOptions = {}): Promise<void> {
  const { files, after } = setObjects(root, options)
  const put = ({ key, body, contentType }: SeedObject) => store.put(key, body, { size: body.length, contentType })
  await Promise.all(files.map(put))
  for (const object of after) await put(object)
}

/**
 * Plants sets for a test of what reads and deletes them: on s3rver straight into its files (support/s3rver-seed.ts:
 * thousands of objects in milliseconds, not seconds of PUTs), elsewhere through the store.
 */
async function plantMany(store: Store, sets: ReadonlyArray<readonly [string, PlantOptions]>): Promise<void> {
  const seed = s3rverSeeder()
  if (seed) return seed(sets.flatMap(([root, options]) => Object.values(setObjects(root, options)).flat()))
  const { default: pLimit } = await import('p-limit')
  const limit = pLimit(64)
  await Promise.all(sets.map(([root, options]) => limit(() => plant(store, root, options))))
}

function pruneSettings(store: StoreSettings, prune: Partial<Settings['prune']> = {}, extra: Partial<Settings> = {}): Settings {
  return testSettings({
    mode: 'prune',
    store,
    repoPath: tempDir('repo'),
    prune: { keepDays: 30, keepLast: 10, planOnly: false, ...prune },
    ...extra
  })
}

async function keysOf(store: Store, prefix: string): Promise<string[]> {
  return (await store.list(prefix)).map((object) => object.key.slice(prefix.length))
}

describe('retention rules', () => {
  const object = (key: string, date: Date, size = 10): StoredObject => ({ key, size, lastModified: date })
  const now = new Date('2026-06-01T00:00:00Z')
  const at = (days: number, hours = 0): Date => new Date(now.getTime() - days * DAY - hours * 3_600_000)

  it('groups a listing into sets, at the top or under an instance folder, and leaves other keys out', () => {
    const c = sha('c')
    const h = sha('h', 64)
    const sets = groupSets(
      [
        object(`p/artifacts/${c}/.manifest.json`, at(1)),
        object(`p/artifacts/${c}/vendor/cache/${h}/x`, at(1)),
        object(`p/web/cache/${h}/a.js`, at(2)),
        object('p/state/assets.state', at(1)),
        object('p/artifacts/not-a-sha/x', at(1))
      ],
      'p/'
    )
    expect(sets.map((set) => [set.root, set.family, set.tier, set.objects.length, Boolean(set.manifest)])).toEqual([
      [`p/artifacts/${c}/`, '', 'artifacts', 2, true],
      [`p/web/cache/${h}/`, 'web/', 'cache', 1, false]
    ])
  })

  type RuleOverrides = Partial<Omit<Parameters<typeof decide>[2], 'referenced'>> & { referenced?: string }
  it.each<[string, { days: number; used?: number; manifest?: boolean; hours?: number }, RuleOverrides, boolean, RegExp]>([
    ['an old set goes', { days: 40 }, { keepLast: 0 }, true, /^created 40 days ago$/],
    ['a young set stays', { days: 5 }, { keepLast: 0 }, false, /^created 5 days ago$/],
    ['an old set used lately stays', { days: 40, used: 2 }, { keepLast: 0 }, false, /^last used 2 days ago$/],
    ['an old set among the newest commit sets stays', { days: 40 }, { keepLast: 1 }, false, /one of the 1 newest commit sets/],
    [
      'an old set apply references stays',
      { days: 40 },
      { keepLast: 0, referenced: 'assets_web' },
      false,
      /apply's state references it \(assets_web\)/
    ],
    ['old objects without a manifest go', { days: 40, manifest: false }, { keepLast: 0 }, true, /^no manifest; last written 40 days ago/],
    [
      'objects without a manifest written lately stay',
      { days: 0, hours: 0.5, manifest: false },
      { keepLast: 0, keepDays: 0 },
      false,
      /maybe an upload in progress/
    ],
    [
      'with keep-days 0, manifest-less objects older than an hour go',
      { days: 0, hours: 2, manifest: false },
      { keepLast: 0, keepDays: 0 },
      true,
      /no manifest/
    ],
    [
      'legacy-sets: a set without a manifest is a set, aged by its newest object',
      { days: 40, manifest: false },
      { keepLast: 1, legacySets: true },
      false,
      /one of the 1 newest/
    ]
  ])('%s', (_label, spec, rules, deleted, reason) => {
    const root = `artifacts/${sha('x')}/`
    const written = at(spec.days, spec.hours)
    const [set] = groupSets(
      [object(`${root}a`, written), ...(spec.manifest === false ? [] : [object(`${root}.manifest.json`, written)])],
      ''
    )
    const dates = new Map<string, SetDates>(
      spec.manifest === false ? [] : [[root, { createdAt: written, lastUsedAt: spec.used === undefined ? undefined : at(spec.used) }]]
    )
    const referenced = new Map<string, string>(rules.referenced ? [[root, rules.referenced]] : [])
    const [decision] = decide([set!], dates, { keepDays: 30, keepLast: 10, legacySets: false, now, ...rules, referenced })
    expect(decision!.delete).toBe(deleted)
    expect(decision!.reason).toMatch(reason)
  })

  // A claim (an upload still running) or a last-use marker that outlived its set (prune deleted it under a check)
  // holds no file of the original tool: it takes no keep-last slot and goes with the manifest-less leftovers.
  it.each(['.last-used', '.claims/t-000000000001-0123456789abcdef'])('legacy-sets: %s alone is not a set', (name) => {
    const root = `artifacts/${sha('bookkeeping')}/`
    const old = new Date(now.getTime() - 40 * 24 * 3600 * 1000)
    const [set] = groupSets([object(`${root}${name}`, old)], '')
    const [decision] = decide([set!], new Map(), { keepDays: 30, keepLast: 1, legacySets: true, now, referenced: new Map() })
    expect(decision).toMatchObject({ complete: false, delete: true })
    expect(decision!.reason).toMatch(/^no manifest; last written 40 days ago/)
  })

  it('keeps the newest commit sets of each instance folder, not of the whole store', () => {
    const listing = ['web', 'api'].flatMap((family) =>
      [50, 60, 70].map((days) => object(`${family}/artifacts/${sha(family + days)}/.manifest.json`, at(days)))
    )
    const sets = groupSets(listing, '')
    const dates = new Map(sets.map((set) => [set.root, { createdAt: set.newest }]))
    const kept = decide(sets, dates, { keepDays: 30, keepLast: 1, legacySets: false, now, referenced: new Map() }).filter((d) => !d.delete)
    expect(kept.map((d) => d.set.root)).toEqual([`web/artifacts/${sha('web50')}/`, `api/artifacts/${sha('api50')}/`])
  })
})

describe('prune on s3rver', () => {
  it('deletes what aged out, keeps young, used, newest and in-progress sets, and nothing outside sets', async () => {
    const prefix = uniquePrefix('prune')
    const settings = s3Settings(prefix)
    const store = await createStore(settings, 8)
    try {
      const roots = {
        old: `artifacts/${sha('old')}/`,
        older: `artifacts/${sha('older')}/`,
        newestOld: `artifacts/${sha('newest-old')}/`,
        young: `artifacts/${sha('young')}/`,
        usedCache: `cache/${sha('used', 64)}/`,
        unusedCache: `cache/${sha('unused', 64)}/`,
        uploading: `artifacts/${sha('uploading')}/`
      }
      await plant(store, prefix + roots.old, { createdAt: daysAgo(45) })
      await plant(store, prefix + roots.older, { createdAt: daysAgo(90), files: 5 })
      await plant(store, prefix + roots.newestOld, { createdAt: daysAgo(35) })
      await plant(store, prefix + roots.young, { createdAt: daysAgo(3) })
      await plant(store, prefix + roots.usedCache, { createdAt: daysAgo(60), lastUsedAt: daysAgo(1) })
      await plant(store, prefix + roots.unusedCache, { createdAt: daysAgo(60) })
      await plant(store, prefix + roots.uploading, { manifest: false })
      const state = Buffer.from('schemaVersion: 1\n')
      await store.put(`${prefix}state/assets.state`, state, { size: state.length, contentType: 'text/yaml' })

      const plan = await prune(pruneSettings(settings, { keepLast: 2, planOnly: true }))
      expect(plan).toMatchObject({ planOnly: true, prunedSets: 3, prunedOrphans: 0, prunedObjects: 3 + 1 + 5 + 1 + 3 + 1, keptSets: 3 })
      const before = await keysOf(store, prefix)
      expect(before).toHaveLength(4 * 4 + 6 + 5 + 3 + 1) // plan-only deleted nothing

      const outcome = await prune(pruneSettings(settings, { keepLast: 2 }))
      expect(outcome).toMatchObject({ prunedSets: 3, prunedObjects: 14, keptSets: 3 })
      const after = await keysOf(store, prefix)
      const rootsLeft = [...new Set(after.map((key) => key.split('/').slice(0, 2).join('/') + '/'))].sort()
      expect(rootsLeft).toEqual([roots.newestOld, roots.uploading, roots.young, roots.usedCache, 'state/assets.state/'].sort())
      // young (3 days) and the 35-day-old set are the two newest commit sets; the 45- and 90-day ones went.
      expect(outcome.decisions.find((d) => d.set.root === prefix + roots.newestOld)!.reason).toMatch(/one of the 2 newest commit sets/)
      expect(outcome.decisions.find((d) => d.set.root === prefix + roots.uploading)!.reason).toMatch(/maybe an upload in progress/)

      // A check for a pruned commit now misses.
      const sets = await createAssetSets(settings, 8, testSettings({ store: settings, repoPath: '.' }).policy)
      try {
        expect(await sets.stored(prefix, sha('old'))).toBeUndefined()
        expect(await sets.stored(prefix, sha('young'))).toBeDefined()
      } finally {
        sets.close()
      }
    } finally {
      store.close()
    }
  })

  it('a prune stopped midway leaves only objects without a manifest, which the next prune removes', async () => {
    const prefix = uniquePrefix('midway')
    const roots = [0, 1, 2].map((i) => `${prefix}artifacts/${sha(`mid${i}`)}/`)
    const direct = await createStore(s3Settings(prefix), 8)
    for (const root of roots) await plant(direct, root, { createdAt: daysAgo(40), files: 4 })
    direct.close()
    // Every DeleteObjects request after the first (the one that removes the manifests) fails, retries included.
    let deletes = 0
    const proxy = await startFaultProxy({
      target: endpoint(),
      rate: 1,
      faults: ['500'],
      applies: (request) => request.method === 'POST' && (request.url ?? '').includes('delete') && ++deletes > 1
    })
    try {
      await expect(prune(pruneSettings(s3Settings(prefix, { endpoint: proxy.url }), { keepLast: 0 }))).rejects.toThrow(
        /DeleteObjects|InternalError/
      )
    } finally {
      await proxy.close()
    }
    const store = await createStore(s3Settings(prefix), 8)
    try {
      const left = await keysOf(store, prefix)
      expect(left.filter((key) => key.endsWith('.manifest.json'))).toEqual([])
      expect(left).toHaveLength(12)
      // Today those objects look like an upload in progress; a month on, the next prune removes them.
      expect((await prune(pruneSettings(s3Settings(prefix), { keepLast: 0 }))).prunedObjects).toBe(0)
      const later = await prune(pruneSettings(s3Settings(prefix), { keepLast: 0 }), new Date(Date.now() + 31 * DAY))
      expect(later).toMatchObject({ prunedSets: 0, prunedOrphans: 3, prunedObjects: 12 })
      expect(await keysOf(store, prefix)).toEqual([])
    } finally {
      store.close()
    }
  })

  it("never deletes a set apply's state references", async () => {
    const prefix = uniquePrefix('state')
    const settings = s3Settings(prefix)
    const store = await createStore(settings, 8)
    const web = `${prefix}web/artifacts/${sha('web')}/`
    const webCache = `${prefix}web/cache/${sha('webcache', 64)}/`
    const stale = `${prefix}web/artifacts/${sha('stale')}/`
    try {
      for (const root of [web, webCache, stale]) await plant(store, root, { createdAt: daysAgo(100) })
      const dir = tempDir('cfg')
      writeFileSync(
        path.join(dir, 'assets.yml'),
        'config:\n  state:\n    backend: local\n    options: { stateFile: assets.state }\ntools:\n  - { name: assets, instanceID: web, options: { paths: [web/**], directory: web/dist } }\n'
      )
      writeFileSync(
        path.join(dir, 'assets.state'),
        `schemaVersion: 1\nserial: 3\nassets_web:\n  name: assets\n  instanceID: web\n  dependsOn: []\n  options: {}\n  resourceStatus:\n    outputs:\n      location: ${store.url(web)}\n      codeHash: ${sha('webcache', 64)}\n`
      )
      const outcome = await prune(pruneSettings(settings, { keepLast: 0, config: path.join(dir, 'assets.yml') }))
      expect(outcome.decisions.filter((d) => d.delete).map((d) => d.set.root)).toEqual([stale])
      expect(outcome.decisions.find((d) => d.set.root === webCache)!.reason).toMatch(/apply's state references it \(assets_web\)/)
    } finally {
      store.close()
    }
  })

  it('a check that runs while prune deletes its set finds it whole or not at all', async () => {
    const prefix = uniquePrefix('race')
    const settings = s3Settings(prefix)
    const repo = makeRepo({ 'a.txt': 'a' })
    const store = await createStore(settings, 8)
    try {
      for (let round = 0; round < 6; round++) {
        const root = `${prefix}artifacts/${repo.commit}/`
        await plantMany(store, [[root, { createdAt: daysAgo(40), files: 150 }]])
        const pkg = tempDir('race-pkg')
        const checkSettings = testSettings({ store: settings, repoPath: repo.dir, packageDirectory: pkg, download: true })
        const sets = await createAssetSets(settings, 8, checkSettings.policy)
        try {
          // Stagger the start so the deletion lands at different points of the download.
          const checking = check(checkSettings, sets)
          await new Promise((resolve) => setTimeout(resolve, round * 15))
          // Prune's clock runs 60 days ahead, so the use the check records does not save the set.
          const [result] = await Promise.all([checking, prune(pruneSettings(settings, { keepLast: 0 }), new Date(Date.now() + 60 * DAY))])
          const files = readdirSync(pkg, { recursive: true }).filter((name) => String(name).startsWith('f'))
          if (result.found) expect(files).toHaveLength(150)
          else expect(files).toEqual([])
          // Prune did delete the set under the check: at most the check's own .last-used marker is left, a set
          // without a manifest that check takes for a miss and the next prune ages out by its date.
          const left = (await store.list(root)).map((object) => object.key.slice(root.length))
          expect(left.filter((name) => name !== '.last-used')).toEqual([])
        } finally {
          await sets.flush()
          sets.close()
        }
        await store.deleteMany((await store.list(prefix)).map((object) => object.key))
      }
    } finally {
      store.close()
    }
  }, 120_000)

  // Past 1,000 keys a listing takes several pages, and a deletion several DeleteObjects batches of 1,000:
  // 1,020 sets of a manifest and a file (2,040 keys, 3 listing pages), of which 1,001 aged out, so both the
  // manifests' and the files' deleteMany cross a batch boundary. (It was 2,000 sets of 20,000 objects: the
  // same pages and batches, at a cost of ~45 s on s3rver and ~90 s on moto per run.)
  it('prunes 1,001 of 1,020 sets, listing past 1,000 keys and deleting in batches of 1,000', async () => {
    const prefix = uniquePrefix('many')
    const settings = s3Settings(prefix)
    const store = await createStore(settings, 32)
    try {
      await plantMany(
        store,
        Array.from({ length: 1020 }, (_, i) => [
          `${prefix}artifacts/${sha(`many${i}`)}/`,
          { createdAt: daysAgo(i < 1001 ? 40 : 5), files: 1 }
        ])
      )
      const outcome = await prune(pruneSettings(settings, { keepLast: 0 }))
      expect(outcome).toMatchObject({ prunedSets: 1001, prunedObjects: 2002, keptSets: 19 })
      expect(await store.list(prefix)).toHaveLength(38)
    } finally {
      store.close()
    }
  }, 300_000)

  it('a commit hit costs three requests: the manifest, one listing that checks the set against it, the .last-used marker', async () => {
    const prefix = uniquePrefix('hit')
    const repo = makeRepo({ 'a.txt': 'a' })
    const direct = await createStore(s3Settings(prefix), 8)
    await plant(direct, `${prefix}artifacts/${repo.commit}/`, { createdAt: daysAgo(40) })
    const server = await recordingServer(endpoint())
    try {
      const settings = s3Settings(prefix, { endpoint: server.url })
      const sets = await createAssetSets(settings, 8, testSettings({ store: settings, repoPath: repo.dir }).policy)
      const checkSettings = testSettings({ store: settings, repoPath: repo.dir })
      server.requests.length = 0
      const result = await check(checkSettings, sets)
      await sets.flush()
      sets.close()
      expect(result.found).toBe(true)
      expect(
        server.requests.map(
          (r) => `${r.method} ${r.url.split('?')[0]!.split('/').at(-1) || new URL(r.url, 'http://x').searchParams.get('prefix')}`
        )
      ).toEqual(['GET .manifest.json', `GET ${prefix}artifacts/${repo.commit}/`, 'PUT .last-used'])
      const marker = JSON.parse((await direct.readText(`${prefix}artifacts/${repo.commit}/.last-used`, 1 << 20))!)
      expect(Date.now() - new Date(marker.lastUsedAt).getTime()).toBeLessThan(60_000)
      // The used set is now young again: prune keeps it.
      const outcome = await prune(pruneSettings(s3Settings(prefix), { keepLast: 0 }))
      expect(outcome.prunedSets).toBe(0)
    } finally {
      await server.close()
      direct.close()
    }
  })
})

describe('prune on a local directory', () => {
  it('removes old manifest-less objects (backdated files) and the directories they leave empty', async () => {
    const root = tempDir('local-store')
    const settings: StoreSettings = { kind: 'local', root, prefix: '' }
    const store = await createStore(settings, 4)
    try {
      const orphan = `artifacts/${sha('orphan')}/`
      const fresh = `artifacts/${sha('fresh')}/`
      await plant(store, orphan, { manifest: false, files: 2 })
      await plant(store, `${orphan}deep/`, { manifest: false, files: 1 })
      await plant(store, fresh, { manifest: false })
      for (const name of readdirSync(path.join(root, 'artifacts', sha('orphan')), { recursive: true })) {
        utimesSync(path.join(root, 'artifacts', sha('orphan'), String(name)), daysAgo(45), daysAgo(45))
      }
      const outcome = await prune(pruneSettings(settings))
      expect(outcome).toMatchObject({ prunedSets: 0, prunedOrphans: 1, prunedObjects: 3 })
      expect(existsSync(path.join(root, 'artifacts', sha('orphan')))).toBe(false)
      expect(await keysOf(store, '')).toEqual([0, 1, 2].map((i) => `${fresh}f${i}.txt`))
    } finally {
      store.close()
    }
  })
})

describe('prune through dist/index.js', () => {
  it('sets its outputs and a summary; plan-only deletes nothing', async () => {
    const prefix = uniquePrefix('dist-prune')
    const store = await createStore(s3Settings(prefix), 8)
    try {
      await plant(store, `${prefix}artifacts/${sha('d-old')}/`, { createdAt: daysAgo(50) })
      await plant(store, `${prefix}artifacts/${sha('d-young')}/`, { createdAt: daysAgo(1) })
      const inputs = { ...s3Inputs(prefix), mode: 'prune', 'keep-days': '30', 'keep-last': '0' }
      const plan = await runAction({ inputs: { ...inputs, 'plan-only': 'true' } })
      expect(plan.code).toBe(0)
      expect(plan.outputs).toMatchObject({ 'pruned-sets': '1', 'pruned-objects': '4', 'kept-sets': '1' })
      expect(plan.summary).toContain('### S3 Asset Manager — prune (plan only)')
      expect(plan.stdout).toContain(`Would delete s3://`)
      expect(await listKeys(client, prefix)).toHaveLength(8)

      const run = await runAction({ inputs })
      expect(run.code).toBe(0)
      expect(run.outputs).toMatchObject({ 'pruned-sets': '1', 'pruned-objects': '4', 'kept-sets': '1' })
      expect(run.summary).toMatch(/\| Deleted sets \| 1 \|/)
      expect(run.summary).toContain('created 50 days ago')
      expect(await listKeys(client, prefix)).toHaveLength(4)
    } finally {
      store.close()
    }
  })

  it('refuses the Actions cache, and fails without deleting when the listing fails', async () => {
    const refused = await runAction({ inputs: { mode: 'prune', backend: 'actions-cache' } })
    expect(refused.code).toBe(2)
    expect(refused.stdout).toContain(
      "::error::mode 'prune' works on the s3, gcs and local backends. The GitHub Actions cache evicts entries itself"
    )
    const missing = await runAction({ inputs: { ...s3Inputs(uniquePrefix('x')), bucket: 'no-such-bucket-here', mode: 'prune' } })
    expect(missing.code).toBe(1)
    expect(missing.stdout).toContain("::error::Bucket 'no-such-bucket-here' does not exist")
  })

  it('rejects a keep-days that is not a whole number', async () => {
    const run = await runAction({ inputs: { mode: 'prune', backend: 'local', 'local-dir': tempDir('s'), 'keep-days': '2w' } })
    expect(run.code).toBe(2)
    expect(run.stdout).toContain("::error::Input 'keep-days' is '2w': give the days a set may go unused before prune deletes it")
  })
})

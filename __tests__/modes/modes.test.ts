import { DeleteObjectCommand } from '@aws-sdk/client-s3'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import type { Settings, StoreSettings } from '../../src/settings/types.js'
import { check } from '../../src/modes/check.js'
import { upload } from '../../src/modes/upload.js'
import { LocalStore } from '../../src/stores/local.js'
import { S3Store } from '../../src/stores/s3.js'
import type { Store } from '../../src/stores/store.js'
import type { AssetSets } from '../../src/sets/asset-sets.js'
import { ObjectAssetSets } from '../../src/sets/object-asset-sets.js'
import { codeHashPrefix } from '../../src/sets/layout.js'
import { buildManifest } from '../../src/sets/manifest.js'
import { writeManifest } from '../../src/sets/object-sets.js'
import { s3rverSeeder } from '../support/s3rver-seed.js'
import {
  bucket,
  commitAll,
  makeRepo,
  s3Settings,
  tempDir,
  uniquePrefix,
  writeFiles,
  testSettings,
  OPEN_POLICY
} from '../support/helpers.js'
import { listKeys, outsideClient, readObject } from '../support/outside-client.js'

const client = outsideClient()
afterAll(() => client.destroy())

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex')

const SOURCES = { 'src/app.js': 'console.log(1)\n', 'README.md': 'docs\n' }
const BUILT = {
  'app.js': 'built',
  'nested/deep/chunk.js': 'chunk',
  'with space/ünïcödé 日本.txt': 'names',
  '.hidden': 'never uploaded',
  'dir/.env': 'secret'
}

interface Fixture {
  store: Store
  sets: AssetSets
  storeSettings: StoreSettings
  settings(repo: string, patterns?: string[], pkg?: string): Settings
}

function s3Fixture(): Fixture {
  const storeSettings = s3Settings(uniquePrefix('modes'))
  return fixture(storeSettings, new S3Store(storeSettings, 8))
}

function localFixture(): Fixture {
  const storeSettings: StoreSettings = { kind: 'local', root: tempDir('store'), prefix: 'repo/' }
  return fixture(storeSettings, new LocalStore(storeSettings.root))
}

function fixture(storeSettings: StoreSettings, store: Store): Fixture {
  return {
    store,
    sets: new ObjectAssetSets(store, OPEN_POLICY),
    storeSettings,
    settings: (repoPath, patterns = [], packageDirectory = tempDir('pkg')) =>
      testSettings({ store: storeSettings, repoPath, codeHashPatterns: patterns, packageDirectory })
  }
}

describe.each([
  ['s3 (s3rver)', s3Fixture],
  ['local', localFixture]
])('%s: check and upload', (_name, make) => {
  let f: Fixture
  beforeEach(() => (f = make()))
  afterEach(() => f.store.close())

  it('misses, uploads, then hits by commit in one lookup', async () => {
    const repo = makeRepo(SOURCES)
    const settings = f.settings(repo.dir)
    const miss = await check(settings, f.sets)
    expect(miss).toMatchObject({ outcome: 'missing', found: false, source: 'none', commitHash: repo.commit, codeHash: '', files: 0 })
    expect(existsSync(path.join(settings.packageDirectory, '.found'))).toBe(false)

    writeFiles(settings.packageDirectory, BUILT)
    expect(await upload(settings, f.sets)).toMatchObject({ outcome: 'uploaded', files: 3, bytes: 15 })

    const again = f.settings(repo.dir)
    expect(await check(again, f.sets)).toMatchObject({ outcome: 'found', found: true, source: 'commit', files: 3, bytes: 15 })
    expect(existsSync(path.join(again.packageDirectory, '.found'))).toBe(true)
    expect(await upload(again, f.sets)).toMatchObject({ outcome: 'already-stored', found: true, files: 3, bytes: 15 })
  })

  it('finds unchanged code on a new commit through the code hash, and misses changed code', async () => {
    const repo = makeRepo(SOURCES)
    const first = f.settings(repo.dir, ['src/**'])
    const miss = await check(first, f.sets)
    expect(miss.codeHash).toMatch(/^[0-9a-f]{64}$/)
    writeFiles(first.packageDirectory, BUILT)
    await upload(first, f.sets)

    const docsOnly = commitAll(repo.dir, 'docs', { 'README.md': 'more docs\n' })
    const second = f.settings(repo.dir, ['src/**'])
    const hit = await check(second, f.sets)
    expect(hit).toMatchObject({ found: true, source: 'cache', commitHash: docsOnly, codeHash: miss.codeHash, files: 3 })
    expect(existsSync(path.join(second.packageDirectory, '.found'))).toBe(true)
    expect(await check(f.settings(repo.dir, ['src/**']), f.sets)).toMatchObject({ source: 'commit', codeHash: miss.codeHash })

    commitAll(repo.dir, 'code', { 'src/app.js': 'console.log(2)\n' })
    const changed = await check(f.settings(repo.dir, ['src/**']), f.sets)
    expect(changed).toMatchObject({ found: false, source: 'none' })
    expect(changed.codeHash).not.toBe(miss.codeHash)
  })

  it('refuses a missing or empty package directory and symlinks that leave it', async () => {
    const repo = makeRepo(SOURCES)
    const missing = f.settings(repo.dir, [], path.join(tempDir('x'), 'nope'))
    await expect(upload(missing, f.sets)).rejects.toThrow(/The package directory '.*nope' does not exist/)

    const hiddenOnly = f.settings(repo.dir)
    writeFiles(hiddenOnly.packageDirectory, { '.only-hidden': 'x' })
    await expect(upload(hiddenOnly, f.sets)).rejects.toThrow('holds no files to upload (hidden files are skipped)')

    const escaping = f.settings(repo.dir)
    writeFiles(escaping.packageDirectory, { 'ok.js': 'ok' })
    symlinkSync('/etc/hostname', path.join(escaping.packageDirectory, 'leak'))
    await expect(upload(escaping, f.sets)).rejects.toThrow(
      "Refusing to upload 'leak': it is a symlink that points outside the package directory"
    )
  })
})

describe('s3 (s3rver): store contents as an outside client sees them', () => {
  let f: Fixture
  beforeEach(() => (f = s3Fixture()))
  afterEach(() => f.store.close())

  it('writes the layout of the README (How it works), manifest last, hidden files never', async () => {
    const repo = makeRepo(SOURCES)
    const settings = f.settings(repo.dir, ['src/**'])
    const { codeHash } = await check(settings, f.sets)
    writeFiles(settings.packageDirectory, BUILT)
    await upload(settings, f.sets)

    const names = ['.manifest.json', 'app.js', 'nested/deep/chunk.js', 'with space/ünïcödé 日本.txt']
    const commitSet = `${f.storeSettings.prefix}artifacts/${repo.commit}/`
    const cacheSet = `${f.storeSettings.prefix}cache/${codeHash}/`
    expect(await listKeys(client, commitSet)).toEqual(names.map((n) => commitSet + n).sort())
    // The code-hash set also records what its key was made of, and the prefix keeps a copy as the newest build's record.
    expect(await listKeys(client, cacheSet)).toEqual([...names, '.inputs.json.gz'].map((n) => cacheSet + n).sort())
    expect(await listKeys(client, `${f.storeSettings.prefix}cache/.`)).toEqual([`${f.storeSettings.prefix}cache/.newest.json`])
    const manifest = JSON.parse((await readObject(client, `${commitSet}.manifest.json`))!.toString())
    expect(manifest).toMatchObject({ version: 1, commit: repo.commit, codeHash, source: 'upload' })
    // Each object with the ETag it was written with: what a listing checks the set against.
    const etag = expect.stringMatching(/^[0-9a-f]{32}$/)
    expect(manifest.files).toEqual([
      { path: 'app.js', size: 5, sha256: sha256('built'), etag },
      { path: 'nested/deep/chunk.js', size: 5, sha256: sha256('chunk'), etag },
      { path: 'with space/ünïcödé 日本.txt', size: 5, sha256: sha256('names'), etag }
    ])
    expect((await readObject(client, `${cacheSet}with space/ünïcödé 日本.txt`))!.toString()).toBe('names')
  })

  it('copies a set of more than 1,000 files to a new commit with identical bytes', async () => {
    // The code-hash set is planted in s3rver's directory (its manifest written through the store as upload writes
    // it): what is tested is check's copy of it, listing past 1,000 keys, not the 2,002 writes of an upload that
    // would make it (~8 s of s3rver's one thread). e2e.test.ts uploads 100 objects, 32 requests at a time.
    const seed = s3rverSeeder()
    if (!seed) throw new Error('This test plants objects in s3rver, the server of its project.')
    const repo = makeRepo(SOURCES)
    const first = f.settings(repo.dir, ['src/**'])
    const { codeHash } = await check(first, f.sets)
    const cacheSet = codeHashPrefix(f.storeSettings.prefix, codeHash)
    const many: Record<string, string> = {}
    for (let i = 0; i < 1001; i++) many[`chunks/${String(i).padStart(4, '0')}.js`] = `chunk ${i}\n`
    seed(Object.entries(many).map(([name, text]) => ({ key: cacheSet + name, body: Buffer.from(text), contentType: 'text/javascript' })))
    const files = Object.entries(many).map(([name, text]) => ({
      path: name,
      size: Buffer.byteLength(text),
      sha256: sha256(text),
      etag: createHash('md5').update(text).digest('hex')
    }))
    await writeManifest(f.store, cacheSet, buildManifest({ commit: repo.commit, codeHash, source: 'upload', files }), OPEN_POLICY)

    const next = commitAll(repo.dir, 'empty')
    const hit = await check(f.settings(repo.dir, ['src/**']), f.sets)
    expect(hit).toMatchObject({ source: 'cache', files: 1001 })
    const keys = await listKeys(client, `${f.storeSettings.prefix}artifacts/${next}/`)
    expect(keys).toHaveLength(1002)
    for (const i of [0, 999, 1000]) {
      const name = `chunks/${String(i).padStart(4, '0')}.js`
      expect((await readObject(client, `${f.storeSettings.prefix}artifacts/${next}/${name}`))!.toString()).toBe(many[name])
    }
  })

  it('streams a large file in parts with the right digest', async () => {
    const repo = makeRepo(SOURCES)
    const settings = f.settings(repo.dir)
    const big = Buffer.alloc(20 * 1024 * 1024 + 123)
    for (let i = 0; i < big.length; i += 4096) big[i] = i % 251
    mkdirSync(settings.packageDirectory, { recursive: true })
    writeFiles(settings.packageDirectory, { 'big.bin': big })
    await upload(settings, f.sets)
    const manifest = JSON.parse((await readObject(client, `${f.storeSettings.prefix}artifacts/${repo.commit}/.manifest.json`))!.toString())
    expect(manifest.files).toEqual([
      { path: 'big.bin', size: big.length, sha256: sha256(big), etag: expect.stringMatching(/^[0-9a-f]{32}(-\d+)?$/) }
    ])
    expect(sha256((await readObject(client, `${f.storeSettings.prefix}artifacts/${repo.commit}/big.bin`))!)).toBe(sha256(big))
  })

  it('treats an incomplete cache set as a miss, and the next upload repairs it', async () => {
    const repo = makeRepo(SOURCES)
    const first = f.settings(repo.dir, ['src/**'])
    const { codeHash } = await check(first, f.sets)
    writeFiles(first.packageDirectory, BUILT)
    await upload(first, f.sets)
    await client.send(new DeleteObjectCommand({ Bucket: bucket(), Key: `${f.storeSettings.prefix}cache/${codeHash}/app.js` }))

    commitAll(repo.dir, 'empty')
    const second = f.settings(repo.dir, ['src/**'])
    expect(await check(second, f.sets)).toMatchObject({ found: false, codeHash })
    writeFiles(second.packageDirectory, BUILT)
    await upload(second, f.sets)
    expect((await readObject(client, `${f.storeSettings.prefix}cache/${codeHash}/app.js`))!.toString()).toBe('built')
  })

  it('uploads without the repository using what check recorded (the seed pipeline)', async () => {
    const repo = makeRepo(SOURCES)
    const pkg = tempDir('packages')
    const { codeHash } = await check(f.settings(repo.dir, ['src/**'], pkg), f.sets)
    writeFiles(pkg, BUILT)
    const withoutRepo = f.settings(path.join(tempDir('no'), 'repo'), [], pkg)
    const result = await upload(withoutRepo, f.sets)
    expect(result).toMatchObject({ outcome: 'uploaded', commitHash: repo.commit, codeHash })
    expect(JSON.parse(readFileSync(path.join(pkg, '.s3-asset-manager.json'), 'utf8'))).toMatchObject({ commit: repo.commit, codeHash })
    expect(await readObject(client, `${f.storeSettings.prefix}cache/${codeHash}/.manifest.json`)).toBeDefined()
  })
})

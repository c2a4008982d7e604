import { PutObjectCommand } from '@aws-sdk/client-s3'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { Readable } from 'node:stream'
import { FilesError, IntegrityError, RangeIgnoredError } from '../../src/errors.js'
import type { Settings, StoreSettings } from '../../src/settings/types.js'
import { check } from '../../src/modes/check.js'
import { upload } from '../../src/modes/upload.js'
import { downloadSet, unwritten } from '../../src/sets/download.js'
import { isDownloadTemporary, temporaryName } from '../../src/sets/download-temporaries.js'
import { buildManifest, parseManifest } from '../../src/sets/manifest.js'
import { LocalStore } from '../../src/stores/local.js'
import { S3Store } from '../../src/stores/s3.js'
import { ObjectAssetSets } from '../../src/sets/object-asset-sets.js'
import {
  bucket,
  makeRepo,
  testSettings,
  s3Settings,
  tempDir,
  uniquePrefix,
  writeFiles,
  localSetsFixture,
  OPEN_POLICY,
  printedBy,
  describeOnce
} from '../support/helpers.js'
import { outsideClient } from '../support/outside-client.js'

const client = outsideClient()
afterAll(() => client.destroy())

const BUILT = { 'app.js': 'built app', 'nested/deep/chunk.js': 'chunk', 'ünï space/é.txt': 'names', '.hidden': 'x' }

function settingsFor(storeSettings: StoreSettings, repoPath: string, packageDirectory: string, download: boolean): Settings {
  return testSettings({ store: storeSettings, repoPath, packageDirectory, download, concurrency: 4 })
}

describe('check with download: true', () => {
  let storeSettings: StoreSettings
  let store: S3Store
  let repo: { dir: string; commit: string }
  beforeEach(async () => {
    storeSettings = s3Settings(uniquePrefix('dl'))
    store = new S3Store(storeSettings as never, 4)
    repo = makeRepo({ 'src/a.js': '1' })
    const pkg = tempDir('pkg')
    writeFiles(pkg, BUILT)
    await upload(settingsFor(storeSettings, repo.dir, pkg, false), new ObjectAssetSets(store, OPEN_POLICY))
  })
  afterEach(() => store.close())

  const put = (key: string, body: string) =>
    client.send(new PutObjectCommand({ Bucket: bucket(), Key: `${storeSettings.prefix}artifacts/${repo.commit}/${key}`, Body: body }))

  it('brings back byte-identical files, hidden files never', async () => {
    const target = tempDir('deploy')
    const result = await check(settingsFor(storeSettings, repo.dir, target, true), new ObjectAssetSets(store, OPEN_POLICY))
    expect(result).toMatchObject({ found: true, files: 3 })
    expect(result.message).toContain('downloaded')
    for (const name of ['app.js', 'nested/deep/chunk.js', 'ünï space/é.txt']) {
      expect(readFileSync(path.join(target, name), 'utf8')).toBe(BUILT[name as keyof typeof BUILT])
    }
    expect(existsSync(path.join(target, '.hidden'))).toBe(false)
    expect(existsSync(path.join(target, '.found'))).toBe(true)
  })

  it('a file whose bytes were changed after upload is a miss: nothing of the set is left behind', async () => {
    await put('nested/deep/chunk.js', 'tampered')
    const target = tempDir('deploy')
    const result = await check(settingsFor(storeSettings, repo.dir, target, true), new ObjectAssetSets(store, OPEN_POLICY))
    expect(result).toMatchObject({ found: false, outcome: 'missing', untrusted: 1 })
    expect(result.missReason?.line).toBe('the stored set does not match its manifest (the next upload replaces it)')
    // Nothing of the set is left, not even the directories made for it: only check's own record.
    expect(readdirSync(target).filter((name) => !name.startsWith('.'))).toEqual([])
  })

  it('refuses a manifest path that leaves the package directory', async () => {
    const digest = 'a'.repeat(64)
    await put(
      '.manifest.json',
      JSON.stringify({
        version: 1,
        commit: repo.commit,
        codeHash: '',
        createdAt: '',
        source: 'upload',
        files: [{ path: '../../escape.js', size: 1, sha256: digest }]
      })
    )
    const target = tempDir('deploy')
    // Malformed, so not a set at all: a miss with a warning (the next upload replaces it), never a download.
    const result = await check(settingsFor(storeSettings, repo.dir, target, true), new ObjectAssetSets(store, OPEN_POLICY))
    expect(result).toMatchObject({ found: false, untrusted: 1 })
    expect(existsSync(path.join(target, '..', 'escape.js'))).toBe(false)
  })

  it('refuses to write through a symlink in the package directory that points outside it', async () => {
    const outside = tempDir('outside')
    const target = tempDir('deploy')
    mkdirSync(target, { recursive: true })
    symlinkSync(outside, path.join(target, 'nested'))
    await expect(check(settingsFor(storeSettings, repo.dir, target, true), new ObjectAssetSets(store, OPEN_POLICY))).rejects.toThrow(
      "Refusing to download 'nested/deep/chunk.js': a symlink in the package directory points outside it."
    )
    expect(readdirSync(outside)).toEqual([])
  })

  it('refuses a set whose directory is a file in the package directory, before writing anything', async () => {
    const target = tempDir('deploy')
    writeFiles(target, { nested: 'a file where the set has a directory' })
    await expect(check(settingsFor(storeSettings, repo.dir, target, true), new ObjectAssetSets(store, OPEN_POLICY))).rejects.toThrow(
      `Refusing to download 'nested/deep/chunk.js': ${path.join(target, 'nested')} is a file, not a directory. Nothing was written.`
    )
    expect(readdirSync(target).filter((name) => !name.startsWith('.'))).toEqual(['nested'])
    expect(readFileSync(path.join(target, 'nested'), 'utf8')).toBe('a file where the set has a directory')
  })
})

describeOnce('download on Windows', () => {
  const platform = Object.getOwnPropertyDescriptor(process, 'platform')!
  afterEach(() => Object.defineProperty(process, 'platform', platform))

  // Names Linux allows but Windows would read as a device, a drive or a data stream: the whole download is refused.
  it.each(['nul.txt', 'dir/C:evil', 'file.txt:hidden', 'dot.'])('refuses %s and writes nothing', async (name) => {
    const storeRoot = tempDir('win-store')
    writeFiles(storeRoot, { 'set/ok.txt': 'ok' })
    const sha = createHash('sha256').update('ok').digest('hex')
    const manifest = buildManifest({
      commit: 'a'.repeat(40),
      codeHash: '',
      source: 'upload',
      files: [
        { path: 'ok.txt', size: 2, sha256: sha },
        { path: name, size: 2, sha256: sha }
      ]
    })
    Object.defineProperty(process, 'platform', { value: 'win32' })
    const target = tempDir('win-target')
    const attempt = downloadSet(new LocalStore(storeRoot), 'set/', manifest, target, 2)
    await expect(attempt).rejects.toThrow(IntegrityError)
    await expect(attempt).rejects.toThrow(`Refusing to download '${name}' on Windows`)
    expect(readdirSync(target)).toEqual([])
  })
})

describeOnce('a package directory changed while the set downloads', () => {
  it('a file that cannot take its name fails the download, naming it, and leaves no temporary file', async () => {
    const storeRoot = tempDir('store')
    const files = { 'a.txt': 'first', 'b.txt': 'second', 'sub/c.txt': 'third' }
    writeFiles(storeRoot, Object.fromEntries(Object.entries(files).map(([name, text]) => [`set/${name}`, text])))
    const manifest = buildManifest({
      commit: 'a'.repeat(40),
      codeHash: '',
      source: 'upload',
      files: Object.entries(files).map(([name, text]) => ({
        path: name,
        size: text.length,
        sha256: createHash('sha256').update(text).digest('hex')
      }))
    })
    const target = tempDir('pkg')
    const local = new LocalStore(storeRoot)
    // Once the targets are checked, something else makes a directory where a.txt goes.
    const racing = new Proxy(local, {
      get(store, property) {
        if (property === 'get')
          return (key: string) => {
            mkdirSync(path.join(target, 'a.txt'), { recursive: true })
            return store.get(key)
          }
        const value = Reflect.get(store, property) as unknown
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(store) : value
      }
    })
    const attempt = downloadSet(racing, 'set/', manifest, target, 2)
    await expect(attempt).rejects.toThrow(FilesError)
    await expect(attempt).rejects.toThrow(`Could not put ${path.join(target, 'a.txt')} in place`)
    const left = readdirSync(target, { recursive: true }) as string[]
    expect(left.filter((name) => name.includes('.download-'))).toEqual([])
    expect(left).toContain('a.txt')
  })
})

describeOnce('a download killed part way', () => {
  it('leaves temporary files that the next upload of the directory does not store, and names them', async () => {
    // A real download stopped half way: a.txt has arrived and waits under its temporary name while b.txt's
    // body never comes, as when the step is killed outright (SIGKILL, a runner's timeout) at that moment.
    const source = localSetsFixture({ packBelow: 0, codeHashPatterns: [] })
    const built = tempDir('built')
    writeFiles(built, { 'a.txt': 'first', 'sub/b.txt': 'second' })
    await upload(source.settings(built), source.sets)
    const manifest = parseManifest(
      readFileSync(path.join(source.root, 'artifacts', source.repo.commit, '.manifest.json'), 'utf8'),
      'the set'
    )
    const target = tempDir('pkg')
    let release: (error: Error) => void = () => undefined
    const stalled = new Proxy(source.store, {
      get(store, property) {
        if (property === 'get')
          return async (key: string) => {
            if (!key.endsWith('sub/b.txt')) return store.get(key)
            const body = new Readable({ read: () => undefined })
            release = (error) => body.destroy(error)
            return body
          }
        const value = Reflect.get(store, property) as unknown
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(store) : value
      }
    })
    const stopped = downloadSet(stalled, `artifacts/${source.repo.commit}/`, manifest, target, 2)
    const leftovers = (): string[] =>
      (readdirSync(target, { recursive: true }) as string[]).filter((name) => isDownloadTemporary(path.basename(name)))
    while (leftovers().length === 0) await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 5))])
    expect(leftovers()).toEqual([expect.stringMatching(/^a\.txt\.download-/)])

    // The job goes on without the set: it builds into the same directory and uploads it.
    writeFiles(target, { 'a.txt': 'rebuilt', 'sub/b.txt': 'rebuilt too' })
    const next = localSetsFixture({ packBelow: 0, codeHashPatterns: [] })
    const { printed } = await printedBy(() => upload(next.settings(target), next.sets))
    const stored = parseManifest(readFileSync(path.join(next.root, 'artifacts', next.repo.commit, '.manifest.json'), 'utf8'), 'the set')
    expect(stored.files.map((file) => file.path)).toEqual(['a.txt', 'sub/b.txt'])
    expect(printed).toContain(`::warning::Not uploading 1 file that a download killed part way left in '${target}' ('${leftovers()[0]}')`)

    release(new Error('the step was killed'))
    await expect(stopped).rejects.toThrow('the step was killed')
  })

  it('are told apart by their exact form, not by a word in the name', () => {
    expect(isDownloadTemporary(path.basename(temporaryName('/pkg/app.js')))).toBe(true)
    expect(isDownloadTemporary(path.basename(temporaryName('/pkg/sub/report.download-2024.pdf')))).toBe(true)
    for (const name of [
      'report.download-2024.pdf',
      'setup.download-page.html',
      'x.download-abcdef12345-1',
      'x.download-ABCDEF123456-1',
      'app.js'
    ]) {
      expect(isDownloadTemporary(name)).toBe(false)
    }
  })
})

async function readFully(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

describeOnce('a file that arrives a byte at a time', () => {
  // Past 64 chunks a small file is copied into one buffer rather than kept as a chunk each.
  it.each([
    ['as its own object', 0],
    ['in a pack', 1024 * 1024]
  ])('%s is written whole', async (_how, packBelow) => {
    const fixture = localSetsFixture({ packBelow, codeHashPatterns: [] })
    const build = tempDir('build')
    const bytes = createHash('sha512').update('x').digest().toString('hex').repeat(3)
    writeFiles(build, { 'app.js': bytes, 'small.txt': 'tiny' })
    await upload(fixture.settings(build), fixture.sets)
    const trickling = new Proxy(fixture.store, {
      get(store, property) {
        if (property === 'get')
          return async (key: string) => {
            const whole = await readFully(await store.get(key))
            // One byte a turn of the event loop, so that each reaches the download as a chunk of its own.
            return Readable.from(
              (async function* () {
                for (const byte of whole) {
                  await new Promise((resolve) => setImmediate(resolve))
                  yield Buffer.from([byte])
                }
              })()
            )
          }
        const value = Reflect.get(store, property) as unknown
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(store) : value
      }
    })
    const target = tempDir('deploy')
    const result = await check(fixture.settings(target, true), new ObjectAssetSets(trickling, OPEN_POLICY))
    expect(result).toMatchObject({ found: true, files: 2 })
    expect(readFileSync(path.join(target, 'app.js'), 'utf8')).toBe(bytes)
    expect(readFileSync(path.join(target, 'small.txt'), 'utf8')).toBe('tiny')
  })
})

describeOnce('a short write', () => {
  const parts = [Buffer.from('abc'), Buffer.from('de'), Buffer.from('fgh')]
  const text = (rest: Buffer[]) => Buffer.concat(rest).toString()
  it.each([
    [0, 'abcdefgh'],
    [2, 'cdefgh'],
    [3, 'defgh'],
    [4, 'efgh'],
    [7, 'h'],
    [8, '']
  ])('after %i bytes resumes with what is left', (written, rest) => {
    expect(text(unwritten(parts, written))).toBe(rest)
    expect(unwritten(parts, 8)).toEqual([])
  })
})

describeOnce('an object larger than its manifest says', () => {
  it('is not written out whole: the download stops past the size the manifest gives, and keeps nothing', async () => {
    const root = tempDir('store')
    const store = new LocalStore(root)
    const big = Buffer.alloc(8 * 1024 * 1024, 1)
    await store.put('set/a.bin', big, { size: big.length, contentType: 'application/octet-stream' })
    const claimed = Buffer.from('tiny')
    const manifest = buildManifest({
      commit: 'a'.repeat(40),
      codeHash: '',
      source: 'upload',
      files: [{ path: 'a.bin', size: claimed.length, sha256: createHash('sha256').update(claimed).digest('hex') }]
    })
    const target = tempDir('pkg')
    await expect(downloadSet(store, 'set/', manifest, target, 2)).rejects.toThrow('more than 4 bytes')
    expect(readdirSync(target)).toEqual([])
  })
})

describeOnce('stale files on a case-insensitive file system', () => {
  const platform = Object.getOwnPropertyDescriptor(process, 'platform')!
  afterEach(() => Object.defineProperty(process, 'platform', platform))

  it("on macOS, 'App.js' on disk is the set's 'app.js': kept, not removed as stale", async () => {
    const { removeStaleFiles } = await import('../../src/sets/stale-files.js')
    const directory = tempDir('pkg')
    writeFiles(directory, { 'App.js': 'the set file, named as the disk keeps it', 'old.js': 'stale' })
    Object.defineProperty(process, 'platform', { value: 'darwin' })
    const stale = await removeStaleFiles(directory, ['app.js'], tempDir('repo'))
    expect(stale.removed).toEqual(['old.js'])
    expect(readdirSync(directory)).toEqual(['App.js'])
  })
})

describe('a large file in ranged parts', () => {
  const MiB = 1024 * 1024
  // Small sizes for the test: files over 1 MiB come in parts of 1 MiB (8 MiB parts of files over 16 MiB by default).
  const PARTS = { rangedAbove: MiB, partSize: MiB }
  const big = Buffer.alloc(2 * MiB + MiB / 2 + 3)
  for (let i = 0; i < big.length; i += 1021) big[i] = (i >> 10) % 251
  const small = Buffer.from('small')
  const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
  const manifest = buildManifest({
    commit: 'a'.repeat(40),
    codeHash: '',
    source: 'upload',
    files: [
      { path: 'big.bin', size: big.length, sha256: digest(big) },
      { path: 'small.txt', size: small.length, sha256: digest(small) }
    ]
  })
  let store: S3Store
  let prefix: string
  beforeAll(async () => {
    prefix = `${uniquePrefix('ranged')}set/`
    store = new S3Store(s3Settings('') as never, 4)
    await store.put(`${prefix}big.bin`, big, { size: big.length, contentType: 'application/octet-stream' })
    await store.put(`${prefix}small.txt`, small, { size: small.length, contentType: 'text/plain' })
  })
  afterAll(() => store.close())

  /** The store with its ranged reads replaced (and recorded), everything else as it is. */
  const withRanges = (getRange: (key: string, offset: number, length: number) => Promise<Readable>): S3Store =>
    new Proxy(store, {
      get(target, property) {
        if (property === 'getRange') return getRange
        const value = Reflect.get(target, property) as unknown
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
      }
    })
  /** The store as behind a proxy that drops `Range`: every ranged read gets the whole object. Counts the ranges asked for. */
  const droppingRanges = (): { store: S3Store; asked: () => number } => {
    let asked = 0
    return {
      store: withRanges(async (key) => {
        asked++
        return store.get(key)
      }),
      asked: () => asked
    }
  }
  const leftovers = (directory: string): string[] =>
    (readdirSync(directory, { recursive: true }) as string[]).filter((name) => isDownloadTemporary(path.basename(name)))

  it('comes in parts, each its own request, written in place and checked whole', async () => {
    const asked: [number, number][] = []
    const recording = withRanges((key, offset, length) => {
      asked.push([offset, length])
      return store.getRange(key, offset, length)
    })
    const target = tempDir('ranged')
    await downloadSet(recording, prefix, manifest, target, 4, PARTS)
    expect(readFileSync(path.join(target, 'big.bin')).equals(big)).toBe(true)
    expect(readFileSync(path.join(target, 'small.txt'), 'utf8')).toBe('small')
    expect(asked.sort((a, b) => a[0] - b[0])).toEqual([
      [0, MiB],
      [MiB, MiB],
      [2 * MiB, MiB / 2 + 3]
    ])
    expect(leftovers(target)).toEqual([])
  })

  it('is hashed in order when its first part comes last (the parts after it are read back from the file)', async () => {
    let othersDone: () => void = () => undefined
    const others = new Promise<void>((resolve) => (othersDone = resolve))
    let ended = 0
    const firstLast = withRanges(async (key, offset, length) => {
      if (offset === 0) await others
      const body = await store.getRange(key, offset, length)
      if (offset !== 0) body.once('end', () => ++ended === 2 && othersDone())
      return body
    })
    const target = tempDir('ranged')
    await downloadSet(firstLast, prefix, manifest, target, 4, PARTS)
    expect(ended).toBe(2)
    expect(readFileSync(path.join(target, 'big.bin')).equals(big)).toBe(true)
    expect(leftovers(target)).toEqual([])
  })

  it('is fetched whole when the store answers a range with the whole object (a proxy that drops Range)', async () => {
    const dropping = droppingRanges()
    const target = tempDir('ranged')
    await downloadSet(dropping.store, prefix, manifest, target, 4, PARTS)
    expect(readFileSync(path.join(target, 'big.bin')).equals(big)).toBe(true)
    expect(dropping.asked()).toBeGreaterThan(0)
    expect(leftovers(target)).toEqual([])
  })

  it('once one range comes back whole, the download asks for no other range', async () => {
    const second = Buffer.from(big).reverse()
    await store.put(`${prefix}second.bin`, second, { size: second.length, contentType: 'application/octet-stream' })
    const both = buildManifest({
      commit: 'a'.repeat(40),
      codeHash: '',
      source: 'upload',
      files: [...manifest.files, { path: 'second.bin', size: second.length, sha256: digest(second) }]
    })
    const dropping = droppingRanges()
    const target = tempDir('ranged')
    // One transfer at a time: the first part learns that ranges come back whole, and no part after it asks.
    await downloadSet(dropping.store, prefix, both, target, 1, PARTS)
    expect(dropping.asked()).toBe(1)
    expect(readFileSync(path.join(target, 'big.bin')).equals(big)).toBe(true)
    expect(readFileSync(path.join(target, 'second.bin')).equals(second)).toBe(true)
    expect(leftovers(target)).toEqual([])
  })

  it('a manifest that claims a size the object does not have is a mismatch, with no more parts than a cap', async () => {
    // The size comes from the store; cut into 1 MiB parts it would be billions of them before any byte came.
    const claiming = buildManifest({
      commit: 'a'.repeat(40),
      codeHash: '',
      source: 'upload',
      files: [{ path: 'big.bin', size: Number.MAX_SAFE_INTEGER, sha256: digest(big) }]
    })
    let asked = 0
    const counting = withRanges((key, offset, length) => {
      asked++
      return store.getRange(key, offset, length)
    })
    const target = tempDir('ranged')
    await expect(downloadSet(counting, prefix, claiming, target, 4, PARTS)).rejects.toThrow(IntegrityError)
    expect(asked).toBeLessThanOrEqual(4)
    expect(readdirSync(target)).toEqual([])
  })

  it.each([
    ['altered', (bytes: Buffer) => Buffer.concat([bytes.subarray(0, 10), Buffer.from([bytes[10]! ^ 1]), bytes.subarray(11)]), 'SHA-256'],
    ['cut short', (bytes: Buffer) => bytes.subarray(0, bytes.length - 1), `${MiB - 1} of the ${MiB} bytes at ${MiB}`]
  ])('a part %s fails the download, keeps nothing and leaves no temporary file', async (_how, spoil, says) => {
    const spoiling = withRanges(async (key, offset, length) => {
      const body = await store.getRange(key, offset, length)
      if (offset !== MiB) return body
      return Readable.from([spoil(await readFully(body))])
    })
    const target = tempDir('ranged')
    const attempt = downloadSet(spoiling, prefix, manifest, target, 4, PARTS)
    await expect(attempt).rejects.toThrow(IntegrityError)
    await expect(attempt).rejects.toThrow(says === 'SHA-256' ? /big\.bin/ : says)
    expect(readdirSync(target)).toEqual([])
  })
  it('a part whose connection drops half way fails the download while the others stream, and leaves no temporary file', async () => {
    const dropping = withRanges(async (key, offset, length) => {
      const body = await store.getRange(key, offset, length)
      if (offset !== MiB) return body
      const bytes = await readFully(body)
      return Readable.from(
        (async function* () {
          yield bytes.subarray(0, bytes.length / 2)
          throw new Error('socket hang up')
        })()
      )
    })
    const target = tempDir('ranged')
    await expect(downloadSet(dropping, prefix, manifest, target, 4, PARTS)).rejects.toThrow('socket hang up')
    expect(readdirSync(target)).toEqual([])
  })
})

describeOnce('a ranged read from a server that ignores Range', () => {
  it('is a RangeIgnoredError, so the caller reads the object whole', async () => {
    const server = createServer((request, response) => {
      request.resume()
      const body = 'the whole object'
      // One answers with the whole object, as if Range were not there; the other with a range not asked for.
      if (request.url?.includes('whole')) response.writeHead(200, { 'content-length': body.length })
      else response.writeHead(206, { 'content-length': 4, 'content-range': `bytes 0-3/${body.length}` })
      response.end(request.url?.includes('whole') ? body : body.slice(0, 4))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const stub = new S3Store(s3Settings('', { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }) as never, 2)
    try {
      await expect(stub.getRange('whole', 4, 4)).rejects.toThrow(RangeIgnoredError)
      await expect(stub.getRange('whole', 4, 4)).rejects.toThrow('was asked for bytes 4-7 and answered with the whole object')
      await expect(stub.getRange('other', 4, 4)).rejects.toThrow("answered with 'bytes 0-3/16'")
    } finally {
      stub.close()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})

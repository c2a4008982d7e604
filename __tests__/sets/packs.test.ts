// pack-below: small files in tar packs under <set>/.packs/, read back with ranged GETs; through dist/index.js
// against s3rver, and the pack format checked with the system's own tar.
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { execFile, spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import type { ManifestFile } from '../../src/sets/manifest.js'
import { filesByPack } from '../../src/sets/manifest.js'
import { PackBuffers, packTarget, planPacks, uploadPack } from '../../src/sets/packs.js'
import { LocalStore } from '../../src/stores/local.js'
import { memberHeader } from '../../src/sets/tar.js'
import { startFaultProxy } from '../support/fault-proxy.js'
import { makeFifo, releaseReaders, within } from '../support/fifo.js'
import {
  bucket,
  commitAll,
  endpoint,
  makeRepo,
  NODE,
  recordingServer,
  runAction,
  s3Inputs,
  tempDir,
  uniquePrefix,
  writeFiles
} from '../support/helpers.js'
import { listKeys, outsideClient, readObject } from '../support/outside-client.js'

const run = promisify(execFile)
const client = outsideClient()
afterAll(() => client.destroy())

const KIB = 1024
const LONG_DIR = `ünï/${'d'.repeat(120)}`

/** Mixed sizes around a 4 KiB threshold: empty files, one byte under, exactly at, nested, UTF-8 and a path ustar cannot hold. */
function mixedPackage(): Record<string, Buffer> {
  return {
    'empty.txt': Buffer.alloc(0),
    'a/under.bin': randomBytes(4 * KIB - 1),
    'a/exactly.bin': randomBytes(4 * KIB),
    'a/b/c/deep.js': Buffer.from('console.log(1)\n'),
    'a/b/also-empty': Buffer.alloc(0),
    'é/ü name.txt': Buffer.from('utf-8 names'),
    [`${LONG_DIR}/long.txt`]: Buffer.from('a path longer than ustar holds'),
    'big.bin': randomBytes(300 * KIB),
    ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`many/f${i}.txt`, randomBytes(i * 97)]))
  }
}

function expectSameTree(expected: Record<string, Buffer>, directory: string): void {
  for (const [name, bytes] of Object.entries(expected)) expect(readFileSync(path.join(directory, name)).equals(bytes)).toBe(true)
}

describe('pack-below (packed sets)', () => {
  it('round trip: small files in a pack the system tar reads, large ones plain, all byte-identical', async () => {
    const repo = makeRepo({ 'src/a.js': '1' })
    const prefix = uniquePrefix('packs')
    const files = mixedPackage()
    const pkg = tempDir('pkg')
    writeFiles(pkg, files)
    const up = await runAction({
      inputs: { ...s3Inputs(prefix), mode: 'upload', 'repo-path': repo.dir, 'package-directory': pkg, 'pack-below': '4KiB' }
    })
    expect(up.code).toBe(0)
    expect(up.outputs.files).toBe(String(Object.keys(files).length))

    const set = `${prefix}artifacts/${repo.commit}/`
    const manifest = JSON.parse((await readObject(client, `${set}.manifest.json`))!.toString()) as {
      version: number
      packs: { path: string; size: number; encoding?: string }[]
      files: ManifestFile[]
    }
    // A runtime with zstd (node24) stores the pack compressed, as .tar.zst in a version 3 manifest.
    const zstd = manifest.packs[0]?.encoding === 'zstd'
    expect(manifest.version).toBe(zstd ? 3 : 2)
    expect(manifest.packs).toHaveLength(1)
    // Exactly the threshold and above are plain objects; everything smaller is in the one pack.
    expect((await listKeys(client, set)).map((key) => key.slice(set.length)).sort()).toEqual(
      ['.manifest.json', zstd ? '.packs/0.tar.zst' : '.packs/0.tar', 'a/exactly.bin', 'big.bin'].sort()
    )
    expect(manifest.files.filter((f) => f.pack).map((f) => f.path)).not.toContain('a/exactly.bin')

    // The pack is a tar (given --zstd when compressed): GNU tar lists and extracts exactly the packed files, byte for byte.
    const tarFile = path.join(tempDir('tar'), 'pack.tar')
    writeFileSync(tarFile, (await readObject(client, set + manifest.packs[0]!.path))!)
    const tarArgs = zstd ? ['--zstd'] : []
    const listed = (await run('tar', [...tarArgs, '-tf', tarFile])).stdout.trim().split('\n').sort()
    expect(listed).toEqual(
      Object.keys(files)
        .filter((name) => files[name]!.length < 4 * KIB)
        .sort()
    )
    const extracted = tempDir('extracted')
    await run('tar', [...tarArgs, '-xf', tarFile, '-C', extracted])
    expectSameTree(Object.fromEntries(Object.entries(files).filter(([, bytes]) => bytes.length < 4 * KIB)), extracted)

    const target = tempDir('restore')
    const hit = await runAction({
      inputs: { ...s3Inputs(prefix), mode: 'check', 'repo-path': repo.dir, 'package-directory': target, download: 'true' }
    })
    expect(hit.outputs).toMatchObject({ found: 'true', files: String(Object.keys(files).length) })
    expectSameTree(files, target)
  })

  it("pack-compression 'none' stores plain tar packs in a version 2 manifest, on any runtime (node24 would compress these)", async () => {
    const repo = makeRepo({ 'src/a.js': '1' })
    const prefix = uniquePrefix('plain-packs')
    // JavaScript-like text, which node24 compresses to a fraction under 'auto'.
    const files = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`js/${i}.js`, Buffer.from(`export const v${i} = '${'abc'.repeat(200 + i)}'\n`)])
    )
    const pkg = tempDir('pkg')
    writeFiles(pkg, files)
    const inputs = { ...s3Inputs(prefix), 'repo-path': repo.dir, 'pack-below': '64KiB' }
    expect((await runAction({ inputs: { ...inputs, mode: 'upload', 'package-directory': pkg, 'pack-compression': 'none' } })).code).toBe(0)
    const set = `${prefix}artifacts/${repo.commit}/`
    const manifest = JSON.parse((await readObject(client, `${set}.manifest.json`))!.toString()) as {
      version: number
      packs: { path: string; encoding?: string }[]
    }
    expect(manifest.version).toBe(2)
    expect(manifest.packs.length).toBeGreaterThan(0)
    for (const pack of manifest.packs) {
      expect(pack.path).toMatch(/^\.packs\/\d+\.tar$/)
      expect(pack.encoding).toBeUndefined()
    }
    // Any tar reads them, no --zstd needed: together they hold every file.
    const listed: string[] = []
    for (const pack of manifest.packs) {
      const tarFile = path.join(tempDir('tar'), 'pack.tar')
      writeFileSync(tarFile, (await readObject(client, set + pack.path))!)
      listed.push(...(await run('tar', ['-tf', tarFile])).stdout.trim().split('\n'))
    }
    expect(listed.sort()).toEqual(Object.keys(files).sort())
  })

  it('packed files that arrive in many network chunks, both gathered (< 1 MiB) and streamed (>= 1 MiB), round-trip across segments', async () => {
    const repo = makeRepo({ 'src/a.js': '1' })
    const prefix = uniquePrefix('chunks')
    const files = {
      ...Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`mid/f${i}.bin`, randomBytes(300 * KIB + i * 7919)])),
      'large/streamed-a.bin': randomBytes(1536 * KIB + 3),
      'large/streamed-b.bin': randomBytes(2 * 1024 * KIB),
      'z-empty-last': Buffer.alloc(0)
    }
    const pkg = tempDir('pkg')
    writeFiles(pkg, files)
    const inputs = { ...s3Inputs(prefix), 'repo-path': repo.dir, concurrency: '3' }
    expect((await runAction({ inputs: { ...inputs, mode: 'upload', 'package-directory': pkg, 'pack-below': '4MiB' } })).code).toBe(0)
    const set = `${prefix}artifacts/${repo.commit}/`
    // Every file is packed (each of these is its own pack's worth: see planPacks), none is a plain object.
    const keys = (await listKeys(client, set)).map((key) => key.slice(set.length))
    expect(keys.filter((key) => !/^\.packs\/\d+\.tar(\.zst)?$/.test(key))).toEqual(['.manifest.json'])
    expect(keys.length).toBeGreaterThan(2)
    const target = tempDir('restore')
    const hit = await runAction({ inputs: { ...inputs, mode: 'check', 'package-directory': target, download: 'true' } })
    expect(hit.stdout).not.toContain('::error::')
    expect(hit.outputs).toMatchObject({ found: 'true', files: String(Object.keys(files).length) })
    expectSameTree(files, target)
  })

  it('plain packs, of a few files and of one file over 8 MiB (sent in parts), hold the bytes and SHA-256 the manifest names', async () => {
    const repo = makeRepo({ 'src/a.js': '1' })
    const prefix = uniquePrefix('plain-packs')
    const files = {
      'big/alone.bin': randomBytes(9 * 1024 * KIB + 5), // its own pack's worth, over the 8 MiB upload part
      ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`small/f${i}.bin`, randomBytes(40 * KIB + i)]))
    }
    const pkg = tempDir('pkg')
    writeFiles(pkg, files)
    const inputs = { ...s3Inputs(prefix), 'repo-path': repo.dir, 'pack-below': '16MiB', 'pack-compression': 'none' }
    expect((await runAction({ inputs: { ...inputs, mode: 'upload', 'package-directory': pkg } })).code).toBe(0)
    const set = `${prefix}artifacts/${repo.commit}/`
    const manifest = JSON.parse((await readObject(client, `${set}.manifest.json`))!.toString())
    const packs = manifest.packs as { path: string; size: number; sha256: string }[]
    expect(packs.some((pack) => pack.size > 8 * 1024 * KIB)).toBe(true)
    expect(packs.some((pack) => pack.size <= 8 * 1024 * KIB)).toBe(true)
    for (const pack of packs) {
      const stored = (await readObject(client, set + pack.path))!
      expect([pack.path, stored.length, createHash('sha256').update(stored).digest('hex')]).toEqual([pack.path, pack.size, pack.sha256])
    }
    const target = tempDir('restore')
    const hit = await runAction({ inputs: { ...inputs, mode: 'check', 'package-directory': target, download: 'true' } })
    expect(hit.outputs).toMatchObject({ found: 'true', files: String(Object.keys(files).length) })
    expectSameTree(files, target)
  })

  it('JavaScript-like small files travel compressed (zstd) where the bundle’s runtime has it, at most 0.45 of their bytes', async () => {
    const zstd = spawnSync(NODE, ['-e', 'process.exit(typeof require("zlib").createZstdCompress === "function" ? 0 : 1)']).status === 0
    const repo = makeRepo({ 'src/a.js': '1' })
    const prefix = uniquePrefix('zstd')
    const chunk = (i: number): string =>
      `export function component${i}(props) {\n  const { id, name = 'item-${i}' } = props\n  return render('div', { id, class: 'c${i % 7}' }, name)\n}\n`.repeat(
        5 + (i % 20)
      )
    const files = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`js/chunk-${i}.js`, Buffer.from(chunk(i))]))
    const pkg = tempDir('pkg')
    writeFiles(pkg, files)
    const inputs = { ...s3Inputs(prefix), 'repo-path': repo.dir, 'pack-below': '64KiB' }
    expect((await runAction({ inputs: { ...inputs, mode: 'upload', 'package-directory': pkg } })).code).toBe(0)
    const set = `${prefix}artifacts/${repo.commit}/`
    const manifest = JSON.parse((await readObject(client, `${set}.manifest.json`))!.toString()) as {
      version: number
      packs: { path: string; size: number; encoding?: string; tarSize?: number }[]
    }
    const stored = manifest.packs.reduce((sum, pack) => sum + pack.size, 0)
    const raw = Object.values(files).reduce((sum, bytes) => sum + bytes.length, 0)
    if (zstd) {
      expect(manifest.version).toBe(3)
      expect(manifest.packs.every((pack) => pack.encoding === 'zstd' && pack.path.endsWith('.tar.zst'))).toBe(true)
      expect(stored).toBeLessThanOrEqual(0.45 * raw)
      // GNU tar reads a pack as it is stored, given --zstd (the zstd program, on GitHub's runners).
      const packFile = path.join(tempDir('tar'), 'pack.tar.zst')
      writeFileSync(packFile, (await readObject(client, set + manifest.packs[0]!.path))!)
      expect((await run('tar', ['--zstd', '-tf', packFile])).stdout).toContain('js/chunk-')
    } else {
      expect(manifest.version).toBe(2)
      expect(manifest.packs.every((pack) => pack.encoding === undefined && pack.path.endsWith('.tar'))).toBe(true)
    }
    const target = tempDir('restore')
    const hit = await runAction({ inputs: { ...inputs, mode: 'check', 'package-directory': target, download: 'true' } })
    expect(hit.outputs).toMatchObject({ found: 'true', files: '200' })
    expectSameTree(files, target)
    console.log(`packs of ${raw} B of JavaScript-like text stored as ${stored} B (${(stored / raw).toFixed(3)}; zstd ${zstd})`)
  })

  it('packs of files that do not compress (random bytes, as images and archives are) are stored plain; JavaScript beside them is compressed where the runtime has zstd', async () => {
    const zstd = spawnSync(NODE, ['-e', 'process.exit(typeof require("zlib").zstdCompress === "function" ? 0 : 1)']).status === 0
    const repo = makeRepo({ 'src/a.js': '1' })
    const prefix = uniquePrefix('incompressible')
    const text = (i: number): Buffer =>
      Buffer.from(`export const value${i} = ${JSON.stringify({ id: i, label: `item ${i}` })}\n`.repeat(400))
    const files = {
      // Larger than the sample (128 KiB) each pack of them is judged by: a pack of these is sampled, not compressed whole.
      ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`img/photo-${i}.jpg`, randomBytes(200 * KIB + i)])),
      ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`js/module-${i}.js`, text(i)]))
    }
    const pkg = tempDir('pkg')
    writeFiles(pkg, files)
    const inputs = { ...s3Inputs(prefix), 'repo-path': repo.dir, 'pack-below': '256KiB' }
    expect((await runAction({ inputs: { ...inputs, mode: 'upload', 'package-directory': pkg } })).code).toBe(0)
    const manifest = JSON.parse((await readObject(client, `${prefix}artifacts/${repo.commit}/.manifest.json`))!.toString()) as {
      packs: { path: string; size: number; encoding?: string; tarSize?: number }[]
      files: { path: string; pack?: string }[]
    }
    const packsHolding = (folder: string) =>
      manifest.packs.filter((pack) =>
        manifest.files.filter((file) => file.pack === pack.path).every((file) => file.path.startsWith(folder))
      )
    const images = packsHolding('img/')
    const scripts = packsHolding('js/')
    expect(images.length).toBeGreaterThan(0)
    expect(scripts.length).toBeGreaterThan(0)
    for (const pack of images) expect(pack).toMatchObject({ path: expect.stringMatching(/\.tar$/) })
    for (const pack of images) expect(pack.encoding).toBeUndefined()
    for (const pack of scripts) expect(pack.encoding).toBe(zstd ? 'zstd' : undefined)
    const target = tempDir('restore')
    const hit = await runAction({ inputs: { ...inputs, mode: 'check', 'package-directory': target, download: 'true' } })
    expect(hit.outputs).toMatchObject({ found: 'true', files: String(Object.keys(files).length) })
    expectSameTree(files, target)
  })

  it('pack-below 0 (the default) writes exactly the version 1 layout, which is still found and downloaded', async () => {
    const repo = makeRepo({ 'src/a.js': '1' })
    const prefix = uniquePrefix('nopack')
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'a.txt': 'a', 'n/b.txt': 'b', 'zero.txt': '' })
    expect(
      (await runAction({ inputs: { ...s3Inputs(prefix), mode: 'upload', 'repo-path': repo.dir, 'package-directory': pkg } })).code
    ).toBe(0)
    const set = `${prefix}artifacts/${repo.commit}/`
    expect(await listKeys(client, set)).toEqual([`${set}.manifest.json`, `${set}a.txt`, `${set}n/b.txt`, `${set}zero.txt`])
    const manifest = JSON.parse((await readObject(client, `${set}.manifest.json`))!.toString()) as Record<string, unknown>
    expect(manifest.version).toBe(1)
    expect(manifest).not.toHaveProperty('packs')
    const target = tempDir('restore')
    const hit = await runAction({
      inputs: { ...s3Inputs(prefix), mode: 'check', 'repo-path': repo.dir, 'package-directory': target, download: 'true' }
    })
    expect(hit.outputs).toMatchObject({ found: 'true', files: '3' })
    expect(readFileSync(path.join(target, 'n/b.txt'), 'utf8')).toBe('b')
  })

  it.each([
    [
      'a byte changed in a packed file',
      (pack: Buffer, offset: number) =>
        Buffer.concat([pack.subarray(0, offset), Buffer.from([pack[offset]! ^ 1]), pack.subarray(offset + 1)])
    ],
    ['the pack cut short', (pack: Buffer, offset: number) => pack.subarray(0, offset + 10)]
  ])('%s is a miss: the download leaves nothing under a final name', async (_what, tamper) => {
    const repo = makeRepo({ 'src/a.js': '1' })
    const prefix = uniquePrefix('tamper')
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'first.txt': 'first file', 'second.txt': 'x'.repeat(3000), 'third.txt': 'third' })
    await runAction({
      inputs: { ...s3Inputs(prefix), mode: 'upload', 'repo-path': repo.dir, 'package-directory': pkg, 'pack-below': '1MiB' }
    })
    const set = `${prefix}artifacts/${repo.commit}/`
    const manifest = JSON.parse((await readObject(client, `${set}.manifest.json`))!.toString()) as { files: ManifestFile[] }
    const second = manifest.files.find((file) => file.path === 'second.txt')!
    // A compressed pack (node24) is changed at its middle: the bytes of its files are not at their tar offsets.
    const zstd = second.pack!.endsWith('.zst')
    const pack = (await readObject(client, set + second.pack!))!
    const at = zstd ? Math.floor(pack.length / 2) : second.offset! + 100
    await client.send(new PutObjectCommand({ Bucket: bucket(), Key: set + second.pack!, Body: tamper(pack, at) }))

    const target = tempDir('restore')
    const hit = await runAction({
      inputs: { ...s3Inputs(prefix), mode: 'check', 'repo-path': repo.dir, 'package-directory': target, download: 'true' }
    })
    expect(hit.code).toBe(0)
    expect(hit.outputs.found).toBe('false')
    if (!zstd) expect(hit.stdout).toContain("'second.txt' in ")
    expect(hit.stdout).toMatch(zstd ? /does not match its manifest|does not decompress/ : /does not match its manifest/)
    expect(readdirSync(target).filter((name) => !name.startsWith('.'))).toEqual([])
  })

  it('an upload whose pack cannot be stored leaves no manifest: the set stays missing', async () => {
    const repo = makeRepo({ 'src/a.js': '1' })
    const prefix = uniquePrefix('crash')
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'a.txt': 'a', 'b.txt': 'b', 'big.bin': randomBytes(64 * KIB) })
    // Every request for the pack fails (retries included), as a connection lost for good mid-upload would.
    const proxy = await startFaultProxy({
      target: endpoint(),
      rate: 1,
      faults: ['500', 'reset-request'],
      seed: 3,
      applies: (request) => String(request.url).includes('.packs')
    })
    try {
      const up = await runAction({
        inputs: {
          ...s3Inputs(prefix),
          endpoint: proxy.url,
          mode: 'upload',
          'repo-path': repo.dir,
          'package-directory': pkg,
          'pack-below': '1KiB'
        }
      })
      expect(up.code).toBe(1)
    } finally {
      await proxy.close()
    }
    expect(await readObject(client, `${prefix}artifacts/${repo.commit}/.manifest.json`)).toBeUndefined()
    const check = await runAction({
      inputs: { ...s3Inputs(prefix), mode: 'check', 'repo-path': repo.dir, 'package-directory': tempDir('p') }
    })
    expect(check.outputs.found).toBe('false')
  })

  it('a code-hash hit on a packed set copies packs and large files only: a handful of requests for hundreds of files', async () => {
    const repo = makeRepo({ 'src/a.js': '1', 'docs.md': 'd' })
    const prefix = uniquePrefix('promote')
    const pkg = tempDir('pkg')
    const files = {
      ...Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`assets/f${i}.js`, randomBytes(50 + i)])),
      'app.zip': randomBytes(2 * 1024 * KIB)
    }
    writeFiles(pkg, files)
    const inputs = { ...s3Inputs(prefix), 'repo-path': repo.dir, 'code-hash-paths': 'src/**', 'pack-below': '1MiB' }
    expect((await runAction({ inputs: { ...inputs, mode: 'upload', 'package-directory': pkg } })).code).toBe(0)
    commitAll(repo.dir, 'docs only', { 'docs.md': 'changed' })

    const recorder = await recordingServer(endpoint())
    try {
      const hit = await runAction({ inputs: { ...inputs, endpoint: recorder.url, mode: 'check', 'package-directory': tempDir('p') } })
      expect(hit.outputs).toMatchObject({ found: 'true', source: 'cache', files: '301' })
    } finally {
      await recorder.close()
    }
    // Commit manifest (miss), code-hash manifest and its listing, the commit set's claim (two puts, two listings,
    // one delete) and a look under it, one copy per pack and large file, the new manifest, the use record.
    const stored = JSON.parse((await readObject(client, `${prefix}artifacts/${repo.commit}/.manifest.json`))!.toString()) as {
      packs: unknown[]
    }
    expect(stored.packs.length).toBeLessThanOrEqual(4)
    expect(recorder.requests.length).toBeLessThanOrEqual(13 + stored.packs.length)
    expect(recorder.requests.filter((r) => r.method === 'PUT' && r.headers['x-amz-copy-source'])).toHaveLength(stored.packs.length + 1)

    const target = tempDir('restore')
    const again = await runAction({ inputs: { ...inputs, mode: 'check', 'package-directory': target, download: 'true' } })
    expect(again.outputs).toMatchObject({ found: 'true', source: 'commit', files: '301' })
    expectSameTree(files, target)
  })

  it('pack-below refuses a size it cannot read, naming the input', async () => {
    const repo = makeRepo({ 'src/a.js': '1' })
    const up = await runAction({
      inputs: {
        ...s3Inputs(uniquePrefix('bad')),
        mode: 'upload',
        'repo-path': repo.dir,
        'package-directory': tempDir('p'),
        'pack-below': 'one meg'
      }
    })
    expect(up.code).toBe(2)
    expect(up.stdout).toContain("::error::Input 'pack-below' is 'one meg': give a size up to 64MiB such as '1MiB'")
  })
})

describe('pack planning', () => {
  const file = (relative: string, size: number) => ({ relative, absolute: `/x/${relative}`, size })

  it('closes a pack before it passes the bound and records where each file starts', () => {
    const files = Array.from({ length: 40 }, (_, i) => file(`f${String(i).padStart(2, '0')}`, 1000))
    const bound = 4 * 1536 + 1024
    const { packs, plain } = planPacks([...files, file('big', 5000)], 2000, bound)
    expect(plain.map((f) => f.relative)).toEqual(['big'])
    // Each member takes 512 (header) + 1024 (1000 bytes padded): at most four fit with the end blocks.
    expect(packs.every((p) => p.size <= bound && p.members.length <= 4)).toBe(true)
    expect(packs.flatMap((p) => p.members.map((m) => m.file.relative))).toEqual(files.map((f) => f.relative))
    expect(packs.map((p) => p.path)).toEqual(packs.map((_, i) => `.packs/${i}.tar`))
    for (const pack of packs) {
      expect(pack.members.map((m) => m.offset)).toEqual(pack.members.map((_, i) => 512 + i * 1536))
      expect(pack.size).toBe(pack.members.length * 1536 + 1024)
    }
    expect(planPacks(files, 0).packs).toEqual([])
  })

  it('packs average about the target, and one changed, added or removed file changes one pack only', () => {
    const sizes = (seed: number) => 1000 + ((seed * 7919) % 9000)
    const files = Array.from({ length: 2000 }, (_, i) => file(`js/chunk-${i}.js`, sizes(i)))
    const members = (packs: ReturnType<typeof planPacks>['packs']) =>
      packs.map((p) => JSON.stringify(p.members.map((m) => [m.file.relative, m.file.size])))
    const before = planPacks(files, 256 * 1024).packs
    const smallBytes = before.reduce((sum, p) => sum + p.size, 0)
    expect(packTarget(smallBytes)).toBe(256 * 1024)
    // 2,000 files of ~6.5 KiB in tar: about 13 MiB, so about 50 packs of 256 KiB on average.
    expect(before.length).toBeGreaterThan(25)
    expect(before.length).toBeLessThan(100)
    const kept = (after: typeof before) => {
      const old = new Set(members(before))
      return members(after).filter((m) => old.has(m)).length
    }
    // One file grows: only the pack holding it differs.
    const grown = planPacks(
      files.map((f) => (f.relative === 'js/chunk-777.js' ? { ...f, size: f.size + 10 } : f)),
      256 * 1024
    ).packs
    expect(kept(grown)).toBe(before.length - 1)
    // One file added in the middle, one removed: at most two packs each differ (the one it falls in may split or join).
    const added = planPacks([...files, file('js/chunk-1000a.js', 4000)], 256 * 1024).packs
    expect(kept(added)).toBeGreaterThanOrEqual(before.length - 2)
    const removed = planPacks(
      files.filter((f) => f.relative !== 'js/chunk-1500.js'),
      256 * 1024
    ).packs
    expect(kept(removed)).toBeGreaterThanOrEqual(before.length - 2)
    // The order files are listed in does not matter.
    expect(members(planPacks([...files].reverse(), 256 * 1024).packs)).toEqual(members(before))
  })

  it('the target is a power of two between 256 KiB and 16 MiB, about 1/32 of the small bytes', () => {
    expect(packTarget(1000)).toBe(256 * 1024)
    expect(packTarget(100 * 1024 * 1024)).toBe(2 * 1024 * 1024)
    expect(packTarget(110 * 1024 * 1024)).toBe(2 * 1024 * 1024)
    expect(packTarget(10 * 1024 * 1024 * 1024)).toBe(16 * 1024 * 1024)
    expect(packTarget(10 * 1024 * 1024 * 1024, 1024 * 1024)).toBe(1024 * 1024)
  })

  it('a path ustar cannot hold gets a PAX header first, and the offset accounts for it', () => {
    const long = `${'d'.repeat(200)}/name.txt`
    expect(memberHeader('short.txt', 1).length).toBe(512)
    expect(memberHeader(long, 1).length).toBe(512 * 3)
    expect(planPacks([file(long, 10)], 100).packs[0]!.members[0]!.offset).toBe(512 * 3)
  })

  it('groups packed files by pack in offset order, leaving plain files out', () => {
    const files: ManifestFile[] = Array.from({ length: 6 }, (_, i) => ({
      path: `f${i}`,
      size: 100,
      sha256: '0'.repeat(64),
      pack: i % 2 === 0 ? '.packs/0.tar' : '.packs/1.tar',
      offset: 512 + (5 - i) * 612
    }))
    const byPack = filesByPack([...files, { path: 'plain', size: 5, sha256: '0'.repeat(64) }])
    expect([...byPack].map(([pack, packed]) => [pack, packed.map((f) => f.path)])).toEqual([
      ['.packs/0.tar', ['f4', 'f2', 'f0']],
      ['.packs/1.tar', ['f5', 'f3', 'f1']]
    ])
  })
})

describe('uploadPack', () => {
  /** A plain pack of three files in a local store, planned from the files as they are on disk now. */
  function planned(): { store: LocalStore; root: string; directory: string; pack: ReturnType<typeof planPacks>['packs'][number] } {
    const directory = tempDir('pack-src')
    writeFiles(directory, { 'a.js': 'a'.repeat(700), 'b.js': 'b'.repeat(300), 'c.js': 'c' })
    const files = ['a.js', 'b.js', 'c.js'].map((relative) => ({
      relative,
      absolute: path.join(directory, relative),
      size: readFileSync(path.join(directory, relative)).length
    }))
    const { packs } = planPacks(files, 4 * KIB)
    expect(packs).toHaveLength(1)
    const root = tempDir('pack-store')
    return { store: new LocalStore(root), root, directory, pack: packs[0]! }
  }

  it('stores a plain pack whole, under the SHA-256 of its stored bytes, with each file where the manifest says', async () => {
    const { store, root, pack } = planned()
    const { record, files } = await uploadPack(store, 'set/', pack, {}, () => undefined, undefined)
    const stored = readFileSync(path.join(root, 'set', record.path))
    expect(stored.length).toBe(pack.size)
    expect(record).toMatchObject({ path: pack.path, size: pack.size, sha256: createHash('sha256').update(stored).digest('hex') })
    for (const file of files) {
      const bytes = stored.subarray(file.offset!, file.offset! + file.size)
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256)
    }
  })

  it('a file that changed size after it was listed fails the pack, and nothing is stored', async () => {
    const { store, root, directory, pack } = planned()
    writeFileSync(path.join(directory, 'b.js'), 'b'.repeat(301))
    await expect(uploadPack(store, 'set/', pack, {}, () => undefined, undefined)).rejects.toThrow(
      `${path.join(directory, 'b.js')} changed while it was packed (300 bytes when listed, 301 when read). Upload again.`
    )
    expect(existsSync(path.join(root, 'set'))).toBe(false)
  })

  it('a file swapped for a FIFO after it was listed fails the pack at once instead of waiting for a writer', async () => {
    const { store, root, directory, pack } = planned()
    rmSync(path.join(directory, 'b.js'))
    const fifo = makeFifo(path.join(directory, 'b.js'))
    try {
      const outcome = await within(
        5000,
        uploadPack(store, 'set/', pack, {}, () => undefined, undefined).catch((error: Error) => error.message)
      )
      expect(outcome).toBe(`${fifo} changed while it was packed (300 bytes when listed, 0 when read). Upload again.`)
    } finally {
      releaseReaders(fifo)
    }
    expect(existsSync(path.join(root, 'set'))).toBe(false)
  })

  it('a pack is gathered in a buffer used again only once the pack before it is stored, and each holds its own files', async () => {
    const directory = tempDir('pack-src-many')
    const sources = Object.fromEntries(
      Array.from({ length: 120 }, (_, i) => [`f/${String(i).padStart(3, '0')}.bin`, randomBytes(100 + ((i * 7919) % 9000))])
    )
    writeFiles(directory, sources)
    const files = Object.keys(sources).map((relative) => ({
      relative,
      absolute: path.join(directory, relative),
      size: sources[relative]!.length
    }))
    const { packs } = planPacks(files, 16 * KIB)
    expect(packs.length).toBeGreaterThan(6)
    const memory = new Set<ArrayBufferLike>()
    const buffers = new PackBuffers(3)
    const take = buffers.take.bind(buffers)
    buffers.take = (size: number) => {
      const body = take(size)
      memory.add(body.buffer)
      return body
    }
    // Each pack's put starts the next pack and holds its body, as a request in flight does, until that pack has been
    // gathered: a buffer given back before its own pack was stored would have been written over by then.
    const root = tempDir('pack-store-many')
    const local = new LocalStore(root)
    const uploads: ReturnType<typeof uploadPack>[] = []
    let puts = 0
    const startNext = (): boolean => {
      if (uploads.length === packs.length) return false
      uploads.push(uploadPack(store, 'set/', packs[uploads.length]!, {}, () => undefined, undefined, buffers))
      return true
    }
    const store: LocalStore = new Proxy(local, {
      get: (target, property) =>
        property === 'put'
          ? async (...args: Parameters<LocalStore['put']>) => {
              const mine = ++puts
              if (startNext())
                for (const deadline = Date.now() + 2000; puts === mine && Date.now() < deadline;)
                  await new Promise((resolve) => setTimeout(resolve, 1))
              return target.put(...args)
            }
          : (Reflect.get(target, property) as unknown)
    })
    startNext()
    // Each upload starts the next: wait until the last has started (a failed one stops the chain, and Promise.all says why).
    for (let last = -1; uploads.length > last && uploads.length < packs.length;) {
      last = uploads.length
      await Promise.race([Promise.allSettled(uploads), new Promise((resolve) => setTimeout(resolve, 500))])
    }
    const uploaded = await Promise.all(uploads)
    const stored: ManifestFile[] = uploaded.flatMap((pack) => pack.files)
    // Fewer buffers than packs: later packs were gathered where earlier ones had been.
    expect(memory.size).toBeLessThan(packs.length)
    expect(stored).toHaveLength(files.length)
    for (const entry of stored) {
      const pack = readFileSync(path.join(root, 'set', entry.pack!))
      expect(pack.subarray(entry.offset!, entry.offset! + entry.size).equals(sources[entry.path]!)).toBe(true)
    }
  })
})

describe('PackBuffers', () => {
  it('hands out exactly the size asked, uses a given-back buffer again for a pack that fits, and keeps the largest', () => {
    const buffers = new PackBuffers(2)
    const first = buffers.take(1000)
    expect(first).toHaveLength(1000)
    buffers.give(first)
    const second = buffers.take(5000)
    // Sizes round up to whole MiB: the 1,000-byte pack's buffer holds the 5,000-byte one.
    expect(second.buffer).toBe(first.buffer)
    expect(second).toHaveLength(5000)
    const larger = buffers.take(3 * 1024 * 1024)
    expect(larger.buffer).not.toBe(second.buffer)
    const third = buffers.take(10)
    buffers.give(second)
    buffers.give(larger)
    buffers.give(third)
    // Three given back, two kept: the 3 MiB one and a 1 MiB one.
    expect(buffers.take(2 * 1024 * 1024).buffer).toBe(larger.buffer)
    const oneMiB = buffers.take(1024 * 1024)
    expect([second.buffer, third.buffer]).toContain(oneMiB.buffer)
  })

  it('never uses again memory it did not make (a small Buffer may share Node.js’s pool)', () => {
    const buffers = new PackBuffers(4)
    const foreign = Buffer.from('from the shared pool')
    buffers.give(foreign)
    expect(buffers.take(5).buffer).not.toBe(foreign.buffer)
  })
})

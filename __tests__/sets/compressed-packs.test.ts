// Packs stored compressed (manifest version 3, `.tar.zst`). A runtime with zstd in node:zlib (Node.js >= 22.15,
// node24 on GitHub) reads them in one pass; one without it (Node.js 20) misses with a warning naming the runtime
// and writes nothing. The sets here are made by hand with zstd frames of raw blocks (the format's stored blocks,
// which every decoder reads), so the same test runs, and means something, under either runtime; writing
// compressed packs is checked through the bundle in packs.test.ts, which CI also runs under node24.
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import * as zlib from 'node:zlib'
import { check } from '../../src/modes/check.js'
import { upload } from '../../src/modes/upload.js'
import { parseManifest, serializeManifest, type Manifest, type PackRecord } from '../../src/sets/manifest.js'
import { decompressor } from '../../src/sets/pack-encoding.js'
import { NO_KEYS } from '../../src/sets/signing.js'
import { LocalStore } from '../../src/stores/local.js'
import { commitAll, localSetsFixture, printedBy, tempDir, treeDigests, writeFiles } from '../support/helpers.js'

const RAW_BLOCK = 128 * 1024

/** A zstd frame holding `data` in raw blocks: magic, a header with a 128 KiB window, then blocks of at most 128 KiB. */
function zstdRawFrame(data: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 7 << 3])]
  for (let at = 0; at === 0 || at < data.length; at += RAW_BLOCK) {
    const block = data.subarray(at, at + RAW_BLOCK)
    const last = at + RAW_BLOCK >= data.length ? 1 : 0
    const header = (block.length << 3) | last // block type 0: raw
    parts.push(Buffer.from([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff]), block)
  }
  return Buffer.concat(parts)
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')
const canReadZstd = decompressor('zstd') !== undefined

/** Rewrites the stored set under `setKey` (`artifacts/<commit>/`…) as version 3, every pack a zstd frame; `damage` may change a frame. */
async function rewriteAsZstd(
  store: LocalStore,
  root: string,
  setKey: string,
  damage?: (frame: Buffer) => Buffer | void,
  afterManifest = false
) {
  const setDir = path.join(root, setKey)
  const stored = parseManifest(readFileSync(path.join(setDir, '.manifest.json'), 'utf8'), 'the test set')
  const packs: PackRecord[] = []
  const tarPath = (pack: PackRecord): string => pack.path.replace(/\.zst$/, '')
  for (const pack of stored.packs ?? []) {
    // Under a runtime with zstd, upload has compressed the pack already: the tar is what is inside.
    const bytes = readFileSync(path.join(setDir, pack.path))
    const tar = pack.encoding ? (zlib as unknown as { zstdDecompressSync(b: Buffer): Buffer }).zstdDecompressSync(bytes) : bytes
    let frame = zstdRawFrame(tar)
    const recorded = { size: frame.length, sha256: sha256(frame) }
    if (!afterManifest) frame = damage?.(frame) ?? frame
    rmSync(path.join(setDir, pack.path))
    if (afterManifest) frame = damage?.(frame) ?? frame
    const { etag } = await store.put(`${setKey}/${tarPath(pack)}.zst`, frame, {
      size: frame.length,
      contentType: 'application/zstd'
    })
    packs.push({
      path: `${tarPath(pack)}.zst`,
      size: afterManifest ? recorded.size : frame.length,
      sha256: afterManifest ? recorded.sha256 : sha256(frame),
      encoding: 'zstd',
      tarSize: tar.length,
      ...(etag ? { etag } : {})
    })
  }
  expect(packs.length).toBeGreaterThan(0)
  const manifest: Manifest = {
    ...stored,
    version: 3,
    packs,
    files: stored.files.map((file) => (file.pack === undefined ? file : { ...file, pack: `${file.pack.replace(/\.zst$/, '')}.zst` }))
  }
  await store.put(`${setKey}/.manifest.json`, Buffer.from(serializeManifest(manifest, stored.location!, NO_KEYS)), {
    size: 0,
    contentType: 'application/json'
  })
}

/**
 * A packed set stored by upload, then rewritten as version 3 with every pack a zstd frame; `damage` may change a
 * frame. With `codeHashPatterns`, its code-hash set (what the next upload copies unchanged packs from) is too.
 */
async function zstdSet(damage?: (frame: Buffer) => Buffer | void, afterManifest = false, codeHashPatterns: string[] = []) {
  const { repo, root, store, sets, settings } = localSetsFixture({ packBelow: 64 * 1024, codeHashPatterns })
  const build = tempDir('build')
  writeFiles(build, {
    'big.bin': randomBytes(100 * 1024),
    ...Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`js/${i}.js`, `export const v${i} = '${'x'.repeat(i * 97)}'\n`])),
    'js/large-ish.js': randomBytes(60 * 1024)
  })
  const { codeHash } = await upload(settings(build), sets)
  await rewriteAsZstd(store, root, `artifacts/${repo.commit}`, damage, afterManifest)
  if (codeHash) await rewriteAsZstd(store, root, `cache/${codeHash}`)
  return { sets, settings, build, repo, root }
}

describe(`compressed packs (this runtime, Node.js ${process.versions.node}, ${canReadZstd ? 'reads' : 'cannot read'} zstd)`, () => {
  it('are downloaded and checked where the runtime reads zstd; elsewhere a miss naming the runtime, nothing written', async () => {
    const { sets, settings, build } = await zstdSet()
    const target = tempDir('restore')
    const { result, printed: said } = await printedBy(() => check(settings(target, true), sets))
    if (canReadZstd) {
      expect(result).toMatchObject({ found: true, source: 'commit' })
      expect(treeDigests(target)).toEqual(treeDigests(build))
    } else {
      expect(result.found).toBe(false)
      expect(said).toContain(`which Node.js ${process.versions.node} cannot read (Node.js 22.15 or later can`)
      expect(result.missReason?.line).toContain('compressed with zstd')
      expect(treeDigests(target)).toEqual({})
    }
    // Without download, a hit needs no decoding: found on any runtime.
    expect((await printedBy(() => check(settings(tempDir('p')), sets))).result.found).toBe(true)
  })

  // The first file's bytes start after the frame header (6), the block header (3) and its tar header (512).
  const firstFileByte = 6 + 3 + 512
  it.each([
    [
      'a file inside the frame is not the bytes its manifest names',
      (frame: Buffer): void => {
        frame[firstFileByte] = frame[firstFileByte]! ^ 1
      },
      false,
      'does not match'
    ],
    [
      'the frame header is damaged',
      (frame: Buffer): void => {
        frame[0] = frame[0]! ^ 0xff
      },
      false,
      'does not decompress'
    ],
    [
      'a block claims more than the frame holds',
      (frame: Buffer): void => {
        frame[7] = 0xff
      },
      false,
      'does not'
    ],
    ['the stored pack was cut short after its manifest was written', (frame: Buffer): Buffer => frame.subarray(0, 700), true, 'does not'],
    ['the frame ends before its last block', (frame: Buffer): Buffer => frame.subarray(0, 700), false, 'does not'],
    [
      'the stored pack changed after its manifest was written',
      (frame: Buffer): void => {
        frame[frame.length - 2] = frame[frame.length - 2]! ^ 1
      },
      true,
      'does not match its manifest'
    ]
  ] as const)('%s: a miss with a warning, nothing kept', async (_, damage, afterManifest, message) => {
    const { sets, settings } = await zstdSet(damage, afterManifest)
    const target = tempDir('restore')
    const { result, printed: said } = await printedBy(() => check(settings(target, true), sets))
    expect(result.found).toBe(false)
    expect(treeDigests(target)).toEqual({})
    expect(said).toContain(canReadZstd ? message : 'cannot read')
  })

  it("pack-compression 'none' sends an unchanged compressed pack again as plain tar, which any runtime reads; 'auto' copies it as stored", async () => {
    const { sets, settings, build, repo, root } = await zstdSet(undefined, false, ['src/**'])
    const manifestOf = (commit: string): Manifest =>
      parseManifest(readFileSync(path.join(root, 'artifacts', commit, '.manifest.json'), 'utf8'), `the set of ${commit}`)

    // Each next commit changes the code (a new code hash, so a real upload) but builds the same files.
    // 'auto', the default: the earlier packs are unchanged, so they are copied, compressed, whatever this runtime writes.
    const copiedCommit = commitAll(repo.dir, 'same build, auto', { 'src/a.js': '2' })
    await upload({ ...settings(build), packCompression: 'auto' }, sets)
    const copied = manifestOf(copiedCommit)
    expect(copied.version).toBe(3)
    expect(copied.packs!.every((pack) => pack.encoding === 'zstd' && pack.path.endsWith('.tar.zst'))).toBe(true)

    // 'none': the same packs are sent again as plain tar, and the manifest is version 2.
    const plainCommit = commitAll(repo.dir, 'same build, none', { 'src/a.js': '3' })
    await upload({ ...settings(build), packCompression: 'none' }, sets)
    const plain = manifestOf(plainCommit)
    expect(plain.version).toBe(2)
    expect(plain.packs!.length).toBe(copied.packs!.length)
    for (const pack of plain.packs!) {
      expect(pack).not.toHaveProperty('encoding')
      expect(pack.path).toMatch(/\.tar$/)
      expect(sha256(readFileSync(path.join(root, 'artifacts', plainCommit, pack.path)))).toBe(pack.sha256)
    }
    // So a runtime without zstd restores it too.
    const target = tempDir('restore-plain')
    expect((await printedBy(() => check(settings(target, true), sets))).result).toMatchObject({ found: true, source: 'commit' })
    expect(treeDigests(target)).toEqual(treeDigests(build))
  })
})

import { NO_KEYS } from '../../src/sets/signing.js'
import { buildManifest, isSafeRelativePath, parseManifest, serializeManifest } from '../../src/sets/manifest.js'

const digest = 'a'.repeat(64)
const valid = {
  version: 1,
  commit: 'c'.repeat(40),
  codeHash: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  source: 'upload',
  files: [{ path: 'a/b.js', size: 3, sha256: digest }]
}

const pack = { path: '.packs/0.tar', size: 2048, sha256: digest }
const packed = { ...valid, version: 2, packs: [pack], files: [{ path: 'a/b.js', size: 3, sha256: digest, pack: pack.path, offset: 512 }] }

describe('manifest', () => {
  it('version 2 (packs) round-trips; version 1 is written when nothing is packed', () => {
    const manifest = buildManifest(
      { commit: 'c'.repeat(40), codeHash: '', source: 'upload', files: packed.files, packs: [pack] },
      new Date(0)
    )
    expect(manifest.version).toBe(2)
    expect(parseManifest(serializeManifest(manifest, 'p/artifacts/c/', NO_KEYS), 'm')).toEqual({ ...manifest, location: 'p/artifacts/c/' })
    expect(buildManifest({ commit: 'c'.repeat(40), codeHash: '', source: 'upload', files: valid.files, packs: [] })).not.toHaveProperty(
      'packs'
    )
  })

  it('version 3 (compressed packs) round-trips; offsets are inside the tar, which may be larger than the stored pack', () => {
    const zstdPack = { path: '.packs/0.tar.zst', size: 100, sha256: digest, encoding: 'zstd' as const, tarSize: 2048 }
    const manifest = buildManifest(
      {
        commit: 'c'.repeat(40),
        codeHash: '',
        source: 'upload',
        files: [{ ...packed.files[0]!, pack: zstdPack.path, offset: 1536 }],
        packs: [zstdPack]
      },
      new Date(0)
    )
    expect(manifest.version).toBe(3)
    expect(parseManifest(serializeManifest(manifest, 'p/artifacts/c/', NO_KEYS), 'm')).toEqual({ ...manifest, location: 'p/artifacts/c/' })
  })

  it('round-trips', () => {
    const manifest = buildManifest(
      { commit: 'c'.repeat(40), codeHash: 'h', source: 'cache', files: [{ path: 'x', size: 1, sha256: digest }] },
      new Date(0)
    )
    expect(parseManifest(serializeManifest(manifest, 'p/artifacts/c/', NO_KEYS), 'm')).toEqual({ ...manifest, location: 'p/artifacts/c/' })
    expect(manifest.createdAt).toBe('1970-01-01T00:00:00.000Z')
  })

  it.each([
    ['a.js', true],
    ['dir/file name é.js', true],
    ['../x', false],
    ['a/../x', false],
    ['/abs', false],
    ['a//b', false],
    ['./a', false],
    ['a\\b', false],
    ['', false]
  ])('isSafeRelativePath(%j) is %s', (candidate, safe) => {
    expect(isSafeRelativePath(candidate)).toBe(safe)
  })

  it.each([
    ['not json', 'is not valid JSON'],
    ['[]', 'unsupported version'],
    [JSON.stringify({ ...valid, version: 4 }), 'unsupported version 4'],
    [
      JSON.stringify({ ...packed, packs: [{ ...pack, encoding: 'zstd', tarSize: 2048 }] }),
      'packs[0].encoding is not allowed before version 3'
    ],
    [JSON.stringify({ ...packed, version: 3, packs: [{ ...pack, encoding: 'xz', tarSize: 2048 }] }), 'packs[0].encoding "xz" is not one'],
    [JSON.stringify({ ...packed, version: 3, packs: [{ ...pack, encoding: 'zstd' }] }), 'packs[0].tarSize is not a byte count'],
    [
      JSON.stringify({ ...packed, version: 3, packs: [{ ...pack, size: 100, encoding: 'zstd', tarSize: 2 ** 40 }] }),
      '".packs/0.tar" has a tarSize larger than its files need'
    ],
    [
      JSON.stringify({
        ...packed,
        version: 3,
        packs: [{ ...pack, size: 100, encoding: 'zstd', tarSize: 600 }],
        files: [{ ...packed.files[0], offset: 598 }]
      }),
      'files[0].offset does not place the file inside'
    ],
    [JSON.stringify({ ...valid, version: 2 }), '"packs" is not a list'],
    [
      JSON.stringify({ ...packed, packs: [{ ...pack, path: 'elsewhere.tar' }] }),
      'packs[0].path "elsewhere.tar" is not a path under .packs/'
    ],
    [JSON.stringify({ ...packed, packs: [{ ...pack, path: '.packs/../../x' }] }), 'is not a relative path inside the set'],
    [JSON.stringify({ ...packed, packs: [pack, pack] }), 'packs[1].path ".packs/0.tar" is listed twice'],
    [JSON.stringify({ ...packed, files: [{ ...packed.files[0], pack: '.packs/9.tar' }] }), 'files[0].pack ".packs/9.tar" is not one of'],
    [JSON.stringify({ ...packed, files: [{ ...packed.files[0], offset: 2046 }] }), 'files[0].offset does not place the file inside'],
    [JSON.stringify({ ...valid, files: [{ ...valid.files[0], pack: '.packs/0.tar', offset: 0 }] }), 'is not one of the set'],
    [JSON.stringify({ ...valid, source: 'elsewhere' }), '"source" is neither'],
    [JSON.stringify({ ...valid, files: {} }), '"files" is not a list'],
    [JSON.stringify({ ...valid, files: [{ path: '../../etc/passwd', size: 1, sha256: digest }] }), 'is not a relative path inside the set'],
    [JSON.stringify({ ...valid, files: [{ path: 'a', size: -1, sha256: digest }] }), 'files[0].size is not a byte count'],
    [JSON.stringify({ ...valid, files: [{ path: 'a', size: 1, sha256: 'zz' }] }), 'files[0].sha256 is not a SHA-256'],
    [JSON.stringify({ ...valid, files: [valid.files[0], valid.files[0]] }), 'is listed twice']
  ])('rejects %s', (text, message) => {
    expect(() => parseManifest(text, 's3://b/m.json')).toThrow(message)
    expect(() => parseManifest(text, 's3://b/m.json')).toThrow('s3://b/m.json')
  })
})

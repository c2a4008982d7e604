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

describe('manifest', () => {
  it('round-trips', () => {
    const manifest = buildManifest(
      { commit: 'c'.repeat(40), codeHash: 'h', source: 'cache', files: [{ path: 'x', size: 1, sha256: digest }] },
      new Date(0)
    )
    expect(parseManifest(serializeManifest(manifest), 'm')).toEqual(manifest)
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
    [JSON.stringify({ ...valid, version: 2 }), 'unsupported version 2'],
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

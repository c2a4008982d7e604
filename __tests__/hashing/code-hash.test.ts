import { createHash } from 'node:crypto'
import { symlinkSync, utimesSync } from 'node:fs'
import path from 'node:path'
import { computeCodeHash, matchFiles, parsePatterns } from '../../src/hashing/code-hash.js'
import { tempDir, writeFiles } from '../support/helpers.js'

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex')

/** DESIGN.md's definition, written out independently of the implementation. */
function expectedHash(files: Record<string, string>): string {
  const paths = Object.keys(files).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
  return sha256(paths.map((p) => `${p}\0${sha256(files[p]!)}\n`).join(''))
}

function repo(files: Record<string, string>): string {
  const dir = tempDir('hash')
  writeFiles(dir, files)
  return dir
}

describe('parsePatterns', () => {
  it.each([
    ['a/**', ['a/**']],
    ['a/**\nb/*.js', ['a/**', 'b/*.js']],
    ['a, b ,c', ['a', 'b', 'c']],
    ['  src/**   !src/**/*.md  ', ['src/**', '!src/**/*.md']],
    ['', []]
  ])('%j', (text, expected) => {
    expect(parsePatterns(text)).toEqual(expected)
  })
})

describe('computeCodeHash', () => {
  const files = { 'src/a.js': 'a', 'src/nested/deep/b.js': 'bb', 'src/.eslintrc': '{}', 'README.md': 'readme' }

  it('is SHA-256 over sorted "path NUL sha256(content)" lines of the matched files', async () => {
    const dir = repo(files)
    const result = await computeCodeHash(dir, ['src/**'])
    const { 'README.md': _, ...matched } = files
    expect(result).toEqual({ hash: expectedHash(matched), files: 3, bytes: 5 })
  })

  it('ignores mtimes but not renames or content', async () => {
    const dir = repo(files)
    const before = (await computeCodeHash(dir, ['src/**'])).hash
    utimesSync(path.join(dir, 'src/a.js'), new Date(2001, 1, 1), new Date(2001, 1, 1))
    expect((await computeCodeHash(dir, ['src/**'])).hash).toBe(before)
    const { 'src/a.js': a, ...others } = files
    const renamed = repo({ ...others, 'src/a2.js': a })
    expect((await computeCodeHash(renamed, ['src/**'])).hash).not.toBe(before)
    writeFiles(dir, { 'src/a.js': 'changed' })
    expect((await computeCodeHash(dir, ['src/**'])).hash).not.toBe(before)
  })

  it('supports negation, directory names and never enters .git', async () => {
    const dir = repo({ ...files, '.git/HEAD': 'ref', 'src/.git/config': 'x', 'docs/x.md': 'x' })
    expect(await matchFiles(dir, ['src/**', '!**/*.eslintrc'])).toEqual(['src/a.js', 'src/nested/deep/b.js'])
    expect(await matchFiles(dir, ['src'])).toEqual(['src/.eslintrc', 'src/a.js', 'src/nested/deep/b.js'])
    expect(await matchFiles(dir, ['**'])).toEqual(['README.md', 'docs/x.md', 'src/.eslintrc', 'src/a.js', 'src/nested/deep/b.js'])
  })

  it('orders paths by their UTF-8 bytes', async () => {
    const dir = repo({ 'B.txt': '1', 'a.txt': '2', 'é.txt': '3', 'z.txt': '4' })
    expect(await matchFiles(dir, ['*.txt'])).toEqual(['B.txt', 'a.txt', 'z.txt', 'é.txt'])
  })

  it('counts regular files only: symlinks are neither followed nor hashed', async () => {
    const dir = repo({ 'src/real.js': 'x', 'elsewhere/other.js': 'y' })
    symlinkSync('real.js', path.join(dir, 'src/link.js'))
    symlinkSync('../elsewhere', path.join(dir, 'src/linked-dir'))
    const result = await computeCodeHash(dir, ['src/**'])
    expect(result).toEqual({ hash: expectedHash({ 'src/real.js': 'x' }), files: 1, bytes: 1 })
  })

  it('streams large files to the same digest', async () => {
    const big = Buffer.alloc(9 * 1024 * 1024, 'q')
    const dir = tempDir('big')
    writeFiles(dir, { 'big.bin': big })
    const result = await computeCodeHash(dir, ['big.bin'])
    expect(result.hash).toBe(sha256(`big.bin\0${sha256(big)}\n`))
  })

  it.each([
    [['nothing/**'], "The code-hash patterns 'nothing/**' match no file under"],
    [['!src/**'], "The code-hash patterns '!src/**' only exclude"],
    [['../outside/**'], "Code-hash pattern '../outside/**' leaves the repository"],
    [['/etc/**'], "Code-hash pattern '/etc/**' leaves the repository"]
  ])('rejects %j', async (patterns, message) => {
    const dir = repo(files)
    await expect(computeCodeHash(dir, patterns)).rejects.toThrow(message)
  })
})

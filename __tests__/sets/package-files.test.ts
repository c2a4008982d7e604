import { mkdirSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import { listPackageFiles } from '../../src/sets/package-files.js'
import { tempDir, writeFiles } from '../support/helpers.js'

// What upload takes from the package directory. Entries are looked at in batches at once (package-files.ts), so
// these pin what must not depend on which lstat answers first: the listing's order and which refusal is named.
describe('listing the package directory', () => {
  it('lists every regular file once, sorted, across more entries than a batch, hidden ones left out', async () => {
    const dir = tempDir('package-files')
    const many: Record<string, string> = {}
    for (let index = 0; index < 150; index++) many[`flat/f-${String(index).padStart(3, '0')}.txt`] = 'x'.repeat(index)
    writeFiles(dir, { ...many, 'b/deep/c.txt': 'ccc', 'a.txt': 'a', '.hidden': 'h', 'b/.git/config': 'no' })
    symlinkSync(path.join(dir, 'a.txt'), path.join(dir, 'link-to-a'))
    const files = await listPackageFiles(dir)
    expect(files.map((file) => file.relative)).toEqual(['a.txt', 'b/deep/c.txt', ...Object.keys(many).sort(), 'link-to-a'])
    expect(files.find((file) => file.relative === 'flat/f-149.txt')?.size).toBe(149)
    expect(files.find((file) => file.relative === 'link-to-a')).toMatchObject({ absolute: path.join(dir, 'link-to-a'), size: 1 })
  })

  it('names the first refused entry in the directory order, not the first one looked at', async () => {
    const dir = tempDir('package-files')
    writeFiles(dir, { 'a/inside.txt': 'i', 'm.txt': 'm' })
    // a/ comes first and holds a symlink out; z-leak, later in the same batch as a/, leaves too.
    symlinkSync('/etc/hostname', path.join(dir, 'a', 'leak'))
    symlinkSync('/etc/hostname', path.join(dir, 'z-leak'))
    await expect(listPackageFiles(dir)).rejects.toThrow("Refusing to upload 'a/leak': it is a symlink that points outside")
  })

  it('refuses a symlink loop', async () => {
    const dir = tempDir('package-files')
    mkdirSync(path.join(dir, 'sub'))
    writeFiles(dir, { 'sub/f.txt': 'f' })
    symlinkSync(dir, path.join(dir, 'sub', 'up'))
    await expect(listPackageFiles(dir)).rejects.toThrow("Refusing to upload 'sub/up': a symlink loop")
  })
})

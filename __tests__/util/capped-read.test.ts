import { symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { readListedFileInto, readRunnerFile } from '../../src/util/capped-read.js'
import { makeFifo, releaseReaders, within } from '../support/fifo.js'
import { tempDir } from '../support/helpers.js'

describe('readRunnerFile', () => {
  it('reads a regular file whole, and gives undefined for a symlink, a missing file or one over the limit', async () => {
    const dir = tempDir('capped')
    writeFileSync(path.join(dir, 'file'), 'twelve bytes')
    symlinkSync(path.join(dir, 'file'), path.join(dir, 'link'))
    expect((await readRunnerFile(path.join(dir, 'file'), 12))?.toString()).toBe('twelve bytes')
    expect(await readRunnerFile(path.join(dir, 'file'), 11)).toBeUndefined()
    expect(await readRunnerFile(path.join(dir, 'link'), 100)).toBeUndefined()
    expect(await readRunnerFile(path.join(dir, 'missing'), 100)).toBeUndefined()
  })

  it('gives undefined for a FIFO at once instead of waiting for a writer', async () => {
    const fifo = makeFifo(path.join(tempDir('capped-fifo'), 'payload.json'))
    try {
      expect(await within(5000, readRunnerFile(fifo, 100))).toBeUndefined()
    } finally {
      releaseReaders(fifo)
    }
  })
})

describe('readListedFileInto', () => {
  const dir = tempDir('into')
  const file = (name: string, text: string): string => {
    writeFileSync(path.join(dir, name), text)
    return path.join(dir, name)
  }

  it.each([
    ['still has the size it was listed with', 'twelve bytes', 12, 12],
    ['shrank', 'seven b', 12, 7],
    ['grew (one byte past the room tells it)', 'thirteen byte', 12, 13],
    ['was empty and grew', 'x', 0, 1],
    ['is still empty', '', 0, 0]
  ])('a file that %s', async (_what, text, room, held) => {
    const target = Buffer.alloc(room + 4, '.')
    expect(await readListedFileInto(file(`f${room}-${text.length}`, text), target.subarray(0, room))).toBe(held)
    // Bytes go to their place, and never past the room given.
    expect(target.toString()).toBe(text.slice(0, room).padEnd(room, '.') + '....')
  })

  it('a FIFO reads as empty at once instead of waiting for a writer', async () => {
    const fifo = makeFifo(path.join(dir, 'fifo'))
    try {
      expect(await within(5000, readListedFileInto(fifo, Buffer.alloc(10)))).toBe(0)
    } finally {
      releaseReaders(fifo)
    }
  })
})

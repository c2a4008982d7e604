import { symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { readRunnerFile } from '../../src/util/capped-read.js'
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

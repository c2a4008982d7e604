// A file over the single-PUT limit (16 MiB, object-publish.ts) is hashed before it is sent, then read straight into
// the store's buffers as a pull body and hashed again as it is read: what was sent must be what was hashed.
import { createHash, randomBytes } from 'node:crypto'
import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { MANIFEST_NAME } from '../../src/constants.js'
import { IntegrityError } from '../../src/errors.js'
import { publish } from '../../src/sets/object-publish.js'
import { LocalStore } from '../../src/stores/local.js'
import { isPullBody, type PullBody, type PutBody, type PutOptions, type PutResult } from '../../src/stores/store.js'
import { OPEN_POLICY, tempDir, writeFiles } from '../support/helpers.js'

const COMMIT = 'c'.repeat(40)
const LARGE = 17 * 1024 * 1024 + 3

/** A local store that runs `duringPull` after the first read of each pull body it is given. */
class PullWatchingStore extends LocalStore {
  pulls = 0
  pulledWith: PutOptions | undefined
  constructor(
    root: string,
    private readonly duringPull: () => void = () => undefined
  ) {
    super(root)
  }
  override async put(key: string, body: PutBody, options?: PutOptions): Promise<PutResult> {
    if (!isPullBody(body)) return super.put(key, body, options)
    this.pulls++
    this.pulledWith = options
    let reads = 0
    const watched: PullBody = {
      readInto: async (into) => {
        const read = await body.readInto(into)
        if (reads++ === 0) this.duringPull()
        return read
      }
    }
    return super.put(key, watched, options)
  }
}

describe('a large file', () => {
  it('goes up as a pull body, byte for byte, under the SHA-256 its manifest records', async () => {
    const pkg = tempDir('large-pkg')
    const big = randomBytes(LARGE)
    writeFiles(pkg, { 'big.bin': big, 'small.js': 'x' })
    const root = tempDir('large-store')
    const store = new PullWatchingStore(root)
    await publish(store, { prefix: '', commit: COMMIT, codeHash: 'h', directory: pkg, concurrency: 2, platform: 'linux-x64' }, OPEN_POLICY)
    expect(store.pulls).toBe(1)
    // What a multipart upload sends with its first request, as a single PUT does: the seed's object metadata.
    const sha256 = createHash('sha256').update(big).digest()
    expect(store.pulledWith?.metadata).toEqual({ 'commit-hash': COMMIT, 'code-hash': 'h', 'package-hash': sha256.toString('base64') })
    expect(store.pulledWith?.size).toBe(LARGE)
    const stored = readFileSync(path.join(root, 'artifacts', COMMIT, 'big.bin'))
    expect(stored.equals(big)).toBe(true)
    const manifest = JSON.parse(readFileSync(path.join(root, 'artifacts', COMMIT, MANIFEST_NAME), 'utf8')) as {
      files: Array<{ path: string; sha256: string }>
    }
    expect(manifest.files.find((file) => file.path === 'big.bin')?.sha256).toBe(sha256.toString('hex'))
  })

  it('that changes while it is sent fails the upload, naming it, and no manifest is written', async () => {
    const pkg = tempDir('large-pkg-changing')
    writeFiles(pkg, { 'big.bin': randomBytes(LARGE), 'small.js': 'x' })
    const root = tempDir('large-store-changing')
    const store = new PullWatchingStore(root, () => appendFileSync(path.join(pkg, 'big.bin'), 'more'))
    const outcome = publish(
      store,
      { prefix: '', commit: COMMIT, codeHash: 'h', directory: pkg, concurrency: 2, platform: 'linux-x64' },
      OPEN_POLICY
    )
    await expect(outcome).rejects.toBeInstanceOf(IntegrityError)
    await expect(outcome).rejects.toThrow(`${path.join(pkg, 'big.bin')} changed while it was uploaded`)
    expect(existsSync(path.join(root, 'artifacts', COMMIT, MANIFEST_NAME))).toBe(false)
  })
})

import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { MissingObjectError } from '../src/errors.js'
import { LocalStore } from '../src/stores/local.js'
import { S3Store, copySource } from '../src/stores/s3.js'
import type { Store } from '../src/stores/store.js'
import { outsideClient, readObject, s3Settings, tempDir, uniquePrefix } from './helpers.js'

interface Backend {
  name: string
  make(): { store: Store; prefix: string; readRaw(key: string): Promise<Buffer | undefined> }
}

const client = outsideClient()
afterAll(() => client.destroy())

const backends: Backend[] = [
  {
    name: 's3 (s3rver)',
    make() {
      const prefix = uniquePrefix('store')
      return { store: new S3Store(s3Settings(prefix), 4), prefix, readRaw: (key) => readObject(client, key) }
    }
  },
  {
    name: 'local',
    make() {
      const root = tempDir('local-store')
      return {
        store: new LocalStore(root),
        prefix: 'p/',
        readRaw: async (key) => {
          try {
            return readFileSync(path.join(root, key))
          } catch {
            return undefined
          }
        }
      }
    }
  }
]

describe.each(backends)('$name store', (backend) => {
  let store: Store
  let prefix: string
  let readRaw: (key: string) => Promise<Buffer | undefined>
  beforeEach(() => ({ store, prefix, readRaw } = backend.make()))
  afterEach(() => store.close())

  it('reads a missing object as undefined and a written one back', async () => {
    expect(await store.readText(`${prefix}missing.json`)).toBeUndefined()
    const body = Buffer.from('{"a":1}')
    await store.put(`${prefix}m.json`, body, { size: body.length, contentType: 'application/json' })
    expect(await store.readText(`${prefix}m.json`)).toBe('{"a":1}')
  })

  it('stores streams and copies objects, keeping names with spaces and non-ASCII characters', async () => {
    const bytes = Buffer.from('héllo wörld '.repeat(1000))
    const key = `${prefix}dir/file name ünï 日本.txt`
    await store.put(key, Readable.from([bytes.subarray(0, 5000), bytes.subarray(5000)]), { size: bytes.length, contentType: 'text/plain' })
    await store.copy(key, `${prefix}copy/file name ünï 日本.txt`, bytes.length)
    expect(await readRaw(`${prefix}copy/file name ünï 日本.txt`)).toEqual(bytes)
  })

  it('reports a missing copy source as MissingObjectError', async () => {
    await expect(store.copy(`${prefix}nope`, `${prefix}target`, 1)).rejects.toBeInstanceOf(MissingObjectError)
    expect(await readRaw(`${prefix}target`)).toBeUndefined()
  })
})

describe('local store', () => {
  it('leaves no file under its final name when a stream fails halfway', async () => {
    const root = tempDir('local-crash')
    const store = new LocalStore(root)
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024, 1))
        this.destroy(new Error('disk pulled'))
      }
    })
    await expect(store.put('a/b.bin', failing, { size: 4096, contentType: 'application/octet-stream' })).rejects.toThrow('disk pulled')
    expect(readdirSync(path.join(root, 'a'))).toEqual([])
  })

  it('gives file URLs for keys and prefixes', () => {
    const store = new LocalStore('/srv/store')
    expect(store.url('p/artifacts/abc/')).toBe('file:///srv/store/p/artifacts/abc/')
    expect(store.url('p/x y.js')).toBe('file:///srv/store/p/x%20y.js')
  })
})

describe('copySource', () => {
  it.each([
    ['a/b.js', 'bkt/a/b.js'],
    ['dir/file name.txt', 'bkt/dir/file%20name.txt'],
    ['x/ü+1,2?.js', 'bkt/x/%C3%BC%2B1%2C2%3F.js']
  ])('%j', (key, expected) => {
    expect(copySource('bkt', key)).toBe(expected)
  })
})

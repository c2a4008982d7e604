// The part sender behind S3Store's stream uploads, with a stand-in for UploadPart: how a stream is cut, how many
// parts and buffers are out at once, and what a failure leaves running. (S3 itself: stores.test.ts, faults.test.ts.)
import { Readable } from 'node:stream'
import { multipartPartSize, PartSender, type SentBody, type SentPart } from '../../src/stores/multipart.js'
import { MAX_PARTS, UPLOAD_PART_SIZE } from '../../src/stores/part-sizes.js'
import type { PullBody } from '../../src/stores/store.js'

/** The parts a stream was sent as (failing the test when it was handed back whole). */
function partsOf(sent: SentBody): SentPart[] {
  if (!('parts' in sent)) throw new Error(`expected parts, got a whole body of ${sent.whole.length} bytes`)
  return sent.parts
}

/** A stand-in for UploadPart that records each part's bytes (copied: the sender reuses its buffers) and holds each answer until released. */
function recorder(options: { failPart?: number } = {}) {
  const received = new Map<number, Buffer>()
  const waiting: Array<() => void> = []
  const buffers = new Set<ArrayBufferLike>()
  let inFlight = 0
  let mostInFlight = 0
  const sendPart = (body: Buffer, partNumber: number): Promise<SentPart> => {
    buffers.add(body.buffer)
    received.set(partNumber, Buffer.from(body))
    inFlight++
    mostInFlight = Math.max(mostInFlight, inFlight)
    return new Promise((resolve, reject) =>
      waiting.push(() => {
        inFlight--
        if (partNumber === options.failPart) reject(new Error(`part ${partNumber} failed`))
        else resolve({ PartNumber: partNumber, ETag: `etag-${partNumber}` })
      })
    )
  }
  /** Answers the oldest part held, a macrotask later, until none is held and none arrives. */
  const answerAll = async (): Promise<void> => {
    for (let idle = 0; idle < 3;) {
      await new Promise((resolve) => setImmediate(resolve))
      const next = waiting.shift()
      if (next) {
        idle = 0
        next()
      } else idle++
    }
  }
  return { sendPart, received, answerAll, buffers, inFlight: () => inFlight, mostInFlight: () => mostInFlight }
}

/** `total` bytes (a counter pattern) in chunks of the given sizes, repeated. */
function body(total: number, chunkSizes: number[]): { bytes: Buffer; stream: Readable } {
  const bytes = Buffer.alloc(total)
  for (let i = 0; i < total; i++) bytes[i] = (i * 7 + (i >> 8)) & 0xff
  const chunks: Buffer[] = []
  for (let at = 0, n = 0; at < total; n++) {
    const size = chunkSizes[n % chunkSizes.length]!
    chunks.push(Buffer.from(bytes.subarray(at, at + size)))
    at += size
  }
  return { bytes, stream: Readable.from(chunks) }
}

/**
 * A pull body over `bytes` whose reads fill at most the given sizes in turn (a file read can come back short), with
 * how many reads it answered and the buffers it was handed.
 */
function puller(bytes: Buffer, readSizes: number[], options: { failAt?: number } = {}) {
  let at = 0
  let reads = 0
  const into = new Set<ArrayBufferLike>()
  const pull: PullBody = {
    readInto: async (target) => {
      await Promise.resolve()
      if (options.failAt !== undefined && at >= options.failAt) throw new Error('read failed')
      into.add(target.buffer)
      const count = Math.min(target.length, readSizes[reads++ % readSizes.length]!, bytes.length - at)
      bytes.copy(target, 0, at, at + count)
      at += count
      return count
    }
  }
  return { pull, reads: () => reads, into }
}

describe('multipartPartSize', () => {
  it('is 8 MiB up to 10,000 parts of it, then whole MiB enough to stay within 10,000 parts', () => {
    expect(multipartPartSize(0)).toBe(UPLOAD_PART_SIZE)
    expect(multipartPartSize(UPLOAD_PART_SIZE * MAX_PARTS)).toBe(UPLOAD_PART_SIZE)
    const over = UPLOAD_PART_SIZE * MAX_PARTS + 1
    expect(multipartPartSize(over)).toBe(UPLOAD_PART_SIZE + 1024 ** 2)
    for (const size of [over, 200 * 1024 ** 3, 5 * 1024 ** 4]) {
      const part = multipartPartSize(size)
      expect(part % 1024 ** 2).toBe(0)
      expect(Math.ceil(size / part)).toBeLessThanOrEqual(MAX_PARTS)
    }
  })
})

describe('PartSender', () => {
  it.each([
    ['chunks smaller than a part', [7]],
    ['chunks larger than a part', [250]],
    ['chunks of a part exactly', [100]],
    ['chunks of mixed sizes', [1, 99, 100, 333, 2]]
  ])('cuts a stream in %s into whole parts and a short last one, in order', async (_name, chunkSizes) => {
    const { bytes, stream } = body(1234, chunkSizes)
    const parts = recorder()
    const sender = new PartSender(100, 3, parts.sendPart)
    const sent = partsOf((await Promise.all([sender.send(stream), parts.answerAll()]))[0])
    expect(sent.map((part) => part.PartNumber)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1))
    expect(sent.map((part) => part.ETag)).toEqual(sent.map((part) => `etag-${part.PartNumber}`))
    expect([...parts.received.keys()].sort((a, b) => a - b).map((n) => parts.received.get(n)!.length)).toEqual([...Array(12).fill(100), 34])
    expect(Buffer.concat(sent.map((part) => parts.received.get(part.PartNumber)!))).toEqual(bytes)
  })

  it('keeps at most `parallel` parts in flight and `parallel + 1` buffers, however long the stream', async () => {
    const { stream } = body(100 * 40, [64])
    const parts = recorder()
    const sent = partsOf((await Promise.all([new PartSender(100, 3, parts.sendPart).send(stream), parts.answerAll()]))[0])
    expect(sent).toHaveLength(40)
    expect(parts.mostInFlight()).toBe(3)
    expect(parts.buffers.size).toBeLessThanOrEqual(4)
  })

  it.each([
    ['an empty stream', 0],
    ['a stream shorter than one part', 99]
  ])('hands %s back whole, sending no part (one PutObject instead)', async (_name, total) => {
    const { bytes, stream } = body(total, [10])
    const parts = recorder()
    const [sent] = await Promise.all([new PartSender(100, 2, parts.sendPart).send(stream), parts.answerAll()])
    expect(sent).toEqual({ whole: bytes })
    expect(parts.received.size).toBe(0)
  })

  it('stops reading when a part fails, and rejects only once no part is in flight', async () => {
    let read = 0
    const chunks = (async function* () {
      for (let i = 0; i < 100; i++) {
        read++
        yield Buffer.alloc(100, i)
      }
    })()
    const parts = recorder({ failPart: 2 })
    const sending = new PartSender(100, 3, parts.sendPart).send(chunks)
    let inFlightAtRejection = -1
    const outcome = sending.catch((error: Error) => {
      inFlightAtRejection = parts.inFlight()
      return error.message
    })
    await parts.answerAll()
    expect(await outcome).toBe('part 2 failed')
    expect(inFlightAtRejection).toBe(0)
    expect(read).toBeLessThan(10)
  })

  it('rejects a stream that fails, once its parts in flight have settled', async () => {
    const chunks = (async function* () {
      yield Buffer.alloc(250)
      throw new Error('read failed')
    })()
    const parts = recorder()
    let inFlightAtRejection = -1
    const outcome = new PartSender(100, 3, parts.sendPart).send(chunks).catch((error: Error) => {
      inFlightAtRejection = parts.inFlight()
      return error.message
    })
    await parts.answerAll()
    expect(await outcome).toBe('read failed')
    expect(inFlightAtRejection).toBe(0)
    expect(parts.received.size).toBe(2)
  })

  it.each([
    ['reads that fill a part at once', [1_000_000]],
    ['short reads', [700]],
    ['reads of mixed sizes', [1, 4999, 5000, 16_333, 2]]
  ])('cuts a pull body with %s into whole parts and a short last one, reading into its own buffers', async (_name, readSizes) => {
    // Parts of 5,000 bytes: Buffer.allocUnsafe takes buffers under 4 KiB from a shared pool, which would hide how many there are.
    const { bytes } = body(12 * 5000 + 340, [100_000])
    const { pull, into } = puller(bytes, readSizes)
    const parts = recorder()
    const sent = partsOf((await Promise.all([new PartSender(5000, 3, parts.sendPart).send(pull), parts.answerAll()]))[0])
    expect(sent.map((part) => part.PartNumber)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1))
    expect(Buffer.concat(sent.map((part) => parts.received.get(part.PartNumber)!)).equals(bytes)).toBe(true)
    // Read straight into the part buffers, no other: parallel + 1 of them.
    expect([...into].every((buffer) => parts.buffers.has(buffer))).toBe(true)
    expect(parts.buffers.size).toBe(4)
  })

  it('hands a pull body shorter than one part back whole, sending no part', async () => {
    const { bytes } = body(99, [99])
    const parts = recorder()
    const [sent] = await Promise.all([new PartSender(100, 2, parts.sendPart).send(puller(bytes, [30]).pull), parts.answerAll()])
    expect(sent).toEqual({ whole: bytes })
    expect(parts.received.size).toBe(0)
  })

  it('stops pulling when a part fails, and rejects a pull that fails once its parts in flight have settled', async () => {
    const { bytes } = body(100 * 100, [100])
    const failedPart = puller(bytes, [100])
    const parts = recorder({ failPart: 2 })
    const outcome = new PartSender(100, 3, parts.sendPart).send(failedPart.pull).catch((error: Error) => error.message)
    await parts.answerAll()
    expect(await outcome).toBe('part 2 failed')
    expect(failedPart.reads()).toBeLessThan(10)

    const failedRead = puller(bytes, [50], { failAt: 250 })
    const others = recorder()
    let inFlightAtRejection = -1
    const rejected = new PartSender(100, 3, others.sendPart).send(failedRead.pull).catch((error: Error) => {
      inFlightAtRejection = others.inFlight()
      return error.message
    })
    await others.answerAll()
    expect(await rejected).toBe('read failed')
    expect(inFlightAtRejection).toBe(0)
    expect(others.received.size).toBe(2)
  })

  it('refuses a body that needs more than 10,000 parts', async () => {
    const parts = recorder()
    const tooLong = (async function* () {
      for (let i = 0; i <= MAX_PARTS; i++) yield Buffer.alloc(1)
    })()
    const outcome = new PartSender(1, 64, parts.sendPart).send(tooLong).catch((error: Error) => error.message)
    await parts.answerAll()
    expect(await outcome).toMatch(/more than 10000 parts/)
    expect(parts.received.size).toBe(MAX_PARTS)
  })

  it('refuses a body whose short last part would be part 10,001', async () => {
    const parts = recorder()
    const tooLong = (async function* () {
      for (let i = 0; i < MAX_PARTS; i++) yield Buffer.alloc(2)
      yield Buffer.alloc(1)
    })()
    const outcome = new PartSender(2, 64, parts.sendPart).send(tooLong).catch((error: Error) => error.message)
    await parts.answerAll()
    expect(await outcome).toMatch(/more than 10000 parts/)
    expect(parts.received.size).toBe(MAX_PARTS)
  })
})

import { StoreError } from '../errors.js'
import { MAX_PARTS, UPLOAD_PART_SIZE } from './part-sizes.js'
import { isPullBody, type PullBody } from './store.js'

/** Parts of 8 MiB, or of whole MiB large enough that `size` bytes take at most MAX_PARTS of them. */
export function multipartPartSize(size: number): number {
  const mib = 1024 ** 2
  return Math.max(UPLOAD_PART_SIZE, Math.ceil(size / MAX_PARTS / mib) * mib)
}

/** A part as CompleteMultipartUpload takes it: its number, ETag and, where the store computed one, its CRC32. */
export interface SentPart {
  PartNumber: number
  ETag: string
  ChecksumCRC32?: string
}

/** What a stream came to: the parts sent, in order, or, for a stream shorter than one part, its bytes (none sent). */
export type SentBody = { parts: SentPart[] } | { whole: Buffer }

/**
 * Cuts a stream into parts of `partSize` and sends each through `sendPart`, `parallel` at a time; a stream that ends
 * before its first part is full is handed back whole instead, for a single PutObject. Each part is held in one of at
 * most `parallel + 1` buffers, each used again once its part is sent: a stream's chunks are copied into it (never
 * gathered into a fresh buffer a part), a pull body reads straight into it. Reading waits while every buffer is out.
 * A failed part stops the reading; every part in flight settles before `send` rejects, so nothing is still being
 * sent when the caller aborts the upload.
 */
export class PartSender {
  private readonly free: Buffer[] = []
  private readonly inFlight = new Set<Promise<void>>()
  private readonly sent: SentPart[] = []
  private failure: { error: unknown } | undefined
  private buffers = 0

  constructor(
    private readonly partSize: number,
    private readonly parallel: number,
    private readonly sendPart: (body: Buffer, partNumber: number) => Promise<SentPart>
  ) {}

  /** Sends every part of `body`; the parts in order, as CompleteMultipartUpload takes them. */
  async send(body: AsyncIterable<Buffer> | PullBody): Promise<SentBody> {
    let part = this.take()
    let filled = 0
    let partNumber = 1
    const partFull = async (): Promise<void> => {
      await this.dispatch(part, filled, partNumber++)
      part = await this.nextBuffer()
      filled = 0
    }
    try {
      if (isPullBody(body)) {
        for (;;) {
          const read = await body.readInto(part.subarray(filled))
          if (read === 0) break
          filled += read
          if (filled === this.partSize) await partFull()
        }
      } else {
        for await (const chunk of body) {
          for (let at = 0; at < chunk.length;) {
            const copied = chunk.copy(part, filled, at)
            at += copied
            filled += copied
            if (filled === this.partSize) await partFull()
          }
        }
      }
      if (partNumber === 1) return { whole: part.subarray(0, filled) }
      // The last part, short.
      if (filled > 0) await this.dispatch(part, filled, partNumber)
      await this.settle()
    } catch (error) {
      this.failure ??= { error }
      await this.settle()
    }
    if (this.failure) throw this.failure.error
    return { parts: this.sent.sort((a, b) => a.PartNumber - b.PartNumber) }
  }

  private take(): Buffer {
    this.buffers++
    return Buffer.allocUnsafe(this.partSize)
  }

  /** A buffer for the next part: a free one, a new one while fewer than parallel + 1 exist, or the first one freed. */
  private async nextBuffer(): Promise<Buffer> {
    for (;;) {
      this.throwIfFailed()
      const free = this.free.pop()
      if (free) return free
      if (this.buffers <= this.parallel) return this.take()
      await Promise.race(this.inFlight)
    }
  }

  private async dispatch(buffer: Buffer, length: number, partNumber: number): Promise<void> {
    // A full part past the limit, or the short last one: the body is longer than the size the parts were cut for.
    if (partNumber > MAX_PARTS)
      throw new StoreError(`A multipart upload took more than ${MAX_PARTS} parts: the body is larger than it said.`)
    while (this.inFlight.size >= this.parallel) {
      this.throwIfFailed()
      await Promise.race(this.inFlight)
    }
    this.throwIfFailed()
    const sending: Promise<void> = this.sendPart(buffer.subarray(0, length), partNumber).then(
      (part) => {
        this.sent.push(part)
        this.free.push(buffer)
      },
      (error: unknown) => {
        this.failure ??= { error }
      }
    )
    this.inFlight.add(sending)
    void sending.finally(() => this.inFlight.delete(sending))
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error
  }

  private async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.race(this.inFlight)
  }
}

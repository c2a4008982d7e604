import { createHash } from 'node:crypto'
import { Transform, type TransformCallback } from 'node:stream'

/** A pass-through stream that takes the SHA-256 and the length of what flows through it. */
export class DigestStream extends Transform {
  private readonly hash = createHash('sha256')
  /** Bytes that passed so far (not `size`: the AWS SDK reads a body's `size` as its length). */
  passed = 0

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk)
    this.passed += chunk.length
    callback(null, chunk)
  }

  /** The SHA-256 (hex) of everything that passed; call once, after the stream ended. */
  digest(): string {
    return this.hash.digest('hex')
  }
}

import { randomBytes, randomHex, randomUuid } from '../../src/util/random.js'

describe('random names from /dev/urandom', () => {
  it('gives version 4 UUIDs as crypto.randomUUID writes them, never the same twice', () => {
    const uuids = Array.from({ length: 200 }, randomUuid)
    for (const uuid of uuids) expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(new Set(uuids).size).toBe(uuids.length)
  })

  it('gives the bytes asked for, not a fixed pattern', () => {
    expect(randomHex(6)).toMatch(/^[0-9a-f]{12}$/)
    const bytes = randomBytes(4096)
    expect(bytes).toHaveLength(4096)
    // 4,096 random bytes take nearly every value; zeros (an unfilled buffer) or a short read would not.
    expect(new Set(bytes).size).toBeGreaterThan(240)
  })
})

// The store layout is written and read in one module: what it writes, it parses back.
import { codeHashPrefix, commitPrefix, parseSetRoot, siblingPrefix, variantPrefix } from '../../src/sets/layout.js'

const COMMIT = 'a'.repeat(40)
const SHA256_COMMIT = 'b'.repeat(64)
const CODE_HASH = 'c'.repeat(64)

describe('the set layout', () => {
  it.each([
    ['', 'artifacts', COMMIT],
    ['', 'artifacts', SHA256_COMMIT],
    ['', 'cache', CODE_HASH],
    ['api/', 'cache', 'd'.repeat(32)],
    [variantPrefix('', 'linux-x64'), 'artifacts', COMMIT],
    [variantPrefix('web/', 'prod'), 'cache', CODE_HASH]
  ] as const)('parses back what it writes under %j: %s/%s', (family, tier, id) => {
    const root = tier === 'artifacts' ? commitPrefix(family, id) : codeHashPrefix(family, id)
    expect(parseSetRoot(`${root}deep/file.js`)).toEqual({ family, tier, id, root })
    expect(parseSetRoot(`${root}.manifest.json`)?.root).toBe(root)
  })

  it("a set's own files never start a set, and keys outside sets are no set", () => {
    const root = commitPrefix('', COMMIT)
    expect(parseSetRoot(`${root}${codeHashPrefix('', CODE_HASH)}x`)?.root).toBe(root)
    for (const key of [
      'state/assets.state',
      `artifacts/${COMMIT}`,
      'artifacts/not-a-commit/x',
      `cache/${'c'.repeat(31)}/x`,
      'releases/latest.json'
    ])
      expect(parseSetRoot(key)).toBeUndefined()
  })

  it("finds a commit set's code-hash sibling in the same family", () => {
    const set = { ...parseSetRoot(`${commitPrefix('pre/api/', COMMIT)}x`)!, root: `store/${commitPrefix('pre/api/', COMMIT)}` }
    expect(siblingPrefix(set, 'cache', CODE_HASH)).toBe(`store/${codeHashPrefix('pre/api/', CODE_HASH)}`)
  })
})

// The README's inputs and outputs tables are generated from action.yml (npm run docs); these tests fail when
// the two drift apart, and keep the constants the code reads inputs by in step with action.yml.
import { execFileSync, spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import yaml from 'js-yaml'
import { Inputs, Outputs, VERSION } from '../src/constants.js'
import { ROOT, tempDir } from './support/helpers.js'

/** Enough of semver's range syntax for package engines: `>=18`, `^20.9.0 || >=21.1.0`, `>= 0.6`, `*`. */
function satisfies(version: string, range: string): boolean {
  const parse = (text: string): number[] =>
    text
      .replace(/^v/, '')
      .split('.')
      .map((part) => Number(part.replace(/x|\*/i, '0')) || 0)
  const compare = (a: number[], b: number[]): number => {
    for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0)
    return 0
  }
  const have = parse(version)
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/([<>=^~]+)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean)
      .every((comparator) => {
        const match = /^([<>=^~]*)(.*)$/.exec(comparator)!
        const [operator, bound] = [match[1]!, parse(match[2]!)]
        if (match[2] === '*' || match[2] === '') return true
        const order = compare(have, bound)
        if (operator === '>=') return order >= 0
        if (operator === '>') return order > 0
        if (operator === '<=') return order <= 0
        if (operator === '<') return order < 0
        if (operator === '^') return order >= 0 && have[0] === bound[0]
        if (operator === '~') return order >= 0 && have[0] === bound[0] && have[1] === bound[1]
        return match[2]!.split('.').every((part, i) => /x|\*/i.test(part) || Number(part) === have[i])
      })
  )
}

const action = yaml.load(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: object; outputs: object }
const script = path.join(ROOT, 'scripts', 'docs.mjs')

describe('README and action.yml', () => {
  it('the README tables are what action.yml gives', () => {
    expect(execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8' })).toContain('README tables match action.yml.')
  })

  it('the check fails, naming the input, when action.yml gains an input the README lacks', () => {
    const changed = path.join(tempDir('action'), 'action.yml')
    const text = readFileSync(path.join(ROOT, 'action.yml'), 'utf8').replace(
      'inputs:\n',
      "inputs:\n  brand-new:\n    description: 'Something new.'\n    required: false\n    default: ''\n"
    )
    writeFileSync(changed, text)
    const run = spawnSync(process.execPath, [script, '--check', '--action', changed], { encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('missing: brand-new')
    expect(run.stderr).toContain('Run npm run docs.')
  })

  it('the code reads exactly the inputs and outputs action.yml declares', () => {
    expect(Object.values(Inputs).sort()).toEqual(Object.keys(action.inputs).sort())
    expect(Object.values(Outputs).sort()).toEqual(Object.keys(action.outputs).sort())
  })

  it("--version is package.json's version", () => {
    expect(VERSION).toBe((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version)
  })

  it.each([
    ['20.19.0', '>=18', true],
    ['20.19.0', '>=22', false],
    ['20.19.0', '^18.18.0 || ^20.9.0 || >=21.1.0', true],
    ['20.19.0', '>= 0.6', true],
    ['20.19.0', '^22', false],
    ['20.19.0', '*', true]
  ])('engines check: %s satisfies %s: %s', (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected)
  })

  it('no installed package requires a Node.js newer than 20 (npm ci prints no EBADENGINE)', () => {
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean }>
    }
    const node20 = process.versions.node.startsWith('20.') ? process.versions.node : '20.19.0'
    const refusing = Object.entries(lock.packages)
      .filter(([, entry]) => entry.engines && !Array.isArray(entry.engines) && entry.engines.node)
      .filter(([, entry]) => !satisfies(node20, (entry.engines as { node: string }).node))
      .map(([name, entry]) => `${name} (${(entry.engines as { node: string }).node})`)
    expect(refusing).toEqual([])
  })
})

describe('jest.config.js lists', () => {
  const files = (pattern: RegExp): string[] =>
    (readdirSync(path.join(ROOT, '__tests__'), { recursive: true }) as string[])
      .map((file) => file.split(path.sep).join('/'))
      .filter((file) => file.endsWith('.test.ts') && pattern.test(readFileSync(path.join(ROOT, '__tests__', file), 'utf8')))
      .sort()

  it('every test file that asks which server it runs on runs against moto too, and every one that runs the bundle is listed, and the node24 smoke set holds the runtime-specific ones', async () => {
    const { MOTO_TESTS, BUNDLE_TESTS, BUNDLE_SMOKE_TESTS } = (await import(path.join(ROOT, 'jest.config.js'))) as {
      MOTO_TESTS: string[]
      BUNDLE_TESTS: string[]
      BUNDLE_SMOKE_TESTS: string[]
    }
    const talksToS3 = files(/\b(s3Inputs|s3Settings|outsideClient|credentialChecking)\(/)
    for (const file of files(/\b(s3Server|credentialChecking)\(/)) expect(MOTO_TESTS).toContain(file)
    for (const file of MOTO_TESTS) expect(talksToS3).toContain(file)
    expect([...BUNDLE_TESTS].sort()).toEqual(files(/\b(runAction|runDist|runBundle|runMainThenPost)\(/))
    // node24 runs the bundle smoke tests: each runs steps, and the ones that touch runtime-specific code are among them.
    for (const file of BUNDLE_SMOKE_TESTS) expect(BUNDLE_TESTS).toContain(file)
    for (const file of files(/\b(zstdWithBundleNode|createZstd\w*|SIGINT|SIGTERM)\b/).filter((file) => BUNDLE_TESTS.includes(file)))
      expect(BUNDLE_SMOKE_TESTS).toContain(file)
  })
})

// src/runner.ts speaks the runner's protocol itself (so a step does not load @actions/core's HTTP client at
// start-up), while @actions/cache and @actions/github still use @actions/core. One protocol, checked here: each
// function is driven through both against temporary GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files
// and a captured stdout, and the bytes must be the same (the random heredoc delimiter aside).
import * as core from '@actions/core'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import * as runner from '../src/runner.js'
import { tempDir } from './support/helpers.js'

type Protocol = typeof runner

/** What one implementation wrote: stdout, the three files and the exit code it set. */
interface Written {
  stdout: string
  output: string
  state: string
  summary: string
  exitCode: number | string | undefined
}

const FILE_VARIABLES = ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'] as const

async function written(use: () => unknown | Promise<unknown>, withFiles: boolean): Promise<Written> {
  const dir = tempDir('runner-contract')
  const saved = Object.fromEntries(FILE_VARIABLES.map((name) => [name, process.env[name]]))
  for (const name of FILE_VARIABLES) {
    const file = path.join(dir, name)
    writeFileSync(file, '')
    if (withFiles || name === 'GITHUB_STEP_SUMMARY') process.env[name] = file
    else delete process.env[name]
  }
  const chunks: string[] = []
  const originalWrite = process.stdout.write
  const originalExitCode = process.exitCode
  process.stdout.write = ((chunk: string | Uint8Array) => chunks.push(String(chunk)) > 0) as typeof process.stdout.write
  process.exitCode = undefined
  let exitCode: Written['exitCode']
  try {
    await use()
  } finally {
    process.stdout.write = originalWrite
    exitCode = process.exitCode
    process.exitCode = originalExitCode
    for (const name of FILE_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name]
      else process.env[name] = saved[name]
    }
  }
  const read = (name: string): string => readFileSync(path.join(dir, name), 'utf8').replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_X')
  return {
    stdout: chunks.join(''),
    output: read('GITHUB_OUTPUT'),
    state: read('GITHUB_STATE'),
    summary: read('GITHUB_STEP_SUMMARY'),
    exitCode
  }
}

const VALUES: unknown[] = [
  'plain',
  '',
  'two\nlines\r\nand 100% of it',
  '::set-output name=found::true',
  { found: true, files: [1, 2] },
  42,
  undefined,
  null
]

const PROTOCOLS: [[string, Protocol], [string, Protocol]] = [
  ['runner.ts', runner],
  [
    '@actions/core',
    {
      ...runner,
      getInput: core.getInput,
      setOutput: core.setOutput,
      saveState: core.saveState,
      getState: core.getState,
      setSecret: core.setSecret,
      warning: core.warning,
      error: core.error,
      startGroup: core.startGroup,
      endGroup: core.endGroup,
      setFailed: core.setFailed,
      // Returns the write's promise (runner.ts writes synchronously), so the test can wait for it.
      appendSummary: (markdown: string) => core.summary.addRaw(markdown, true).write()
    } as Protocol
  ]
]

/** Runs `use` with each protocol and expects the same bytes from both. */
async function sameBytes(use: (protocol: Protocol) => unknown, withFiles = true): Promise<Written> {
  const [ours, theirs] = [await written(() => use(PROTOCOLS[0][1]), withFiles), await written(() => use(PROTOCOLS[1][1]), withFiles)]
  expect(ours).toEqual(theirs)
  return ours
}

describe('runner.ts and @actions/core write the same bytes', () => {
  it.each(VALUES.map((value) => [JSON.stringify(value) ?? 'undefined', value]))(
    'setOutput and saveState of %s, to the files',
    async (_, value) => {
      const out = await sameBytes((protocol) => {
        protocol.setOutput('found', value)
        protocol.saveState('phase', value)
      })
      expect(out.output).toContain('found<<ghadelimiter_X')
      expect(out.stdout).toBe('')
    }
  )

  it.each(VALUES.map((value) => [JSON.stringify(value) ?? 'undefined', value]))(
    'setOutput and saveState of %s, as commands when the files are not there',
    async (_, value) => {
      const out = await sameBytes((protocol) => {
        protocol.setOutput('found', value)
        protocol.saveState('phase', value)
      }, false)
      expect(out.stdout).toMatch(/::set-output name=found::/)
    }
  )

  it('log commands, masks, groups and a failed step', async () => {
    const out = await sameBytes((protocol) => {
      protocol.setSecret('s3cr%t\nline')
      protocol.warning('careful: 50%\r\nnext')
      protocol.warning(new Error('an error object'))
      protocol.error('broken')
      protocol.startGroup('Group name')
      protocol.endGroup()
      protocol.setFailed('the step fails')
    })
    expect(out.exitCode).toBe(1)
    expect(out.stdout).toContain('::add-mask::s3cr%25t%0Aline')
  })

  it('the job summary', async () => {
    const dir = tempDir('summary-contract')
    const files = PROTOCOLS.map(([name]) => path.join(dir, name.replace(/\W/g, '_')))
    for (const [index, [, protocol]] of PROTOCOLS.entries()) {
      const file = files[index]!
      writeFileSync(file, '')
      process.env.GITHUB_STEP_SUMMARY = file
      await (protocol.appendSummary('## Assets\n\n| a | b |\n') as unknown)
      await (protocol.appendSummary('second part') as unknown)
    }
    delete process.env.GITHUB_STEP_SUMMARY
    const [ours, theirs] = files.map((file) => readFileSync(file, 'utf8'))
    expect(ours).toBe(theirs)
    expect(ours).toBe('## Assets\n\n| a | b |\n\nsecond part\n')
  })

  it('inputs and state read from the environment', () => {
    process.env['INPUT_PACKAGE-DIRECTORY'] = '  ./out  '
    process.env.INPUT_WITH_SPACE = ' x '
    process.env.STATE_phase = 'uploaded'
    try {
      for (const name of ['package-directory', 'with space', 'missing']) {
        expect(runner.getInput(name)).toBe(core.getInput(name))
        expect(runner.getInput(name, { trimWhitespace: false })).toBe(core.getInput(name, { trimWhitespace: false }))
      }
      expect(runner.getState('phase')).toBe(core.getState('phase'))
      expect(runner.getState('none')).toBe(core.getState('none'))
    } finally {
      delete process.env['INPUT_PACKAGE-DIRECTORY']
      delete process.env.INPUT_WITH_SPACE
      delete process.env.STATE_phase
    }
  })
})

describe("cacheServiceAvailable decides as @actions/cache's isFeatureAvailable does", () => {
  // Ours runs without loading @actions/cache (start-up); this keeps the two from drifting apart.
  const servers = [
    undefined,
    'https://github.com',
    'https://octo.ghe.com',
    'https://ghes.example.com',
    'http://x.localhost:3000',
    'https://GitHub.com '
  ]
  const combos = servers.flatMap((server) =>
    [undefined, 'true'].flatMap((v2) =>
      [undefined, 'https://results'].flatMap((results) =>
        [undefined, 'https://cache'].map((cacheUrl) => ({ server, v2, results, cacheUrl }))
      )
    )
  )
  it.each(combos)('%j', async ({ server, v2, results, cacheUrl }) => {
    const { isFeatureAvailable } = await import('@actions/cache')
    const { cacheServiceAvailable } = await import('../src/settings/store.js')
    const names = ['GITHUB_SERVER_URL', 'ACTIONS_CACHE_SERVICE_V2', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_URL'] as const
    const saved = names.map((name) => process.env[name])
    const values = [server, v2, results, cacheUrl]
    names.forEach((name, index) => (values[index] === undefined ? delete process.env[name] : (process.env[name] = values[index])))
    try {
      expect(cacheServiceAvailable({ ...process.env, GITHUB_ACTIONS: 'true' })).toBe(isFeatureAvailable())
    } finally {
      names.forEach((name, index) => (saved[index] === undefined ? delete process.env[name] : (process.env[name] = saved[index])))
    }
  })
})

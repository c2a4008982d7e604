import { execFileSync, spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { S3StoreSettings, Settings } from '../../src/settings/types.js'
import type { SetPolicy } from '../../src/sets/asset-sets.js'
import { ObjectAssetSets } from '../../src/sets/object-asset-sets.js'
import { NO_KEYS } from '../../src/sets/signing.js'
import { LocalStore } from '../../src/stores/local.js'
import { makeGitTemplate } from '../setup/git-template.mjs'
import { copyMadeRepository, filesKey, keepMadeRepository } from './repo-copies.js'

/** No signing key, and the code-hash tier may be written: the behaviour outside GitHub. */
export const OPEN_POLICY: SetPolicy = { signing: NO_KEYS, cacheWrite: { allowed: true, reason: '' } }

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
/** The bundle the end-to-end tests run; SAM_TEST_DIST points them at another build (an older one, to see a test fail there). */
export const DIST = process.env.SAM_TEST_DIST ?? path.join(ROOT, 'dist', 'index.js')
/** The Node.js that runs the bundle: this one, or SAM_TEST_NODE (CI runs the bundle's tests under node24 too). */
export const NODE = process.env.SAM_TEST_NODE ?? process.execPath

export const endpoint = (): string => process.env.TEST_S3_ENDPOINT as string
export const bucket = (): string => process.env.TEST_S3_BUCKET as string
/** Which S3 server this jest project talks to ('s3rver' or 'moto'), and the key it accepts. */
export const s3Server = (): 's3rver' | 'moto' => (process.env.TEST_S3_SERVER === 'moto' ? 'moto' : 's3rver')

/**
 * `describe` for cases whose outcome cannot depend on the S3 server (a directory store, no store at all) in a test
 * file that also runs against moto: they run once, in the s3rver project.
 */
export function describeOnce(name: string, cases: () => void): void {
  if (s3Server() === 's3rver') describe(name, cases)
}
export const s3Keys = (): { accessKeyId: string; secretAccessKey: string } => ({
  accessKeyId: process.env.TEST_S3_ACCESS_KEY ?? 'S3RVER',
  secretAccessKey: process.env.TEST_S3_SECRET_KEY ?? 'S3RVER'
})
/** An S3 server of this project that checks keys (s3rver itself; moto with credential checks on), for credential tests. */
export const credentialChecking = (): { endpoint: string; keys: { accessKeyId: string; secretAccessKey: string } } => ({
  endpoint: process.env.TEST_S3_AUTH_ENDPOINT ?? endpoint(),
  keys: { accessKeyId: process.env.TEST_S3_AUTH_ACCESS_KEY ?? 'S3RVER', secretAccessKey: process.env.TEST_S3_AUTH_SECRET_KEY ?? 'S3RVER' }
})
/** The keys as the AWS CLI and SDK read them from the environment. */
export const s3KeyEnv = (): Record<string, string> => ({
  AWS_ACCESS_KEY_ID: s3Keys().accessKeyId,
  AWS_SECRET_ACCESS_KEY: s3Keys().secretAccessKey
})

/** A fresh key prefix so tests sharing the one s3rver never see each other's objects. */
export function uniquePrefix(label = 't'): string {
  return `${label}-${randomBytes(5).toString('hex')}/`
}

export function s3Settings(prefix: string, overrides: Partial<S3StoreSettings> = {}): S3StoreSettings {
  return {
    kind: 's3',
    flavor: 'compatible',
    connectTimeoutMs: 5000,
    requestTimeoutMs: 60_000,
    bucket: bucket(),
    prefix,
    region: 'us-east-1',
    endpoint: endpoint(),
    forcePathStyle: true,
    credentials: s3Keys(),
    ...overrides
  }
}

/** Every file under `dir` but hidden ones (relative, '/'-separated) with the SHA-256 of its bytes: two trees compared. */
export function treeDigests(dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue
    const full = path.join(entry.parentPath, entry.name)
    files[path.relative(dir, full).split(path.sep).join('/')] = createHash('sha256').update(readFileSync(full)).digest('hex')
  }
  return files
}

/** Runs an in-process step of work with what it prints to stdout collected. */
export async function printedBy<T>(work: () => Promise<T>): Promise<{ result: T; printed: string }> {
  const printed: string[] = []
  const write = process.stdout.write
  process.stdout.write = ((chunk: string | Uint8Array) => printed.push(String(chunk)) > 0) as typeof process.stdout.write
  try {
    return { result: await work(), printed: printed.join('') }
  } finally {
    process.stdout.write = write
  }
}

export function tempDir(label = 'sam'): string {
  return mkdtempSync(path.join(tmpdir(), `${label}-`))
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative)
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, content)
  }
}

const GIT_IDENTITY = ['-c', 'user.email=test@example.com', '-c', 'user.name=Test', '-c', 'commit.gpgsign=false']

/** git in `cwd` with a test identity (commits need no user config); its output, trimmed. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', [...GIT_IDENTITY, ...args], { cwd, encoding: 'utf8' }).trim()
}

/**
 * Runs git commands one after another in one shell. Each process a jest worker starts copies the worker's page
 * tables (hundreds of MB), so one small shell that starts the gits costs a quarter less than a spawn each
 * (69 → 52 ms a repository at 300 MB).
 */
function gitInSequence(cwd: string, ...commands: string[][]): void {
  const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`
  const script = commands.map((args) => ['git', ...GIT_IDENTITY, ...args].map(quote).join(' ')).join(' && ')
  execFileSync('sh', ['-c', script], { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
}

let gitTemplate: string | undefined

/** An empty repository's .git, copied for each new repository: global setup's, or one made here without it. */
function emptyGitDirectory(): string {
  gitTemplate ??= process.env.SAM_TEST_GIT_TEMPLATE ?? makeGitTemplate(tempDir('git-template'))
  return gitTemplate
}

/** The commit HEAD points at, read from .git (no process; rev-parse where refs are packed). */
function headCommit(dir: string): string {
  const head = readFileSync(path.join(dir, '.git', 'HEAD'), 'utf8').trim()
  const ref = head.startsWith('ref: ') ? path.join(dir, '.git', head.slice(5)) : undefined
  if (!ref) return head
  return existsSync(ref) ? readFileSync(ref, 'utf8').trim() : git(dir, 'rev-parse', 'HEAD')
}

/**
 * A real git repository with one commit of `files`. git makes it once a run for each set of files; later calls get
 * a copy (repo-copies.ts), so repositories made with the same files share their commit, as two clones would.
 */
export function makeRepo(files: Record<string, string | Buffer>): { dir: string; commit: string } {
  const dir = tempDir('repo')
  const key = filesKey(files)
  if (!copyMadeRepository(key, dir)) {
    cpSync(emptyGitDirectory(), path.join(dir, '.git'), { recursive: true })
    writeFiles(dir, files)
    gitInSequence(dir, ['add', '-A'], ['commit', '-q', '--allow-empty', '-m', 'initial'])
    keepMadeRepository(key, dir)
  }
  return { dir, commit: headCommit(dir) }
}

/**
 * Writes files (if any) and commits them with every change to tracked files; returns the new commit hash.
 * Files a build or a step wrote meanwhile (dist/, a package directory) stay untracked, as in a real checkout
 * whose outputs are ignored.
 */
export function commitAll(dir: string, message: string, files: Record<string, string | Buffer> = {}): string {
  writeFiles(dir, files)
  const commit = ['commit', '-q', '-a', '--allow-empty', '-m', message]
  if (Object.keys(files).length > 0) gitInSequence(dir, ['add', '--', ...Object.keys(files)], commit)
  else git(dir, ...commit)
  return headCommit(dir)
}

export interface DistRun {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

/** Parses a GITHUB_OUTPUT file (name<<delimiter ... delimiter blocks, or name=value lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value: string[] = []
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i]!)
      outputs[name!] = value.join('\n')
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return outputs
}

interface StepOptions {
  inputs?: Record<string, string>
  env?: Record<string, string>
  args?: string[]
  cwd?: string
  runner?: boolean
}

/**
 * What a step sees, as the runner gives it: inputs as INPUT_* variables, outputs through a GITHUB_OUTPUT file, a
 * job summary file. `env` replaces the inherited INPUT_* and AWS_* variables.
 */
function prepareStep(options: StepOptions): { env: Record<string, string>; cwd: string; outputFile: string; summaryFile: string } {
  const work = tempDir('run')
  const outputFile = path.join(work, 'output.txt')
  const summaryFile = path.join(work, 'summary.md')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (
      value !== undefined &&
      !/^(INPUT_|AWS_|GITHUB_|RUNNER_|STATE_|PACKAGE_ASSETS_BUCKET|GIT_REPO_PATH|PACKAGE_DIRECTORY|CODE_HASH_FIND_FILTER)/.test(name)
    ) {
      env[name] = value
    }
  }
  if (options.runner !== false) {
    // A runner always names the event; a push run is the common case (cache-write: auto writes the shared tier).
    Object.assign(env, { GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'push', GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile })
  }
  // What the action remembers between runs on a machine (apply's state serials) stays with this run unless a test shares it.
  env.XDG_STATE_HOME = work
  for (const [name, value] of Object.entries(options.inputs ?? {})) env[`INPUT_${name.toUpperCase()}`] = value
  Object.assign(env, options.env ?? {})
  return { env, cwd: options.cwd ?? work, outputFile, summaryFile }
}

function finishedStep(code: number, stdout: string, stderr: string, outputFile: string, summaryFile: string): DistRun {
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : ''
  }
}

/** Runs the bundle, dist/index.js, in a process of its own as the runner does (see prepareStep). */
export function runDist(options: StepOptions): Promise<DistRun> {
  const { env, cwd, outputFile, summaryFile } = prepareStep(options)
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [DIST, ...(options.args ?? [])], { cwd, env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve(finishedStep(code ?? -1, stdout, stderr, outputFile, summaryFile)))
  })
}

/** The bundle is what is under test (CI's node24 run, SAM_TEST_DIST pointing at another build): every step spawns it. */
const BUNDLE_UNDER_TEST = Boolean(process.env.SAM_TEST_NODE || process.env.SAM_TEST_DIST)
let stepInProcess = false

/** A write to stdout or stderr, collected; a callback passed along is called as a stream would. */
function collector(append: (text: string) => void): typeof process.stdout.write {
  return ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined
    if (callback) queueMicrotask(callback)
    return true
  }) as typeof process.stdout.write
}

/**
 * Runs one step of the action in this process (src/cli.ts runStep, what dist/index.js runs) with the environment,
 * working directory, command line and output streams a bundle run would have, then puts them back. Steps run
 * one at a time: the process's environment and streams are shared.
 */
async function runInProcess(options: StepOptions): Promise<DistRun> {
  const { env, cwd, outputFile, summaryFile } = prepareStep(options)
  const saved = {
    env: { ...process.env },
    cwd: process.cwd(),
    argv: process.argv,
    exitCode: process.exitCode,
    stdout: process.stdout.write,
    stderr: process.stderr.write
  }
  let stdout = ''
  let stderr = ''
  let code: number
  stepInProcess = true
  try {
    for (const name of Object.keys(process.env)) delete process.env[name]
    Object.assign(process.env, env)
    process.chdir(cwd)
    process.argv = [NODE, DIST, ...(options.args ?? [])]
    process.exitCode = undefined
    process.stdout.write = collector((text) => (stdout += text))
    process.stderr.write = collector((text) => (stderr += text))
    try {
      const { runStep } = await import('../../src/cli.js')
      await runStep(process.argv)
      code = Number(process.exitCode ?? 0)
    } catch (error) {
      // What an uncaught error does to the bundle: its stack on stderr, exit code 1.
      stderr += `${(error as Error).stack ?? String(error)}\n`
      code = 1
    }
  } finally {
    process.stdout.write = saved.stdout
    process.stderr.write = saved.stderr
    process.exitCode = saved.exitCode
    process.argv = saved.argv
    process.chdir(saved.cwd)
    for (const name of Object.keys(process.env)) delete process.env[name]
    Object.assign(process.env, saved.env)
    stepInProcess = false
  }
  return finishedStep(code, stdout, stderr, outputFile, summaryFile)
}

/**
 * Runs one step of the action: in this process, which is fast (no Node.js start, no module loading per step), or
 * as the bundle in a process of its own when the bundle is under test (SAM_TEST_NODE, SAM_TEST_DIST), when another
 * step is running here already (runs started together race as separate processes, as on a runner), or when
 * `bundle` asks for it (command-line behaviour, signals, exit codes of the process itself).
 */
export function runAction(options: StepOptions & { bundle?: boolean }): Promise<DistRun> {
  if (options.bundle || BUNDLE_UNDER_TEST || stepInProcess) return runDist(options)
  return runInProcess(options)
}

/**
 * zstd through the Node.js that runs the bundle (node24 in CI's bundle run: it compresses packs, and this test
 * process, on Node.js 20, may have no zstd of its own).
 */
export function zstdWithBundleNode(direction: 'compress' | 'decompress', bytes: Buffer): Buffer {
  const call = direction === 'compress' ? 'zstdCompressSync' : 'zstdDecompressSync'
  const script = `process.stdout.write(require('zlib').${call}(require('fs').readFileSync(0)))`
  return execFileSync(NODE, ['-e', script], { input: bytes, maxBuffer: 1 << 30 })
}

/**
 * Runs the bundle as the runner runs an action with a post step: main with a GITHUB_STATE file, then (after
 * `build`, when main succeeded) the post step with what main saved passed as STATE_<name> variables.
 */
export async function runMainThenPost(options: {
  inputs: Record<string, string>
  env?: Record<string, string>
  cwd?: string
  build?: () => void
}): Promise<{ main: DistRun; post: DistRun; state: Record<string, string> }> {
  const stateFile = path.join(tempDir('state'), 'state.txt')
  writeFileSync(stateFile, '')
  const main = await runAction({ inputs: options.inputs, env: { ...options.env, GITHUB_STATE: stateFile }, cwd: options.cwd })
  const state = parseOutputFile(readFileSync(stateFile, 'utf8'))
  if (main.code === 0) options.build?.()
  const postEnv = Object.fromEntries(Object.entries(state).map(([name, value]) => [`STATE_${name}`, value]))
  const post = await runAction({ inputs: options.inputs, env: { ...options.env, ...postEnv }, cwd: options.cwd })
  return { main, post, state }
}

export function s3Inputs(prefix: string): Record<string, string> {
  return {
    backend: 's3',
    bucket: bucket(),
    prefix,
    endpoint: endpoint(),
    'access-key-id': s3Keys().accessKeyId,
    'secret-access-key': s3Keys().secretAccessKey
  }
}

/** A complete Settings object for calling modes directly; override what the test is about. */
export function testSettings(overrides: Partial<Settings> & Pick<Settings, 'store' | 'repoPath'>): Settings {
  return {
    mode: 'check',
    codeHashPatterns: [],
    codeHashEnv: [],
    codeHashKey: '',
    variant: '',
    crossPlatform: false,
    packageDirectory: tempDir('pkg'),
    download: false,
    concurrency: 8,
    packBelow: 0,
    packCompression: 'auto',
    legacySets: false,
    reporting: { prComment: false, commitStatus: false, token: '', instance: 'test' },
    apply: {
      config: path.join(overrides.repoPath, '.github/assets.yml'),
      planOnly: false,
      lockTimeout: 0,
      allowDeleteAll: false,
      resignState: false
    },
    prune: { keepDays: 30, keepLast: 10, planOnly: false },
    policy: OPEN_POLICY,
    doctorModes: ['check', 'upload'],
    ...overrides
  }
}

export interface RecordedRequest {
  method: string
  url: string
  headers: Record<string, string | string[] | undefined>
  /** The body of a POST (batch deletes, multipart completes), for tests that read what was asked. */
  body?: string
}

/**
 * A loopback HTTP proxy that records every request before passing it to `target` (s3rver), or, without
 * a target, answers like an S3 server that has the bucket but no objects (PUT 200, GET 404 NoSuchKey).
 */
export async function recordingServer(target?: string): Promise<{ url: string; requests: RecordedRequest[]; close(): Promise<void> }> {
  const { createServer, request: forward } = await import('node:http')
  const requests: RecordedRequest[] = []
  const server = createServer((req, res) => {
    const recorded: RecordedRequest = { method: req.method!, url: req.url!, headers: { ...req.headers } }
    requests.push(recorded)
    if (req.method === 'POST') {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => (recorded.body = Buffer.concat(chunks).toString('utf8')))
    }
    if (target) {
      const upstream = new URL(target)
      const proxied = forward(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 500, answer.headers)
          answer.pipe(res)
        }
      )
      req.pipe(proxied)
      return
    }
    req.resume()
    req.on('end', () => {
      if (req.method === 'GET') {
        res.writeHead(404, { 'content-type': 'application/xml' })
        res.end('<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>no</Message></Error>')
      } else {
        res.writeHead(200, { etag: '"0123456789abcdef"' })
        res.end()
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as import('node:net').AddressInfo
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

/**
 * A one-commit repository and a directory store with open sets over it; `settings` gives a step on them that
 * packs files below `packBelow` and keys builds by `codeHashPatterns`.
 */
export function localSetsFixture(options: { packBelow: number; codeHashPatterns: string[] }): {
  repo: { dir: string; commit: string }
  root: string
  store: LocalStore
  sets: ObjectAssetSets
  settings: (packageDirectory: string, download?: boolean) => Settings
} {
  const repo = makeRepo({ 'src/a.js': '1' })
  const root = tempDir('store')
  const store = new LocalStore(root)
  const sets = new ObjectAssetSets(store, OPEN_POLICY)
  const settings = (packageDirectory: string, download = false): Settings =>
    testSettings({ store: { kind: 'local', prefix: '', root }, repoPath: repo.dir, packageDirectory, download, ...options })
  return { repo, root, store, sets, settings }
}

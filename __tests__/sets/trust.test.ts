// Issue "trust": signed manifests, who may write the shared tier, and the attacks they stop. Everything
// runs through dist/index.js against s3rver; attackers write the bucket with a plain SDK client.
import { CopyObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import {
  bucket,
  commitAll,
  describeOnce,
  makeRepo,
  ROOT,
  runAction,
  s3Inputs,
  tempDir,
  uniquePrefix,
  writeFiles
} from '../support/helpers.js'
import { listKeys, outsideClient, readObject } from '../support/outside-client.js'

const client = outsideClient()
afterAll(() => client.destroy())

const KEY_A = 'key-a-0123456789abcdef0123456789'
const KEY_B = 'key-b-fedcba9876543210fedcba9876'

async function uploaded(prefix: string, key?: string, extra: Record<string, string> = {}) {
  const repo = makeRepo({ 'src/a.js': 'a\n' })
  const pkg = tempDir('pkg')
  writeFiles(pkg, { 'app.js': 'built app', 'lib/util.js': 'util' })
  const run = await runAction({
    inputs: {
      ...s3Inputs(prefix),
      mode: 'upload',
      'repo-path': repo.dir,
      'package-directory': pkg,
      ...(key ? { 'signing-key': key } : {}),
      ...extra
    }
  })
  expect(run.code).toBe(0)
  return { repo, pkg }
}

function check(
  prefix: string,
  repoDir: string,
  key: string | undefined,
  extra: Record<string, string> = {},
  env: Record<string, string> = {}
) {
  return runAction({
    inputs: {
      ...s3Inputs(prefix),
      mode: 'check',
      'repo-path': repoDir,
      'package-directory': tempDir('out'),
      ...(key ? { 'signing-key': key } : {}),
      ...extra
    },
    env
  })
}

/** python3's own interpreter, asked once: a version manager's shim in front of it (pyenv here) took ~0.2 s a start. */
let python: string | undefined
const pythonInterpreter = (): string =>
  (python ??= execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim())

/** The threat model's verifier, run as a third party would: python3 and the manifest file. */
function pythonVerify(key: string, manifest: Buffer): string {
  const model = readFileSync(path.join(ROOT, 'docs', 'threat-model.md'), 'utf8')
  const script = /<!-- verify-manifest -->\s*```python\n([\s\S]*?)```/.exec(model)?.[1]
  if (!script) throw new Error('docs/threat-model.md has no verify-manifest python block')
  const dir = tempDir('py')
  writeFileSync(path.join(dir, 'verify.py'), script)
  writeFileSync(path.join(dir, 'manifest.json'), manifest)
  try {
    return execFileSync(pythonInterpreter(), [path.join(dir, 'verify.py'), key, path.join(dir, 'manifest.json')], {
      encoding: 'utf8'
    }).trim()
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error).trim()
  }
}

describe('signed manifests', () => {
  it('upload signs; the README verifier agrees; check with the key finds it', async () => {
    const prefix = uniquePrefix('sign')
    const { repo } = await uploaded(prefix, KEY_A)
    const manifest = (await readObject(client, `${prefix}artifacts/${repo.commit}/.manifest.json`))!
    expect(JSON.parse(manifest.toString()).signature).toMatch(/^hmac-sha256:[0-9a-f]{8}:[0-9a-f]{64}$/)
    expect(pythonVerify(KEY_A, manifest)).toBe('ok')
    expect(pythonVerify(KEY_B, manifest)).toContain('signed by another key')
    const tampered = Buffer.from(manifest.toString().replace('"size":9', '"size":10'))
    expect(tampered.equals(manifest)).toBe(false)
    expect(pythonVerify(KEY_A, tampered)).toContain('bad signature')

    const hit = await check(prefix, repo.dir, KEY_A)
    expect(hit.outputs).toMatchObject({ found: 'true', source: 'commit' })
    expect(hit.stdout).toContain('::add-mask::key-a-0123456789abcdef0123456789')
    // Without a key a signed manifest still reads fine.
    expect((await check(prefix, repo.dir, undefined)).outputs.found).toBe('true')
  })

  it('a planted unsigned manifest is a miss with a key, counted in the summary; upload then replaces it', async () => {
    const prefix = uniquePrefix('plant')
    const { repo } = await uploaded(prefix) // unsigned: what anyone with write access can plant
    const miss = await check(prefix, repo.dir, KEY_A)
    expect(miss.code).toBe(0)
    expect(miss.outputs.found).toBe('false')
    expect(miss.stdout).toContain(
      `::warning::Not trusting the assets at s3://${bucket()}/${prefix}artifacts/${repo.commit}/: the manifest is unsigned.`
    )
    expect(miss.summary).toMatch(/Ignored \| 1 set: manifest not verified/)

    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'app.js': 'rebuilt' })
    const up = await runAction({
      inputs: { ...s3Inputs(prefix), mode: 'upload', 'repo-path': repo.dir, 'package-directory': pkg, 'signing-key': KEY_A }
    })
    expect(up.outputs.files).toBe('1')
    expect((await check(prefix, repo.dir, KEY_A)).outputs.found).toBe('true')
  })

  it('a manifest signed with an unknown key is a miss; rotation (old key second) still verifies', async () => {
    const prefix = uniquePrefix('rotate')
    const { repo } = await uploaded(prefix, KEY_B)
    const unknown = await check(prefix, repo.dir, KEY_A)
    expect(unknown.outputs.found).toBe('false')
    expect(unknown.stdout).toContain('the manifest is signed by an unknown key')
    const rotated = await check(prefix, repo.dir, `${KEY_A}\n${KEY_B}`)
    expect(rotated.outputs.found).toBe('true')
  })

  it('a signed manifest replayed under another commit is a miss', async () => {
    const prefix = uniquePrefix('replay')
    const { repo } = await uploaded(prefix, KEY_A)
    const other = commitAll(repo.dir, 'next', { 'src/b.js': 'b' })
    for (const name of ['.manifest.json', 'app.js', 'lib/util.js']) {
      await client.send(
        new CopyObjectCommand({
          Bucket: bucket(),
          CopySource: `${bucket()}/${prefix}artifacts/${repo.commit}/${name}`,
          Key: `${prefix}artifacts/${other}/${name}`
        })
      )
    }
    const run = await check(prefix, repo.dir, KEY_A)
    expect(run.outputs).toMatchObject({ found: 'false', 'commit-hash': other })
    expect(run.stdout).toContain(`the manifest is signed for s3://${bucket()}/${prefix}artifacts/${repo.commit}/`)
  })

  it('an object swapped after upload is a miss: the download keeps nothing, and the build runs', async () => {
    const prefix = uniquePrefix('swap')
    const { repo } = await uploaded(prefix, KEY_A)
    await client.send(new PutObjectCommand({ Bucket: bucket(), Key: `${prefix}artifacts/${repo.commit}/lib/util.js`, Body: 'evil' }))
    const out = tempDir('deploy')
    const run = await check(prefix, repo.dir, KEY_A, { download: 'true', 'package-directory': out })
    expect(run.code).toBe(0)
    expect(run.outputs.found).toBe('false')
    expect(run.outputs['miss-reason']).toBe('the stored set does not match its manifest (the next upload replaces it)')
    expect(run.stdout).toContain("'lib/util.js' does not match its manifest")
    const left = readdirSync(out, { recursive: true }).map(String)
    expect(left.filter((name) => name.endsWith('.js') || name.includes('.download-'))).toEqual([])
  })

  it('promotion writes a signed commit manifest', async () => {
    const prefix = uniquePrefix('promote')
    const repo = makeRepo({ 'src/a.js': 'a\n', 'docs.md': '1' })
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'app.js': 'built' })
    const tier = { 'code-hash-paths': 'src/**', 'signing-key': KEY_A }
    await runAction({ inputs: { ...s3Inputs(prefix), ...tier, mode: 'upload', 'repo-path': repo.dir, 'package-directory': pkg } })
    const next = commitAll(repo.dir, 'docs', { 'docs.md': '2' })
    const hit = await check(prefix, repo.dir, KEY_A, tier)
    expect(hit.outputs).toMatchObject({ found: 'true', source: 'cache' })
    const manifest = (await readObject(client, `${prefix}artifacts/${next}/.manifest.json`))!
    expect(pythonVerify(KEY_A, manifest)).toBe('ok')
    expect(JSON.parse(manifest.toString())).toMatchObject({ commit: next, source: 'cache' })
  })
})

// Who may write the tier is decided before any request: once, in the s3rver project.
describeOnce('cache-write: who may write the shared code-hash tier', () => {
  it.each([
    ['pull_request', 'auto', false],
    ['pull_request_target', 'auto', false],
    ['issue_comment', 'auto', false],
    ['push', 'auto', true],
    ['merge_group', 'auto', true],
    ['pull_request', 'always', true],
    ['push', 'never', false]
  ])('on %s with cache-write: %s the cache/ tier is written: %s', async (event, choice, written) => {
    const prefix = uniquePrefix('cw')
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'app.js': 'built' })
    const run = await runAction({
      inputs: {
        ...s3Inputs(prefix),
        mode: 'upload',
        'repo-path': repo.dir,
        'package-directory': pkg,
        'code-hash-paths': 'src/**',
        'cache-write': choice
      },
      env: { GITHUB_EVENT_NAME: event }
    })
    expect(run.code).toBe(0)
    expect(await listKeys(client, `${prefix}artifacts/`)).toHaveLength(2)
    expect((await listKeys(client, `${prefix}cache/`)).length > 0).toBe(written)
    if (!written) expect(run.stdout).toContain('Not writing the shared code-hash set')
  })
})

// A local state file and a local store: no S3 server involved.
describeOnce('signed apply state', () => {
  function applyConfig(): { dir: string; config: string; state: string } {
    const repo = makeRepo({ 'a.txt': '1' })
    const dir = path.join(repo.dir, '.github')
    const config = path.join(dir, 'assets.yml')
    writeFiles(dir, {
      'assets.yml':
        'config:\n  state:\n    backend: local\n    options: { stateFile: assets.state }\n  store: { backend: local, localDir: store }\ntools:\n  - { name: object, instanceID: o, options: { key: k.txt, content: hello } }\n'
    })
    return { dir: repo.dir, config, state: path.join(dir, 'assets.state') }
  }
  const apply = (c: { dir: string; config: string }, extra: Record<string, string> = {}) =>
    runAction({
      inputs: { mode: 'apply', backend: 'local', 'repo-path': c.dir, config: c.config, 'signing-key': KEY_A, ...extra },
      cwd: c.dir
    })

  it('signs the state, refuses a tampered one naming the file and the way out, and re-signs on request', async () => {
    const c = applyConfig()
    expect((await apply(c)).code).toBe(0)
    const signed = readFileSync(c.state, 'utf8')
    expect(signed).toMatch(/^signature: hmac-sha256:/)
    expect((await apply(c)).outputs.changes).toBe('0')

    writeFileSync(c.state, signed.replace('content: hello', 'content: planted'))
    const refused = await apply(c)
    expect(refused.code).toBe(1)
    expect(refused.stdout).toContain(`::error::The state local file ${c.state} is badly signed (signing-key is set)`)
    expect(refused.stdout).toContain("run apply once with 'resign-state: true'")
    expect(existsSync(`${c.state}.lock`)).toBe(false)

    const resigned = await apply(c, { 'resign-state': 'true' })
    expect(resigned.code).toBe(0)
    expect(resigned.stdout).toContain('::warning::resign-state:')
    expect((await apply(c)).code).toBe(0)
  })
})

// Issue "trust, second pass": each attack a review found, reproduced through dist/index.js the way an
// attacker would run it (a hostile build in the job, a keyless writer of the store, a planted symlink), and
// refused. Attackers write the bucket with a plain SDK client. SAM_TEST_DIST=<older dist/index.js> shows
// each test failing on the code before the fix.
import { CopyObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
  writeSync
} from 'node:fs'
import path from 'node:path'
import {
  bucket,
  commitAll,
  makeRepo,
  runAction,
  s3Inputs,
  tempDir,
  uniquePrefix,
  writeFiles,
  zstdWithBundleNode
} from '../support/helpers.js'
import { listKeys, outsideClient, readObject } from '../support/outside-client.js'
import { makeFifo, releaseReaders, within } from '../support/fifo.js'

const client = outsideClient()
afterAll(() => client.destroy())

const KEY = 'key-a-0123456789abcdef0123456789'

function eventFile(payload: unknown): string {
  const file = path.join(tempDir('event'), 'event.json')
  writeFileSync(file, JSON.stringify(payload))
  return file
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim()
}

/** Every file under `root` whose bytes contain `needle`. */
function filesContaining(root: string, needle: string): string[] {
  return readdirSync(root, { recursive: true })
    .map(String)
    .filter((name) => {
      const file = path.join(root, name)
      return lstatSync(file).isFile() && readFileSync(file).includes(needle)
    })
}

describe('1. a build cannot choose the commit it is signed under', () => {
  it('upload refuses a HEAD the event does not name, and the next push run does not find the build', async () => {
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    const prHead = repo.commit
    const unbuilt = commitAll(repo.dir, 'main moves on', { 'src/b.js': 'b\n' })
    git(repo.dir, 'checkout', '-q', '--detach', prHead)
    const prefix = uniquePrefix('head')
    const pkg = path.join(tempDir('ws'), 'dist')
    const inputs = {
      ...s3Inputs(prefix),
      'repo-path': repo.dir,
      'package-directory': pkg,
      'signing-key': KEY,
      'allow-untrusted-signing': 'true'
    }
    const env = {
      GITHUB_EVENT_NAME: 'pull_request_target',
      GITHUB_SHA: 'c'.repeat(40),
      GITHUB_EVENT_PATH: eventFile({ pull_request: { number: 7, head: { sha: prHead }, merge_commit_sha: 'd'.repeat(40) } })
    }
    expect((await runAction({ inputs: { ...inputs, mode: 'check' }, env })).outputs.found).toBe('false')

    // The untrusted build: its output, and HEAD moved to a commit main has not built yet.
    writeFiles(pkg, { 'app.js': 'attacker output' })
    writeFileSync(path.join(repo.dir, '.git', 'HEAD'), `${unbuilt}\n`)
    const upload = await runAction({ inputs: { ...inputs, mode: 'upload' }, env })
    expect(upload.code).toBe(1)
    expect(upload.stdout).toContain(`The commit to key the assets by would be ${unbuilt} (git HEAD in '${repo.dir}')`)
    expect(upload.stdout).toContain('An upload runs after the build, so it takes no commit from the event payload file')
    expect(await listKeys(client, prefix)).toEqual([])

    const push = await runAction({
      inputs: { ...inputs, mode: 'check', 'allow-untrusted-signing': 'false' },
      env: { GITHUB_EVENT_NAME: 'push', GITHUB_SHA: unbuilt }
    })
    expect(push.outputs).toMatchObject({ found: 'false', 'commit-hash': unbuilt })
  })

  it('a pinned commit input is used as given, whatever HEAD says', async () => {
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    const other = commitAll(repo.dir, 'next', { 'src/b.js': 'b\n' })
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'app.js': 'built' })
    const run = await runAction({
      inputs: { ...s3Inputs(uniquePrefix('pin')), mode: 'upload', 'repo-path': repo.dir, 'package-directory': pkg, commit: repo.commit },
      env: { GITHUB_SHA: repo.commit }
    })
    expect(run.code).toBe(0)
    expect(run.outputs['commit-hash']).toBe(repo.commit)
    expect(other).not.toBe(repo.commit)
  })

  it.each(['pull_request_target', 'workflow_run'])('signs nothing on %s unless allow-untrusted-signing is set', async (event) => {
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'app.js': 'built' })
    const prefix = uniquePrefix('prt')
    const inputs = { ...s3Inputs(prefix), mode: 'upload', 'repo-path': repo.dir, 'package-directory': pkg, 'signing-key': KEY }
    const manifest = `${prefix}artifacts/${repo.commit}/.manifest.json`
    const unsigned = await runAction({ inputs, env: { GITHUB_EVENT_NAME: event, GITHUB_SHA: repo.commit } })
    expect(unsigned.code).toBe(0)
    expect(unsigned.stdout).toContain(`::warning::Not signing: this is a '${event}' event`)
    expect(String(await readObject(client, manifest))).not.toContain('"signature"')
    const allowed = await runAction({
      inputs: { ...inputs, 'allow-untrusted-signing': 'true', commit: repo.commit },
      env: { GITHUB_EVENT_NAME: event, GITHUB_SHA: repo.commit }
    })
    expect(allowed.code).toBe(0)
    expect(String(await readObject(client, manifest))).toMatch(/^\{"signature":"hmac-sha256:/)
  })
})

describe('2. a signature says where the set belongs', () => {
  it('a genuine set of web/ copied into api/ is not served to api', async () => {
    const root = uniquePrefix('loc')
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'app.js': 'web bundle' })
    const base = { 'repo-path': repo.dir, 'signing-key': KEY }
    expect((await runAction({ inputs: { ...s3Inputs(`${root}web/`), ...base, mode: 'upload', 'package-directory': pkg } })).code).toBe(0)
    for (const key of await listKeys(client, `${root}web/artifacts/${repo.commit}/`)) {
      await client.send(
        new CopyObjectCommand({ Bucket: bucket(), CopySource: `${bucket()}/${key}`, Key: key.replace(`${root}web/`, `${root}api/`) })
      )
    }
    const check = await runAction({ inputs: { ...s3Inputs(`${root}api/`), ...base, mode: 'check' } })
    expect(check.code).toBe(0)
    expect(check.outputs.found).toBe('false')
    expect(check.stdout).toContain(`the manifest is signed for s3://${bucket()}/${root}web/artifacts/${repo.commit}/`)
  })
})

describe('3. a shared local store never follows a symlink', () => {
  it('a cached object turned into a link to a runner file is not promoted, copied or downloaded', async () => {
    const store = tempDir('shared-store')
    const repo = makeRepo({ 'src/a.js': 'a\n', 'docs.md': '1' })
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'app.js': 'built app' })
    const inputs = { backend: 'local', 'local-dir': store, 'repo-path': repo.dir, 'code-hash-paths': 'src/**', 'signing-key': KEY }
    expect((await runAction({ inputs: { ...inputs, mode: 'upload', 'package-directory': pkg } })).code).toBe(0)

    const secret = path.join(tempDir('home'), 'id_ed25519')
    writeFileSync(secret, '-----BEGIN OPENSSH PRIVATE KEY----- runner secret')
    const [hash] = readdirSync(path.join(store, 'cache')).filter((name) => !name.startsWith('.'))
    const planted = path.join(store, 'cache', hash!, 'app.js')
    unlinkSync(planted)
    symlinkSync(secret, planted)

    const next = commitAll(repo.dir, 'docs', { 'docs.md': '2' })
    const out = tempDir('deploy')
    const check = await runAction({ inputs: { ...inputs, mode: 'check', download: 'true', 'package-directory': out } })
    expect(check.outputs.found).toBe('false')
    // The listing (which never follows a symlink) already finds app.js gone; the copy would refuse the link too.
    expect(check.stdout).toMatch(/is a symlink|1 of its 1 objects are missing or not the ones its manifest was written for \(app\.js\)/)
    expect(existsSync(path.join(store, 'artifacts', next, '.manifest.json'))).toBe(false)
    expect(filesContaining(store, 'PRIVATE KEY')).toEqual([])
    expect(filesContaining(out, 'PRIVATE KEY')).toEqual([])
  })
})

describe('4. a promotion signs only what it verified, and a pack is verified whole', () => {
  it('a tampered cache object is not promoted on a store that returns no copy checksums (s3rver)', async () => {
    const prefix = uniquePrefix('promote')
    const repo = makeRepo({ 'src/a.js': 'a\n', 'docs.md': '1' })
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'app.js': 'good bytes' })
    const inputs = { ...s3Inputs(prefix), 'repo-path': repo.dir, 'code-hash-paths': 'src/**', 'signing-key': KEY }
    const up = await runAction({ inputs: { ...inputs, mode: 'upload', 'package-directory': pkg } })
    const codeHash = up.outputs['code-hash']!
    await client.send(new PutObjectCommand({ Bucket: bucket(), Key: `${prefix}cache/${codeHash}/app.js`, Body: 'evil bytes' }))

    const next = commitAll(repo.dir, 'docs', { 'docs.md': '2' })
    const check = await runAction({ inputs: { ...inputs, mode: 'check', 'package-directory': tempDir('out') } })
    expect(check.code).toBe(0)
    expect(check.outputs.found).toBe('false')
    // The listing sees the object's ETag changed; were it the same (an MD5 collision), the copy's SHA-256 is
    // checked (moto reports it) or read back (s3rver reports none): __tests__/sets/copy-verify.test.ts.
    expect(check.stdout).toMatch(
      /not the ones its manifest was written for \(app\.js\)|its copy reads back with SHA-256|the store reports SHA-256/
    )
    expect(await readObject(client, `${prefix}artifacts/${next}/.manifest.json`)).toBeUndefined()
  })

  it('a pack whose tar headers were swapped is a miss even though each file range is intact: nothing is kept', async () => {
    const prefix = uniquePrefix('pack-swap')
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'a.txt': 'AAAA', 'b.txt': 'BBBB' })
    const inputs = { ...s3Inputs(prefix), 'repo-path': repo.dir, 'pack-below': '1MiB' }
    expect((await runAction({ inputs: { ...inputs, mode: 'upload', 'package-directory': pkg } })).code).toBe(0)
    // Where the bundle's runtime has zstd (node24) the pack is stored compressed: the attack rewrites the tar inside.
    const stored = JSON.parse((await readObject(client, `${prefix}artifacts/${repo.commit}/.manifest.json`))!.toString()) as {
      packs: { path: string; encoding?: string }[]
    }
    const { path: packPath, encoding } = stored.packs[0]!
    const packKey = `${prefix}artifacts/${repo.commit}/${packPath}`
    const pack = (await readObject(client, packKey))!
    const swapped = Buffer.from(encoding ? zstdWithBundleNode('decompress', pack) : pack)
    // Member headers sit at 0 and 1024 (a 512-byte header, 4 bytes of data padded to 512): swap their names.
    const rename = (at: number, name: string): void => {
      swapped.fill(0, at, at + 100)
      swapped.write(name, at, 'ascii')
      swapped.fill(' ', at + 148, at + 156)
      let sum = 0
      for (let i = at; i < at + 512; i++) sum += swapped[i]!
      swapped.write(`${sum.toString(8).padStart(6, '0')}\0 `, at + 148, 'ascii')
    }
    rename(0, 'b.txt')
    rename(1024, 'a.txt')
    await client.send(
      new PutObjectCommand({ Bucket: bucket(), Key: packKey, Body: encoding ? zstdWithBundleNode('compress', swapped) : swapped })
    )
    // What the attack does to anyone who extracts the stored pack: a.txt now holds B's bytes.
    const extracted = tempDir('tar')
    writeFileSync(path.join(extracted, 'p.tar'), swapped)
    expect(spawnSync('tar', ['-xf', 'p.tar'], { cwd: extracted }).status).toBe(0)
    expect(readFileSync(path.join(extracted, 'a.txt'), 'utf8')).toBe('BBBB')

    const out = tempDir('deploy')
    const check = await runAction({ inputs: { ...inputs, mode: 'check', download: 'true', 'package-directory': out } })
    expect(check.code).toBe(0)
    expect(check.outputs.found).toBe('false')
    expect(check.stdout).toContain(`${packPath} does not match its manifest`)
    expect(readdirSync(out).filter((name) => !name.startsWith('.'))).toEqual([])
  })
})

describe('7. a keyless writer cannot break every run', () => {
  it('without a key, a malformed manifest is a miss with a warning, and upload replaces it', async () => {
    const prefix = uniquePrefix('malformed')
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    await client.send(
      new PutObjectCommand({ Bucket: bucket(), Key: `${prefix}artifacts/${repo.commit}/.manifest.json`, Body: '{ not json' })
    )
    const inputs = { ...s3Inputs(prefix), 'repo-path': repo.dir }
    const check = await runAction({ inputs: { ...inputs, mode: 'check', 'package-directory': tempDir('out') } })
    expect(check.code).toBe(0)
    expect(check.outputs.found).toBe('false')
    expect(check.stdout).toMatch(/::warning::Ignoring the assets at .*: the manifest is not valid JSON/)
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'app.js': 'built' })
    expect((await runAction({ inputs: { ...inputs, mode: 'upload', 'package-directory': pkg } })).outputs.files).toBe('1')
    expect((await runAction({ inputs: { ...inputs, mode: 'check', 'package-directory': tempDir('out') } })).outputs.found).toBe('true')
  })

  it('a 200 MB manifest is refused unread: a miss, with peak RSS under 200 MB', async () => {
    const store = tempDir('huge')
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    const setDir = path.join(store, 'artifacts', repo.commit)
    mkdirSync(setDir, { recursive: true })
    // Written a MiB at a time: a plausible-looking manifest of 200 MiB (about 1.8 million entries).
    const entry = `{"path":"f","size":1,"sha256":"${'a'.repeat(64)}"},`
    const block = Buffer.from(entry.repeat(Math.floor((1024 * 1024) / entry.length)))
    const fd = openSync(path.join(setDir, '.manifest.json'), 'w')
    writeSync(fd, `{"signature":"hmac-sha256:00000000:${'0'.repeat(64)}","commit":"${repo.commit}","files":[`)
    for (let written = 0; written < 200 * 1024 * 1024; written += block.length) writeSync(fd, block)
    writeSync(fd, '{}]}')
    closeSync(fd)
    const rssFile = path.join(tempDir('rss'), 'rss.txt')
    const preload = path.join(tempDir('preload'), 'rss.cjs')
    // VmHWM is this process's own peak: getrusage's maxRSS would carry over the forking jest worker's across exec.
    const peak = "/VmHWM:\\s*(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]"
    writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(rssFile)}, ${peak}))`)
    for (const key of [KEY, '']) {
      const check = await runAction({
        inputs: { backend: 'local', 'local-dir': store, 'repo-path': repo.dir, mode: 'check', 'signing-key': key },
        env: { NODE_OPTIONS: `--require ${preload}` },
        // Its own process: the peak it measures is the step's alone.
        bundle: true
      })
      expect(check.code).toBe(0)
      expect(check.outputs.found).toBe('false')
      expect(check.stdout).toContain('is larger than 32 MiB')
      const peakMiB = Number(readFileSync(rssFile, 'utf8')) / 1024
      expect(peakMiB).toBeLessThan(200)
    }
  })
})

describe("9. downloads and check's files are all-or-nothing", () => {
  it('a set holding both a and a/b is refused before anything is written', async () => {
    const prefix = uniquePrefix('clash')
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    const set = `${prefix}artifacts/${repo.commit}/`
    const sha = (text: string): string => createHash('sha256').update(text).digest('hex')
    const files = { a: 'file a', 'a/b': 'file b', m: 'm', z: 'z' }
    for (const [name, body] of Object.entries(files))
      await client.send(new PutObjectCommand({ Bucket: bucket(), Key: set + name, Body: body }))
    const manifest = {
      version: 1,
      commit: repo.commit,
      codeHash: '',
      createdAt: new Date().toISOString(),
      source: 'upload',
      files: Object.entries(files).map(([name, body]) => ({ path: name, size: body.length, sha256: sha(body) }))
    }
    await client.send(new PutObjectCommand({ Bucket: bucket(), Key: `${set}.manifest.json`, Body: JSON.stringify(manifest) }))
    const out = tempDir('deploy')
    const check = await runAction({
      inputs: { ...s3Inputs(prefix), 'repo-path': repo.dir, mode: 'check', download: 'true', 'package-directory': out }
    })
    expect(check.outputs.found).toBe('false')
    expect(check.stdout).toContain('"a" is listed both as a file and, by "a/b", as a directory')
    expect(readdirSync(out).filter((name) => !name.startsWith('.'))).toEqual([])
  })

  it('check writes .found, .commit-hash and its record without following symlinks the checkout planted', async () => {
    const prefix = uniquePrefix('planted')
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'app.js': 'built' })
    const inputs = { ...s3Inputs(prefix), 'repo-path': repo.dir }
    expect((await runAction({ inputs: { ...inputs, mode: 'upload', 'package-directory': pkg } })).code).toBe(0)

    const victims = tempDir('victims')
    const out = tempDir('out')
    for (const name of ['.found', '.commit-hash', '.code-hash', '.s3-asset-manager.json']) {
      writeFileSync(path.join(victims, name), `precious ${name}`)
      symlinkSync(path.join(victims, name), path.join(out, name))
    }
    const check = await runAction({ inputs: { ...inputs, mode: 'check', 'package-directory': out } })
    expect(check.outputs.found).toBe('true')
    for (const name of ['.found', '.commit-hash', '.code-hash', '.s3-asset-manager.json']) {
      expect(readFileSync(path.join(victims, name), 'utf8')).toBe(`precious ${name}`)
    }
    expect(lstatSync(path.join(out, '.commit-hash')).isFile()).toBe(true)
    expect(readFileSync(path.join(out, '.commit-hash'), 'utf8')).toBe(repo.commit)
  })

  it("upload is not held by a FIFO the build left as check's record (open() would wait for a writer)", async () => {
    const prefix = uniquePrefix('fifo')
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'app.js': 'built' })
    const fifo = makeFifo(path.join(pkg, '.s3-asset-manager.json'))
    try {
      const up = await within(
        10_000,
        runAction({ inputs: { ...s3Inputs(prefix), 'repo-path': repo.dir, mode: 'upload', 'package-directory': pkg } })
      )
      expect(up).not.toBe('still waiting')
      expect(up).toMatchObject({ code: 0, outputs: { 'commit-hash': repo.commit, files: '1' } })
    } finally {
      releaseReaders(fifo)
    }
  })

  it('a package directory that is a symlink out of the workspace is refused on download', async () => {
    const prefix = uniquePrefix('pkg-link')
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'app.js': 'built' })
    const inputs = { ...s3Inputs(prefix), 'repo-path': repo.dir }
    expect((await runAction({ inputs: { ...inputs, mode: 'upload', 'package-directory': pkg } })).code).toBe(0)
    const workspace = tempDir('workspace')
    const elsewhere = tempDir('elsewhere')
    symlinkSync(elsewhere, path.join(workspace, 'dist'))
    const check = await runAction({
      inputs: { ...inputs, mode: 'check', download: 'true', 'package-directory': 'dist' },
      env: { GITHUB_WORKSPACE: workspace },
      cwd: workspace
    })
    expect(check.code).toBe(1)
    expect(check.stdout).toContain(`Refusing the package directory '${path.join(workspace, 'dist')}': a symlink in it leads to`)
    expect(readdirSync(elsewhere)).toEqual([])
  })
})

describe('smaller, same pass', () => {
  it('upload does not claim to have cached under the code hash when cache-write refused it', async () => {
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    const pkg = tempDir('pkg')
    writeFiles(pkg, { 'app.js': 'built' })
    const run = await runAction({
      inputs: {
        ...s3Inputs(uniquePrefix('pr')),
        mode: 'upload',
        'repo-path': repo.dir,
        'package-directory': pkg,
        'code-hash-paths': 'src/**'
      },
      env: { GITHUB_EVENT_NAME: 'pull_request' }
    })
    expect(run.code).toBe(0)
    expect(run.stdout).not.toContain('cached them under code hash')
    expect(run.summary).not.toContain('cached them under code hash')
    expect(run.stdout).toContain('the shared code-hash set')
  })
})

describe("found in review: check's record cannot choose a code-hash key", () => {
  it('with a signing key, a code hash the build wrote into the record is not signed into the shared tier', async () => {
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    const prefix = uniquePrefix('record-key')
    const pkg = tempDir('pkg')
    const inputs = { ...s3Inputs(prefix), 'repo-path': repo.dir, 'package-directory': pkg, 'code-hash-paths': 'src/**', 'signing-key': KEY }
    expect((await runAction({ inputs: { ...inputs, mode: 'check' } })).outputs.found).toBe('false')
    // The build: its output, and check's record pointing at the code hash of other sources.
    const forged = 'f'.repeat(64)
    const recordFile = path.join(pkg, '.s3-asset-manager.json')
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as Record<string, unknown>
    writeFileSync(recordFile, JSON.stringify({ ...record, codeHash: forged, inputs: undefined }))
    writeFiles(pkg, { 'app.js': 'built' })
    const upload = await runAction({ inputs: { ...inputs, mode: 'upload' } })
    expect(upload.code).toBe(0)
    expect(upload.stdout).toContain(
      `::warning::Not writing the shared code-hash set: check's record names code hash ${forged}, but the sources give`
    )
    const keys = await listKeys(client, prefix)
    expect(keys.some((key) => key.includes(`cache/${forged}`))).toBe(false)
    expect(keys).toContain(`${prefix}artifacts/${repo.commit}/.manifest.json`)
  })

  it('a record whose commit or code hash is not a hash names no store key', async () => {
    const prefix = uniquePrefix('record-path')
    const pkg = tempDir('pkg')
    writeFiles(pkg, {
      'app.js': 'built',
      '.s3-asset-manager.json': JSON.stringify({ commit: '../../elsewhere', codeHash: '../other/cache/x', files: 0, bytes: 0 })
    })
    const upload = await runAction({
      inputs: { ...s3Inputs(prefix), mode: 'upload', 'repo-path': tempDir('not-a-repo'), 'package-directory': pkg }
    })
    expect(upload.code).toBe(1)
    expect(upload.stdout).toContain('Could not work out the commit hash')
    expect(await listKeys(client, prefix)).toEqual([])
  })
})

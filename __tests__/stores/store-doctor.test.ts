// Issue "proven where it runs": mode doctor on each store, a broken store never read as a miss, capabilities
// probed (conditional writes, copy checksums), the apply lock race on a store that honours conditional writes,
// and servers that ignore Range (on s3rver only). Runs once per S3 server (s3rver and moto: see jest.config.js).
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { createServer, request as forward, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import {
  bucket,
  commitAll,
  credentialChecking,
  describeOnce,
  endpoint,
  makeRepo,
  runAction,
  s3Inputs,
  s3Server,
  s3Settings,
  tempDir,
  uniquePrefix,
  writeFiles
} from '../support/helpers.js'
import { listKeys, outsideClient, readObject } from '../support/outside-client.js'
import { LockError } from '../../src/apply/errors.js'
import { acquireLock, releaseLock } from '../../src/apply/lock.js'
import { StoreStateStorage } from '../../src/apply/state-storage.js'
import { createStore } from '../../src/stores/index.js'

const client = outsideClient()
afterAll(() => client.destroy())

const WELCOME = '<!DOCTYPE html><html><head><title>Welcome</title></head><body><h1>It works!</h1></body></html>'
/** The page `python3 -m http.server` answers a missing path with: not well-formed XML (an unclosed <meta>). */
const PYTHON_404 =
  '<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n' +
  '    <body>\n        <h1>Error response</h1>\n        <p>Error code: 404</p>\n    </body>\n</html>\n'

/** A loopback web server that is not S3: every request gets `status` with `body` (an HTML page unless told). */
async function webServer(
  status: number,
  body = WELCOME,
  type = 'text/html; charset=utf-8'
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      response.writeHead(status, { 'content-type': type })
      response.end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}

describe('mode: doctor', () => {
  it(`on ${s3Server()}: every permission a mode needs, and what the store supports, in a table`, async () => {
    const prefix = uniquePrefix('doctor')
    const run = await runAction({ inputs: { ...s3Inputs(prefix), mode: 'doctor', 'doctor-modes': 'check upload apply prune' } })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`The store s3://${bucket()}/${prefix} can serve check, upload, apply, prune.`)
    expect(run.summary).toContain('| Capability | Result | What to do | Needed by |')
    for (const capability of [
      'list (s3:ListBucket)',
      'write (s3:PutObject)',
      'read (s3:GetObject)',
      'a missing object is a miss',
      'delete (s3:DeleteObject)'
    ]) {
      expect(run.summary).toContain(`| ${capability} | ✅ ok |`)
    }
    // moto honours conditional writes and reports copy checksums; s3rver does neither.
    const faithful = s3Server() === 'moto'
    expect(run.summary).toContain(`| conditional writes | ${faithful ? '✅ ok' : '⚠️ limited'} |`)
    expect(run.summary).toContain(`| copy checksums | ${faithful ? '✅ ok' : '⚠️ limited'} |`)
    // The scratch keys are gone.
    expect(await listKeys(client, prefix)).toEqual([])
  })

  it('with keys the store rejects: every mode is blocked, exit 1, the table says why', async () => {
    const checking = credentialChecking()
    const run = await runAction({
      inputs: {
        ...s3Inputs(uniquePrefix('doctor-bad')),
        endpoint: checking.endpoint,
        'access-key-id': 'AKIAWRONGWRONGWRONG',
        'secret-access-key': 'wrong',
        mode: 'doctor'
      }
    })
    expect(run.code).toBe(1)
    // The cause leads, in the first line of the summary and in its own row; no permission is blamed.
    expect(run.summary.split('\n')[2]).toMatch(/^The store s3:\/\/.* cannot be used: The store at endpoint .* rejected the credentials/)
    expect(run.summary).toMatch(/\| credentials accepted \| ❌ missing \|/)
    expect(run.summary).toMatch(/\| endpoint reachable \| ✅ ok \|/)
    expect(run.summary).not.toContain('Grant s3:')
    expect(run.summary).not.toContain('job summary')
    expect(run.stdout).not.toContain('are left')
  })

  it.each([
    ['a bucket that does not exist', { bucket: 'no-such-bucket-here' }, 'bucket exists', "Bucket 'no-such-bucket-here' does not exist"],
    ['an endpoint on a closed port', { endpoint: 'http://127.0.0.1:9' }, 'endpoint reachable', 'Could not reach http://127.0.0.1:9']
  ])('%s: the cause leads, in its own row, and no permission is blamed', async (_name, change, row, cause) => {
    const run = await runAction({ inputs: { ...s3Inputs(uniquePrefix('doctor-cause')), ...change, mode: 'doctor' } })
    expect(run.code).toBe(1)
    expect(run.summary.split('\n')[2]).toContain(`cannot be used: ${cause}`)
    expect(run.summary).toMatch(new RegExp(`\\| ${row} \\| ❌ missing \\|`))
    expect(run.summary.match(/❌ missing/g)).toHaveLength(1)
    expect(run.summary).not.toMatch(/Grant s3:|scratch objects|job summary/)
    expect(run.stdout).not.toMatch(/Grant s3:|are left/)
  })

  it('on a local directory, and on the Actions cache outside Actions', async () => {
    const local = await runAction({ inputs: { mode: 'doctor', backend: 'local', 'local-dir': tempDir('store') } })
    expect(local.code).toBe(0)
    expect(local.summary).toContain('| conditional writes | ✅ ok |')
    // A directory's own words: no S3 permission names, no credentials row.
    expect(local.summary).toContain('| list | ✅ ok |')
    expect(local.summary).not.toMatch(/s3:|credentials/)
    const cache = await runAction({ inputs: { mode: 'doctor', backend: 'actions-cache' }, env: { GITHUB_ACTIONS: 'false' } })
    expect(cache.code).toBe(1)
    expect(cache.summary).toContain('| cache service | ❌ missing |')
  })
})

// Web servers and an unreachable STS stand in for the store here: once, in the s3rver project.
describeOnce('a broken store is an error, never a miss', () => {
  it.each([
    [404, 'HTTP 404 (text/html; charset=utf-8), starting "<!DOCTYPE html>', WELCOME, undefined],
    [200, 'HTTP 200 (text/html; charset=utf-8), starting "<!DOCTYPE html>', WELCOME, undefined],
    [404, 'HTTP 404 (text/html; charset=utf-8), starting "<!DOCTYPE HTML> <html lang=', PYTHON_404, undefined],
    [403, 'HTTP 403 (text/plain), starting "Forbidden"', 'Forbidden', 'text/plain'],
    [500, 'HTTP 500 (text/plain), starting "Internal Server Error"', 'Internal Server Error', 'text/plain'],
    [502, 'HTTP 502 (text/html; charset=utf-8), starting "<html><body>Bad gateway', '<html><body>Bad gateway<br></body></html>', undefined],
    [200, 'HTTP 200 (text/plain), starting "hello"', 'hello', 'text/plain']
  ])('an endpoint that is a web server answering %i: check fails naming it and what came back', async (status, came, body, type) => {
    const web = await webServer(status, body, type)
    try {
      const repo = makeRepo({ 'a.txt': 'a' })
      const run = await runAction({ inputs: { ...s3Inputs(uniquePrefix('web')), endpoint: web.url, mode: 'check', 'repo-path': repo.dir } })
      expect(run.code).toBe(1)
      expect(run.outputs.found).toBe('false')
      // A 200 text body reads as a manifest that is not one; the listing that follows is where it shows.
      expect(run.stdout).toMatch(new RegExp(`::error::${web.url} answered (GetObject|ListObjectsV2) on s3://${bucket()}/`))
      expect(run.stdout).toContain(came)
      expect(run.stdout).toContain('that is not an S3 server speaking')
      expect(run.stdout).not.toContain('Delete it')
      expect(run.stdout).not.toContain('build and upload them')
    } finally {
      await web.close()
    }
  })

  it("python3 -m http.server's 404 page as the endpoint: upload, doctor and apply's state say it is not S3", async () => {
    const web = await webServer(404, PYTHON_404)
    try {
      const repo = makeRepo({ 'a.txt': 'a' })
      const pkg = tempDir('pkg')
      writeFiles(pkg, { 'app.js': 'built' })
      const base: Record<string, string> = {
        ...s3Inputs(uniquePrefix('web')),
        endpoint: web.url,
        'repo-path': repo.dir,
        'package-directory': pkg
      }
      const upload = await runAction({ inputs: { ...base, mode: 'upload' } })
      const doctor = await runAction({ inputs: { ...base, mode: 'doctor' } })
      const config = path.join(tempDir('cfg'), 'config.yaml')
      writeFiles(path.dirname(config), {
        'config.yaml':
          `config:\n  state:\n    backend: s3\n    options: { bucket: ${bucket()}, region: us-east-1, key: s.yaml, endpoint: "${web.url}" }\n` +
          'tools:\n  - name: assets\n    instanceID: app\n    options: { paths: "a.txt", run: "true", directory: out }\n'
      })
      const apply = await runAction({
        inputs: { mode: 'apply', config, 'repo-path': repo.dir, backend: 'local', 'local-dir': tempDir('store') },
        env: { AWS_ACCESS_KEY_ID: base['access-key-id']!, AWS_SECRET_ACCESS_KEY: base['secret-access-key']! }
      })
      for (const run of [upload, doctor, apply]) {
        expect(run.code).toBe(1)
        expect(run.stdout).toContain('HTTP 404 (text/html; charset=utf-8), starting "<!DOCTYPE HTML>')
        expect(run.stdout).toContain('that is not an S3 server speaking')
        expect(run.stdout).not.toContain('XML parse error')
      }
      expect(doctor.summary).toMatch(/\| endpoint reachable \| ❌ missing \|/)
    } finally {
      await web.close()
    }
  })

  it('a role whose STS cannot be reached says so, not "no credentials"', async () => {
    const repo = makeRepo({ 'a.txt': 'a' })
    const run = await runAction({
      inputs: {
        ...s3Inputs(uniquePrefix('sts')),
        mode: 'check',
        'repo-path': repo.dir,
        'role-arn': 'arn:aws:iam::123456789012:role/assets'
      },
      env: { AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:9' }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      '::error::Could not reach http://127.0.0.1:9 to assume the role arn:aws:iam::123456789012:role/assets: ECONNREFUSED'
    )
    expect(run.stdout).not.toContain('No credentials')
  })
})

describe('capabilities are probed, not assumed', () => {
  function applyFixture(prefix: string, content: string): { dir: string; config: string } {
    const repo = makeRepo({ 'a.txt': 'a' })
    const config = path.join(repo.dir, 'assets.yml')
    writeFiles(repo.dir, {
      'assets.yml': `config:\n  state:\n    backend: s3\n    options: { bucket: ${bucket()}, key: ${prefix}state.yml, endpoint: "${endpoint()}" }\ntools:\n  - { name: object, instanceID: o, options: { key: o.txt, content: ${content} } }\n`
    })
    return { dir: repo.dir, config }
  }

  it(`apply warns once that locks are best effort only where conditional writes are ignored (${s3Server()})`, async () => {
    const prefix = uniquePrefix('probe')
    const f = applyFixture(prefix, 'x')
    const run = await runAction({ inputs: { ...s3Inputs(prefix), mode: 'apply', 'repo-path': f.dir, config: f.config } })
    expect(run.code).toBe(0)
    const warnings = run.stdout.match(/ignores conditional writes/g) ?? []
    expect(warnings).toHaveLength(s3Server() === 'moto' ? 0 : 1)
    expect((await listKeys(client, prefix)).filter((key) => key.includes('.probe-'))).toEqual([])
  })

  if (s3Server() === 'moto') {
    it('moto reports copy checksums, so a tampered cache object is caught by checksum even without a signing key', async () => {
      const prefix = uniquePrefix('checksum')
      const repo = makeRepo({ 'src/a.js': 'a\n', 'docs.md': '1' })
      const pkg = tempDir('pkg')
      writeFiles(pkg, { 'app.js': 'good bytes' })
      const inputs = { ...s3Inputs(prefix), 'repo-path': repo.dir, 'code-hash-paths': 'src/**' }
      const up = await runAction({ inputs: { ...inputs, mode: 'upload', 'package-directory': pkg } })
      await client.send(
        new PutObjectCommand({ Bucket: bucket(), Key: `${prefix}cache/${up.outputs['code-hash']}/app.js`, Body: 'evil bytes' })
      )
      const next = commitAll(repo.dir, 'docs', { 'docs.md': '2' })
      const check = await runAction({ inputs: { ...inputs, mode: 'check' } })
      expect(check.outputs.found).toBe('false')
      // The listing sees the ETag changed first; the copy's reported SHA-256 is the guard behind it (copy-verify.test.ts).
      expect(check.stdout).toMatch(/not the ones its manifest was written for \(app\.js\)|the store reports SHA-256/)
      expect(await readObject(client, `${prefix}artifacts/${next}/.manifest.json`)).toBeUndefined()
    })

    it('the apply lock holds: three applies started together, exactly one wins, the others say it is locked', async () => {
      const prefix = uniquePrefix('race')
      const f = applyFixture(prefix, 'together')
      // A build that takes a second keeps the winner's lock held while the others try.
      writeFiles(f.dir, {
        'assets.yml':
          readFileSync(f.config, 'utf8') +
          `  - name: assets\n    instanceID: slow\n    options: { paths: [ "a.txt" ], run: "sleep 1 && mkdir -p out && echo 1 > out/r.txt", directory: out, prefix: ${prefix}slow/ }\n`
      })
      const runs = await Promise.all(
        [0, 1, 2].map(() => runAction({ inputs: { ...s3Inputs(prefix), mode: 'apply', 'repo-path': f.dir, config: f.config } }))
      )
      expect(runs.filter((run) => run.code === 0)).toHaveLength(1)
      for (const lost of runs.filter((run) => run.code !== 0)) expect(lost.stdout).toContain('is locked')
    }, 60_000)

    it('the lock itself, round after round: three takers at once (a client each), exactly one wins each round', async () => {
      // The race above once, end to end; here the conditional create many times over, without a build in between.
      const key = `${uniquePrefix('lockrace')}state.yml`
      const takers = await Promise.all(
        [0, 1, 2].map(async () => new StoreStateStorage(await createStore(s3Settings(''), 2), key, `s3://${bucket()}/${key}`, key))
      )
      try {
        const rounds = 20
        const winners: number[] = []
        for (let round = 0; round < rounds; round++) {
          const tries = await Promise.allSettled(takers.map((storage) => acquireLock(storage, { timeoutSeconds: 0 })))
          const won = tries.flatMap((attempt, i) => (attempt.status === 'fulfilled' ? [{ info: attempt.value, storage: takers[i]! }] : []))
          for (const lost of tries.filter((attempt) => attempt.status === 'rejected'))
            expect((lost as PromiseRejectedResult).reason).toBeInstanceOf(LockError)
          winners.push(won.length)
          for (const { info, storage } of won) await releaseLock(storage, info)
        }
        expect(winners).toEqual(Array(rounds).fill(1))
      } finally {
        for (const storage of takers) storage.close()
      }
    })
  }
})

// Once: what is under test is the client's answer to a proxy that drops Range; the server behind it only serves bytes.
describeOnce('servers and proxies that ignore Range', () => {
  it('a packed set, and a file that comes in ranged parts, download whole and verified through a proxy that drops every Range header', async () => {
    const upstream = new URL(endpoint())
    let ranged = 0
    const proxy = createServer((request, response) => {
      if (request.headers.range) ranged++
      const headers = { ...request.headers }
      delete headers.range
      const proxied = forward(
        { host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 500, answer.headers)
          answer.pipe(response)
        }
      )
      request.pipe(proxied)
    })
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    try {
      const prefix = uniquePrefix('norange')
      const repo = makeRepo({ 'a.txt': 'a' })
      const pkg = tempDir('pkg')
      const files = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}.txt`, `file ${i} `.repeat(i + 1)]))
      // Over 16 MiB: asked for in ranged parts, answered whole by way of the proxy, so fetched whole.
      const large = Buffer.alloc(17 * 1024 * 1024 + 5)
      for (let i = 0; i < large.length; i += 4093) large[i] = i % 241
      writeFiles(pkg, { ...files, 'large.bin': large })
      const inputs = { ...s3Inputs(prefix), 'repo-path': repo.dir, 'pack-below': '1MiB' }
      expect((await runAction({ inputs: { ...inputs, mode: 'upload', 'package-directory': pkg } })).code).toBe(0)
      const out = tempDir('out')
      const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
      const run = await runAction({ inputs: { ...inputs, endpoint: proxyUrl, mode: 'check', download: 'true', 'package-directory': out } })
      expect(run.code).toBe(0)
      for (const [name, content] of Object.entries(files)) expect(readFileSync(path.join(out, name), 'utf8')).toBe(content)
      expect(readFileSync(path.join(out, 'large.bin')).equals(large)).toBe(true)
      expect(readdirSync(out).filter((name) => !name.startsWith('.'))).toHaveLength(41)
      expect(ranged).toBeGreaterThan(0) // the large file's parts asked for ranges; packs never do
    } finally {
      await new Promise((resolve) => proxy.close(resolve))
    }
  })
})

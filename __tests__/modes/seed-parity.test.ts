// Seed parity: what the original s3-asset-manager's and Replibyte's users rely on, through dist/index.js
// against s3rver. Object metadata is read back by the aws CLI when it is installed (it is on the CI machine;
// elsewhere the SDK's HeadObject reads the same headers). STS is a loopback server recording AssumeRole.
import { execFile, execFileSync } from 'node:child_process'
import { promisify } from 'node:util'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { HeadObjectCommand } from '@aws-sdk/client-s3'
import { loadConfig } from '../../src/apply/config.js'
import { bucket, endpoint, makeRepo, runAction, s3Inputs, s3KeyEnv, s3Keys, tempDir, uniquePrefix, writeFiles } from '../support/helpers.js'
import { outsideClient, readObject } from '../support/outside-client.js'

const client = outsideClient()
afterAll(() => client.destroy())

const S3_KEYS = { ...s3KeyEnv(), AWS_DEFAULT_REGION: 'us-east-1' }

/**
 * The object's user metadata, as HeadObject returns it, or — `asTheCliSeesIt` — as `aws s3api head-object` prints
 * it where the CLI is installed (the original tool's users read it that way; once per test is enough to show it).
 * Where it is not, the SDK's HeadObject reads the same headers. The CLI is not asked for its version first: each
 * run of it costs about a second of Python start-up.
 */
async function metadataOf(key: string, asTheCliSeesIt = false): Promise<Record<string, string>> {
  if (asTheCliSeesIt) {
    try {
      // Asynchronously: s3rver may run in this very process (jest in band), so a blocking call would starve it.
      const { stdout } = await promisify(execFile)(
        'aws',
        ['s3api', 'head-object', '--endpoint-url', endpoint(), '--bucket', bucket(), '--key', key],
        { env: { ...process.env, ...S3_KEYS, AWS_PAGER: '' } }
      )
      return (JSON.parse(stdout) as { Metadata: Record<string, string> }).Metadata
    } catch (error) {
      // Not installed: no such file, or a shim (pyenv's) that finds no such command and exits 127.
      const { code } = error as { code?: string | number }
      if (code !== 'ENOENT' && code !== 127) throw error
    }
  }
  return (await client.send(new HeadObjectCommand({ Bucket: bucket(), Key: key }))).Metadata ?? {}
}

const packageHash = (body: Buffer): string => createHash('sha256').update(body).digest('base64')

describe('object metadata, as the original upload sets it', () => {
  it('upload sets commit-hash, code-hash and package-hash; the cache copy and a promotion keep them', async () => {
    const repo = makeRepo({ 'src/handler.js': 'exports.handler = 1\n' })
    const prefix = uniquePrefix('meta')
    const pkg = tempDir('meta-pkg')
    // A file over the single-PUT limit carries the same metadata on its multipart upload: large-files.test.ts
    // shows what publish passes, stores.test.ts that the S3 store sends it with CreateMultipartUpload.
    const small = Buffer.from('lambda zip bytes')
    const layer = Buffer.from('lambda layer zip bytes')
    writeFiles(pkg, { 'fn.zip': small, 'layer.zip': layer })
    const inputs = { ...s3Inputs(prefix), 'repo-path': repo.dir, 'package-directory': pkg, 'code-hash-paths': 'src/**' }
    const up = await runAction({ inputs: { ...inputs, mode: 'upload' } })
    expect(up.code).toBe(0)
    const codeHash = up.outputs['code-hash']!
    for (const [name, body] of [
      ['fn.zip', small],
      ['layer.zip', layer]
    ] as const) {
      const expected = { 'commit-hash': repo.commit, 'code-hash': codeHash, 'package-hash': packageHash(body) }
      expect(await metadataOf(`${prefix}artifacts/${repo.commit}/${name}`, name === 'fn.zip')).toEqual(expected)
      expect(await metadataOf(`${prefix}cache/${codeHash}/${name}`)).toEqual(expected)
    }

    // A new commit with the same code is promoted by server-side copy: the objects keep the metadata of the
    // upload they came from, as the original check's copy does.
    const next =
      execFileSync('git', ['-C', repo.dir, 'commit', '--allow-empty', '-qm', 'empty', '--no-gpg-sign'], {
        env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' }
      }) && execFileSync('git', ['-C', repo.dir, 'rev-parse', 'HEAD']).toString().trim()
    const hit = await runAction({ inputs: { ...inputs, mode: 'check', 'package-directory': tempDir('meta-pkg2') } })
    expect(hit.outputs).toMatchObject({ found: 'true', source: 'cache', 'commit-hash': next })
    expect(await metadataOf(`${prefix}artifacts/${next}/fn.zip`)).toEqual({
      'commit-hash': repo.commit,
      'code-hash': codeHash,
      'package-hash': packageHash(small)
    })
  }, 60_000)
})

describe('a Concourse-shaped pipeline: check, then upload in another directory', () => {
  it('check finds ./repo, writes .commit-hash and .code-hash; upload reads them without the repository', async () => {
    const checkTask = tempDir('concourse-check')
    const repo = makeRepo({ 'lambdas/a/index.js': 'a\n' })
    cpSync(repo.dir, path.join(checkTask, 'repo'), { recursive: true })
    const prefix = uniquePrefix('concourse')
    const env = { ...S3_KEYS, AWS_ENDPOINT_URL_S3: endpoint(), PACKAGE_ASSETS_BUCKET: bucket(), INPUT_PREFIX: prefix }
    const check = await runAction({ args: ['check'], cwd: checkTask, runner: false, env: { ...env, CODE_HASH_FIND_FILTER: 'lambdas/**' } })
    expect(check.code).toBe(0)
    expect(check.stdout).toContain(`is not a git repository: using ${path.join(checkTask, 'repo')}, as the original tool's image did.`)
    const packages = path.join(checkTask, 'packages')
    expect(readFileSync(path.join(packages, '.commit-hash'), 'utf8')).toBe(repo.commit)
    const codeHash = readFileSync(path.join(packages, '.code-hash'), 'utf8')
    expect(codeHash).toMatch(/^[0-9a-f]{64}$/)
    expect(check.stdout).toContain(`code-hash=${codeHash}`)

    // Concourse hands the packages output to the next task; our own record is dropped to stand for a
    // package directory the original tool's check filled.
    const uploadTask = tempDir('concourse-upload')
    cpSync(packages, path.join(uploadTask, 'packages'), { recursive: true })
    rmSync(path.join(uploadTask, 'packages', '.s3-asset-manager.json'))
    writeFiles(path.join(uploadTask, 'packages'), { 'a.zip': 'built a' })
    const upload = await runAction({ args: ['upload'], cwd: uploadTask, runner: false, env })
    expect(upload.code).toBe(0)
    expect(upload.stdout).toContain(`commit-hash=${repo.commit}`)
    expect(await metadataOf(`${prefix}artifacts/${repo.commit}/a.zip`)).toMatchObject({ 'commit-hash': repo.commit, 'code-hash': codeHash })
    expect(await readObject(client, `${prefix}cache/${codeHash}/a.zip`)).toEqual(Buffer.from('built a'))
  })
})

describe('AWS_ROLE: the role assumed through STS', () => {
  it('assumes the role with session s3-asset-manager for 20 minutes, and uses the temporary keys', async () => {
    const calls: Record<string, string>[] = []
    const sts = createServer((request: IncomingMessage, response) => {
      let body = ''
      request.on('data', (chunk) => (body += chunk))
      request.on('end', () => {
        calls.push({ ...Object.fromEntries(new URLSearchParams(body)), authorization: String(request.headers.authorization ?? '') })
        response.writeHead(200, { 'content-type': 'text/xml' })
        // The S3 server accepts only its own key (s3rver: S3RVER; moto: its IAM user's): anything else fails.
        response.end(
          `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>` +
            `<AccessKeyId>${s3Keys().accessKeyId}</AccessKeyId><SecretAccessKey>${s3Keys().secretAccessKey}</SecretAccessKey><SessionToken>session-token-1</SessionToken>` +
            `<Expiration>${new Date(Date.now() + 20 * 60_000).toISOString()}</Expiration></Credentials>` +
            `<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/assets/s3-asset-manager</Arn><AssumedRoleId>AROA:s3-asset-manager</AssumedRoleId></AssumedRoleUser>` +
            `</AssumeRoleResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleResponse>`
        )
      })
    })
    await new Promise<void>((resolve) => sts.listen(0, '127.0.0.1', resolve))
    try {
      const repo = makeRepo({ 'a.txt': 'a' })
      const run = await runAction({
        args: ['check'],
        runner: false,
        cwd: repo.dir,
        env: {
          AWS_ACCESS_KEY_ID: 'MASTERKEY',
          AWS_SECRET_ACCESS_KEY: 'MASTERSECRET',
          AWS_DEFAULT_REGION: 'us-east-1',
          AWS_ROLE: 'arn:aws:iam::123456789012:role/assets',
          AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${(sts.address() as AddressInfo).port}`,
          AWS_ENDPOINT_URL_S3: endpoint(),
          PACKAGE_ASSETS_BUCKET: bucket(),
          INPUT_PREFIX: uniquePrefix('role')
        }
      })
      expect(run.stdout).toContain("with the assumed role arn:aws:iam::123456789012:role/assets (session 's3-asset-manager')")
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('found=false')
      expect(calls).toEqual([
        expect.objectContaining({
          Action: 'AssumeRole',
          RoleArn: 'arn:aws:iam::123456789012:role/assets',
          RoleSessionName: 's3-asset-manager',
          DurationSeconds: '1200'
        })
      ])
      // Signed with the environment's keys (the master credentials), not the role's.
      expect(calls[0]!.authorization).toContain('Credential=MASTERKEY/')
    } finally {
      await new Promise((resolve) => sts.close(resolve))
    }
  })

  it('rejects a role-arn that is not a role ARN', async () => {
    const run = await runAction({ inputs: { ...s3Inputs(uniquePrefix('r')), mode: 'check', 'role-arn': 'assets-role' } })
    expect(run.code).toBe(2)
    expect(run.stdout).toContain("::error::Input 'role-arn' (or $AWS_ROLE) is 'assets-role': give a role ARN")
  })
})

describe("Replibyte's datastore block as the store of apply", () => {
  const STATE = 'config:\n  state:\n    backend: local\n    options: { stateFile: assets.state }\n'
  const TOOL = 'tools:\n  - { name: object, instanceID: notes, options: { key: notes.txt, content: hello } }\n'

  function configWith(datastore: string): string {
    const dir = tempDir('replibyte')
    writeFileSync(path.join(dir, 'assets.yml'), `${STATE}${datastore}${TOOL}`)
    return path.join(dir, 'assets.yml')
  }

  it('datastore.aws with credentials from $NAME and a custom endpoint writes to that bucket', async () => {
    const prefix = uniquePrefix('replibyte-aws')
    const config = configWith(
      `datastore:\n  aws:\n    bucket: ${bucket()}\n    region: us-east-1\n    credentials:\n      access_key_id: $RB_KEY\n      secret_access_key: $RB_SECRET\n    endpoint:\n      custom: '${endpoint()}'\n`
    )
    const run = await runAction({
      inputs: {
        mode: 'apply',
        'repo-path': makeRepo({ 'a.txt': 'a' }).dir,
        config,
        backend: 'local',
        'local-dir': tempDir('unused'),
        prefix
      },
      env: { RB_KEY: s3Keys().accessKeyId, RB_SECRET: s3Keys().secretAccessKey }
    })
    // Nothing but, on Node.js < 22, our one-line note (never the SDK's nine-line warning).
    expect(run.stderr.replace(/^note: Node\.js [^\n]*\n/, '')).toBe('')
    expect(run.code).toBe(0)
    expect((await readObject(client, `${prefix}notes.txt`))!.toString()).toBe('hello')
    expect(run.stdout).toContain(`::add-mask::${s3Keys().secretAccessKey}`) // the secret is masked in the log
  })

  it('datastore.local_disk.dir must exist, as Replibyte requires; then it is the store', async () => {
    const missing = path.join(tempDir('rb'), 'not-there')
    const refused = await runAction({
      inputs: {
        mode: 'apply',
        'repo-path': makeRepo({ 'a.txt': 'a' }).dir,
        config: configWith(`datastore:\n  local_disk:\n    dir: ${missing}\n`)
      }
    })
    expect(refused.code).toBe(2)
    expect(refused.stdout).toContain(
      `::error::datastore.local_disk.dir '${missing}' does not exist. As with Replibyte, create it first (mkdir -p ${missing}).`
    )
    mkdirSync(missing)
    const run = await runAction({
      inputs: {
        mode: 'apply',
        'repo-path': makeRepo({ 'a.txt': 'a' }).dir,
        config: configWith(`datastore:\n  local_disk:\n    dir: ${missing}\n`)
      }
    })
    expect(run.code).toBe(0)
    expect(readFileSync(path.join(missing, 'notes.txt'), 'utf8')).toBe('hello')
  })

  it('datastore.gcp goes to the Cloud Storage interop endpoint with the HMAC key from the environment', async () => {
    const config = configWith(
      'datastore:\n  gcp:\n    bucket: rb-gcs\n    region: us-central1\n    access_key: $GS_ACCESS_KEY\n    secret: $GS_SECRET\n'
    )
    const loaded = await loadConfig(config, ['object'], { GS_ACCESS_KEY: 'GOOG1EXAMPLE', GS_SECRET: 'secret' })
    expect(loaded.store).toEqual({
      backend: 'gcs',
      bucket: 'rb-gcs',
      region: 'us-central1',
      endpoint: 'https://storage.googleapis.com',
      credentials: { accessKeyId: 'GOOG1EXAMPLE', secretAccessKey: 'secret' }
    })
    await expect(loadConfig(config, ['object'], {})).rejects.toThrow(
      'datastore.gcp.access_key is $GS_ACCESS_KEY, but GS_ACCESS_KEY is not set'
    )
    // Through the bundle: there is no network here, so the run shows where it went and stops there.
    const run = await runAction({
      inputs: { mode: 'apply', 'repo-path': makeRepo({ 'a.txt': 'a' }).dir, config, 'connect-timeout': '2', 'request-timeout': '5' },
      env: { GS_ACCESS_KEY: 'GOOG1EXAMPLE', GS_SECRET: 'secret', HTTPS_PROXY: '', https_proxy: '' }
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::.*(storage\.googleapis\.com|rb-gcs)/)
  }, 60_000)

  it('a datastore and a config.store at once is an error', async () => {
    const dir = tempDir('both')
    writeFileSync(
      path.join(dir, 'assets.yml'),
      `config:\n  state:\n    backend: local\n    options: { stateFile: s }\n  store: { backend: local }\ndatastore:\n  local_disk:\n    dir: ${dir}\n${TOOL}`
    )
    await expect(loadConfig(path.join(dir, 'assets.yml'), ['object'], {})).rejects.toThrow("has a Replibyte 'datastore' and")
    expect(existsSync(path.join(dir, 'notes.txt'))).toBe(false)
  })
})

import path from 'node:path'
import { getInputs } from '../../src/settings/inputs.js'
import { cacheServiceAvailable } from '../../src/settings/store.js'
import { normalizePrefix, parseByteSize } from '../../src/settings/values.js'

const CLEAN =
  /^(INPUT_|AWS_|GITHUB_TOKEN|GITHUB_ACTIONS|GITHUB_EVENT_NAME|ASSETS_SIGNING_KEY|ACTIONS_|PACKAGE_ASSETS_BUCKET|GIT_REPO_PATH|PACKAGE_DIRECTORY|CODE_HASH_FIND_FILTER)/
const saved = { ...process.env }

function setEnv(values: Record<string, string>): void {
  for (const name of Object.keys(process.env)) if (CLEAN.test(name)) delete process.env[name]
  Object.assign(process.env, values)
}

const inputs = (values: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]))

afterAll(() => {
  process.env = saved
})

describe('getInputs', () => {
  it('defaults to the local store outside GitHub, with the defaults of the README Inputs table', () => {
    setEnv(inputs({ mode: 'check' }))
    const settings = getInputs(['node', 'index.js'], '/work')
    expect(settings).toEqual({
      mode: 'check',
      store: { kind: 'local', prefix: '', root: path.resolve('/work/.asset-store') },
      repoPath: '/work',
      commit: undefined,
      codeHashPatterns: [],
      codeHashEnv: [],
      codeHashKey: '',
      variant: '',
      crossPlatform: false,
      doctorModes: ['check', 'upload'],
      packageDirectory: '/work/packages',
      download: false,
      concurrency: 16,
      packBelow: 0,
      packCompression: 'auto',
      legacySets: false,
      reporting: { prComment: false, commitStatus: false, token: '', instance: 'default' },
      apply: {
        config: '/work/.github/assets.yml',
        planOnly: false,
        lockTimeout: 0,
        forceUnlock: undefined,
        allowDeleteAll: false,
        resignState: false
      },
      prune: { keepDays: 30, keepLast: 10, planOnly: false, config: undefined },
      policy: { signing: { keys: [] }, cacheWrite: { allowed: true, reason: expect.any(String) } }
    })
  })

  it('takes the mode from the first argument and the seed environment names as fallbacks', () => {
    setEnv({
      PACKAGE_ASSETS_BUCKET: 'seed-bucket',
      GIT_REPO_PATH: './repo',
      PACKAGE_DIRECTORY: 'out',
      CODE_HASH_FIND_FILTER: 'lambdas/**',
      AWS_DEFAULT_REGION: 'eu-west-2'
    })
    const settings = getInputs(['node', 'index.js', 'upload'], '/ci')
    expect(settings.mode).toBe('upload')
    expect(settings.store).toMatchObject({
      kind: 's3',
      flavor: 'aws',
      bucket: 'seed-bucket',
      region: 'eu-west-2',
      forcePathStyle: false,
      connectTimeoutMs: 10_000,
      requestTimeoutMs: 300_000
    })
    expect(settings.repoPath).toBe('/ci/repo')
    expect(settings.packageDirectory).toBe('/ci/out')
    expect(settings.codeHashPatterns).toEqual(['lambdas/**'])
  })

  it('reads signing keys (one per line, masked) from the input or ASSETS_SIGNING_KEY, and refuses short ones', () => {
    setEnv({ ...inputs({ mode: 'check', 'signing-key': 'first-key-0123456789\n  second-key-0123456789  \n' }) })
    expect(getInputs(['node', 'index.js'], '/w').policy.signing.keys).toEqual(['first-key-0123456789', 'second-key-0123456789'])
    setEnv({ ...inputs({ mode: 'check' }), ASSETS_SIGNING_KEY: 'from-env-0123456789' })
    expect(getInputs(['node', 'index.js'], '/w').policy.signing.keys).toEqual(['from-env-0123456789'])
    setEnv({ ...inputs({ mode: 'check', 'signing-key': 'short' }) })
    expect(() => getInputs(['node', 'index.js'], '/w')).toThrow(
      "Input 'signing-key' (ASSETS_SIGNING_KEY) holds a key shorter than 16 characters"
    )
  })

  it.each([
    [{}, 'auto', true],
    [{ GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'schedule' }, 'auto', true],
    [{ GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request' }, 'auto', false],
    [{ GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'workflow_run' }, 'auto', false],
    [{ GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request' }, 'always', true],
    [{}, 'never', false]
  ])('cache-write with %j and %s allows the shared tier: %s', (env, choice, allowed) => {
    setEnv({ ...inputs({ mode: 'check', backend: 'local', 'cache-write': choice }), ...env })
    expect(getInputs(['node', 'index.js'], '/w').policy.cacheWrite.allowed).toBe(allowed)
  })

  it('prefers inputs to environment fallbacks', () => {
    setEnv({
      ...inputs({ mode: 'check', bucket: 'from-input', 'package-directory': 'dist' }),
      PACKAGE_ASSETS_BUCKET: 'from-env',
      PACKAGE_DIRECTORY: 'env-dir'
    })
    const settings = getInputs([], '/w')
    expect(settings.store).toMatchObject({ bucket: 'from-input' })
    expect(settings.packageDirectory).toBe('/w/dist')
  })

  it('uses path style for a custom endpoint unless told otherwise, and reads AWS_ENDPOINT_URL_S3', () => {
    setEnv(inputs({ mode: 'check', bucket: 'b-1', endpoint: 'http://127.0.0.1:9000/' }))
    expect(getInputs([], '/').store).toMatchObject({ endpoint: 'http://127.0.0.1:9000', forcePathStyle: true })
    setEnv(inputs({ mode: 'check', bucket: 'b-1', endpoint: 'https://s3.example.com', 'force-path-style': 'false' }))
    expect(getInputs([], '/').store).toMatchObject({ forcePathStyle: false })
    setEnv({ ...inputs({ mode: 'check', bucket: 'b-1' }), AWS_ENDPOINT_URL_S3: 'http://minio:9000' })
    expect(getInputs([], '/').store).toMatchObject({ endpoint: 'http://minio:9000', forcePathStyle: true })
  })

  it('lowercases a commit override and parses pattern lists', () => {
    setEnv(inputs({ mode: 'check', commit: 'A'.repeat(40), 'code-hash-paths': 'src/**, package.json\n!src/**/*.md  lib' }))
    const settings = getInputs([], '/')
    expect(settings.commit).toBe('a'.repeat(40))
    expect(settings.codeHashPatterns).toEqual(['src/**', 'package.json', '!src/**/*.md', 'lib'])
  })

  it('auto picks the Actions cache inside GitHub Actions when no bucket is set and the cache service is there', () => {
    setEnv({ ...inputs({ mode: 'check', prefix: 'web' }), GITHUB_ACTIONS: 'true', ACTIONS_CACHE_URL: 'http://127.0.0.1:1/' })
    expect(getInputs([], '/').store).toEqual({ kind: 'actions-cache', prefix: 'web/' })
    setEnv({ ...inputs({ mode: 'check', bucket: 'b-1' }), GITHUB_ACTIONS: 'true', ACTIONS_CACHE_URL: 'http://127.0.0.1:1/' })
    expect(getInputs([], '/').store.kind).toBe('s3')
  })

  // The same decision as @actions/cache's isFeatureAvailable() with its GHES rule (node_modules/@actions/cache/lib/internal/config.js).
  it.each([
    [{ ACTIONS_CACHE_URL: 'u' }, true],
    [{ ACTIONS_RESULTS_URL: 'u' }, false], // v1 needs ACTIONS_CACHE_URL
    [{ ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: 'u' }, true],
    [{ ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_CACHE_URL: 'u' }, false], // v2 needs ACTIONS_RESULTS_URL
    [{ ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: 'u', GITHUB_SERVER_URL: 'https://octo.ghe.com' }, true],
    [{ ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_CACHE_URL: 'u', GITHUB_SERVER_URL: 'https://git.example.com' }, true], // GHES: v1
    [{ ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: 'u', GITHUB_SERVER_URL: 'https://git.example.com' }, false],
    [{ GITHUB_ACTIONS: '', ACTIONS_CACHE_URL: 'u' }, false] // not on a runner
  ])('the cache service is available with %j: %s', (env, expected) => {
    expect(cacheServiceAvailable({ GITHUB_ACTIONS: 'true', ...env })).toBe(expected)
  })

  it.each([
    ['0', 0],
    ['4096', 4096],
    ['1MiB', 1024 * 1024],
    ['512 KiB', 512 * 1024],
    ['1.5MB', 1_500_000],
    ['2gb', 2e9],
    [262144, 262144],
    ['1 meg', undefined],
    ['-1', undefined],
    ['MiB', undefined],
    [-5, undefined]
  ])('parseByteSize(%j) is %j', (raw, expected) => {
    expect(parseByteSize(raw)).toBe(expected)
  })

  it('carries explicit credentials', () => {
    setEnv(inputs({ mode: 'check', bucket: 'bkt', 'access-key-id': 'AKIA1', 'secret-access-key': 'sec', 'session-token': 'tok' }))
    expect(getInputs([], '/').store).toMatchObject({ credentials: { accessKeyId: 'AKIA1', secretAccessKey: 'sec', sessionToken: 'tok' } })
  })

  it.each([
    [{}, "Input 'mode' is required: one of check, upload, apply, prune, auto"],
    [{ mode: 'deploy' }, "Input 'mode' is 'deploy'; allowed values: check, upload, apply, prune, auto, doctor."],
    [{ mode: 'check', backend: 'ftp' }, "Input 'backend' is 'ftp'; allowed values: auto, s3, gcs, local, actions-cache."],
    [{ mode: 'check', backend: 's3' }, "backend 's3' needs a bucket: set the 'bucket' input or PACKAGE_ASSETS_BUCKET."],
    [{ mode: 'check', bucket: 's3://my-bucket/x' }, "Input 'bucket' is 's3://my-bucket/x': give only the bucket name"],
    [{ mode: 'check', bucket: 'My Bucket' }, "Input 'bucket' is 'My Bucket', which is not a valid bucket name"],
    [
      { mode: 'check', bucket: 'bkt', endpoint: 'minio:9000' },
      "Input 'endpoint' is 'minio:9000': the URL must start with http:// or https://."
    ],
    [{ mode: 'check', bucket: 'bkt', endpoint: 'not a url' }, "Input 'endpoint' is 'not a url', which is not a URL"],
    [{ mode: 'check', bucket: 'bkt', 'force-path-style': 'yes' }, "Input 'force-path-style' is 'yes'; allowed values: auto, true, false."],
    [{ mode: 'check', bucket: 'bkt', 'access-key-id': 'AKIA' }, "Inputs 'access-key-id' and 'secret-access-key' go together"],
    [{ mode: 'check', commit: 'abc123' }, "Input 'commit' is 'abc123': give the full commit hash"],
    [{ mode: 'check', download: 'maybe' }, "Input 'download' is 'maybe'; allowed values: true, false."],
    [{ mode: 'apply', 'lock-timeout': 'soon' }, "Input 'lock-timeout' is 'soon': give the seconds to wait for a held lock"],
    [{ mode: 'check', 'pr-comment': 'true', 'github-token': '' }, "Input 'github-token' is empty, but 'pr-comment' is on"],
    [{ mode: 'check', 'instance-name': 'a b' }, "Input 'instance-name' is 'a b'"],
    [{ mode: 'check', concurrency: '0' }, "Input 'concurrency' is '0': give a whole number from 1 to 256."],
    [{ mode: 'upload', 'pack-compression': 'zip' }, "Input 'pack-compression' is 'zip'; allowed values: auto, none."],
    [{ mode: 'check', prefix: 'a/../b' }, "Input 'prefix' is 'a/../b': use a plain key prefix"]
  ])('rejects %j', (values, message) => {
    setEnv(inputs(values as Record<string, string>))
    expect(() => getInputs(['node', 'index.js'], '/')).toThrow(message)
  })
})

describe('normalizePrefix', () => {
  it.each([
    ['', ''],
    ['api', 'api/'],
    ['/api/', 'api/'],
    ['team/api//', 'team/api/']
  ])('%j -> %j', (raw, expected) => {
    expect(normalizePrefix(raw)).toBe(expected)
  })
  it('refuses a prefix written with backslashes, with the form to use', () => {
    expect(() => normalizePrefix('my-repo\\web')).toThrow("a key prefix separates its parts with '/', not '\\'")
  })
})

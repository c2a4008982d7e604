// Issue "trust, third pass": what a pull request controls reaches no signature, no second shell, no GitHub
// call. Each attack is run through dist/index.js as a workflow would run it: the hostile build writes the
// runner's event payload file, check's record or a file name. The store is a local directory (none of the
// attacks depends on the store), read from outside as a deploy would read it.
// SAM_TEST_DIST=<older dist/index.js> shows each test failing on the code before the fix.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { FakeGitHub } from '../support/fake-github.js'
import { commitAll, makeRepo, runAction, tempDir, uniquePrefix, writeFiles } from '../support/helpers.js'

/** One local store for the file: each test under its own prefix. */
const root = tempDir('store')
const storeInputs = (prefix: string): Record<string, string> => ({ backend: 'local', 'local-dir': root, prefix })
/** Every object (file) under a prefix of the store, as keys. */
const listKeys = (prefix: string): string[] =>
  existsSync(path.join(root, prefix))
    ? readdirSync(path.join(root, prefix), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map(
          (entry) => `${prefix}${path.relative(path.join(root, prefix), path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`
        )
    : []
const readObject = (key: string): string | undefined =>
  existsSync(path.join(root, key)) ? readFileSync(path.join(root, key), 'utf8') : undefined

const KEY = 'key-c-0123456789abcdef0123456789'

function eventFile(payload: unknown): string {
  const file = path.join(tempDir('event'), 'event.json')
  writeFileSync(file, JSON.stringify(payload))
  return file
}

const git = (dir: string, ...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim()

describe('1. the commit comes from what no step can rewrite', () => {
  it('a push job: a build naming an unbuilt main commit in the payload file gets no upload under it', async () => {
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    const built = repo.commit
    const unbuilt = commitAll(repo.dir, 'main moves on', { 'src/b.js': 'b\n' })
    git(repo.dir, 'checkout', '-q', '--detach', built)
    const prefix = uniquePrefix('payload')
    const pkg = path.join(tempDir('ws'), 'dist')
    const eventPath = eventFile({ ref: 'refs/heads/main' })
    const env = { GITHUB_EVENT_NAME: 'push', GITHUB_SHA: built, GITHUB_EVENT_PATH: eventPath }
    const inputs = { ...storeInputs(prefix), 'repo-path': repo.dir, 'package-directory': pkg, 'signing-key': KEY }
    expect((await runAction({ inputs: { ...inputs, mode: 'check' }, env })).outputs.found).toBe('false')

    // The hostile build: its output, HEAD moved to the unbuilt commit, and the payload naming it three ways.
    writeFiles(pkg, { 'a.js': 'ATTACKER PAYLOAD' })
    writeFileSync(path.join(repo.dir, '.git', 'HEAD'), `${unbuilt}\n`)
    writeFileSync(
      eventPath,
      JSON.stringify({ pull_request: { head: { sha: unbuilt } }, merge_group: { head_sha: unbuilt }, workflow_run: { head_sha: unbuilt } })
    )
    const upload = await runAction({ inputs: { ...inputs, mode: 'upload' }, env })
    expect(upload.code).toBe(1)
    expect(upload.stdout).toContain('An upload runs after the build, so it takes no commit from the event payload file')
    expect(listKeys(`${prefix}artifacts/${unbuilt}/`)).toEqual([])

    // main's own push run of that commit later: nothing of the attacker's is found.
    git(repo.dir, 'checkout', '-q', '--detach', unbuilt)
    const later = await runAction({
      inputs: { ...inputs, mode: 'check', download: 'true', 'package-directory': path.join(tempDir('ws'), 'dist') },
      env: { GITHUB_EVENT_NAME: 'push', GITHUB_SHA: unbuilt }
    })
    expect(later.outputs.found).toBe('false')
  })

  it('a ChatOps issue_comment job builds the pull request: what it stores is never served to a trusted run', async () => {
    const repo = makeRepo({ 'src/a.js': 'main\n' })
    const mainTip = repo.commit
    const prHead = commitAll(repo.dir, 'pull request', { 'src/a.js': 'pull request\n' })
    const prefix = uniquePrefix('chatops')
    const inputs = { ...storeInputs(prefix), 'repo-path': repo.dir, 'signing-key': KEY }
    // The comment job: base workflow, the key, the pull request checked out; its build also moves HEAD to main's tip.
    const pkg = path.join(tempDir('ws'), 'dist')
    writeFiles(pkg, { 'a.js': 'ATTACKER PAYLOAD' })
    writeFileSync(path.join(repo.dir, '.git', 'HEAD'), `${mainTip}\n`)
    const comment = await runAction({
      inputs: { ...inputs, mode: 'upload', 'package-directory': pkg },
      env: { GITHUB_EVENT_NAME: 'issue_comment', GITHUB_SHA: mainTip, GITHUB_EVENT_PATH: eventFile({ issue: { number: 7 } }) }
    })
    expect(comment.code).toBe(0)
    expect(comment.stdout).toContain("::warning::Not signing: this is a 'issue_comment' event")
    expect(comment.summary).toContain('⚠️ not signed')
    expect(String(readObject(`${prefix}artifacts/${mainTip}/.manifest.json`))).not.toContain('"signature"')
    void prHead

    const later = await runAction({
      inputs: { ...inputs, mode: 'check', download: 'true', 'package-directory': path.join(tempDir('ws'), 'dist') },
      env: { GITHUB_EVENT_NAME: 'push', GITHUB_SHA: mainTip }
    })
    expect(later.outputs.found).toBe('false')
    expect(later.stdout).toContain('is unsigned')
  })
})

describe('2. signing follows the trusted events', () => {
  it.each(['pull_request', 'issue_comment', 'pull_request_review', 'check_run', 'deployment_status', 'discussion_comment'])(
    'on %s a set is written unsigned and the step passes, saying why',
    async (event) => {
      const repo = makeRepo({ 'src/a.js': 'a\n' })
      const pkg = tempDir('pkg')
      writeFiles(pkg, { 'app.js': 'built' })
      const prefix = uniquePrefix('events')
      const run = await runAction({
        inputs: { ...storeInputs(prefix), mode: 'upload', 'repo-path': repo.dir, 'package-directory': pkg, 'signing-key': KEY },
        env: { GITHUB_EVENT_NAME: event, GITHUB_SHA: repo.commit }
      })
      expect(run.code).toBe(0)
      expect(run.stdout).toContain(`::warning::Not signing: this is a '${event}' event`)
      expect(run.summary).toContain("'allow-untrusted-signing: true' only in a job that runs no pull-request code")
      expect(String(readObject(`${prefix}artifacts/${repo.commit}/.manifest.json`))).toMatch(/^\{"codeHash"/)
    }
  )

  it('a writing apply with a key is refused on a pull request (its state is shared); plan-only runs', async () => {
    const repo = makeRepo({ 'web/a.js': 'a\n' })
    writeFiles(repo.dir, {
      '.github/assets.yml':
        'config:\n  state:\n    backend: local\n    options: { stateFile: s.state }\ntools:\n  - name: object\n    instanceID: o\n    options: { key: k.txt, content: hi }\n'
    })
    const inputs = {
      mode: 'apply',
      'repo-path': repo.dir,
      config: path.join(repo.dir, '.github/assets.yml'),
      'signing-key': KEY,
      backend: 'local',
      'local-dir': tempDir('store')
    }
    const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_SHA: repo.commit }
    const refused = await runAction({ inputs, env })
    expect(refused.code).toBe(2)
    expect(refused.stdout).toContain("Refusing to apply with 'signing-key' set: this is a 'pull_request' event")
    expect(existsSync(path.join(repo.dir, '.github', 's.state'))).toBe(false)
    const planned = await runAction({ inputs: { ...inputs, 'plan-only': 'true' }, env })
    expect(planned.code).toBe(0)
    expect(planned.outputs.changes).toBe('1')
  })
})

describe('3. upload computes the key it signs under', () => {
  it('a record naming another code hash is a warning naming both, and no shared set is written', async () => {
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    const prefix = uniquePrefix('record')
    const pkg = tempDir('pkg')
    const inputs = {
      ...storeInputs(prefix),
      'repo-path': repo.dir,
      'package-directory': pkg,
      'code-hash-paths': 'src/**',
      commit: repo.commit
    }
    const check = await runAction({ inputs: { ...inputs, mode: 'check' }, env: { GITHUB_SHA: repo.commit } })
    const real = check.outputs['code-hash']!
    const forged = 'e'.repeat(64)
    const record = path.join(pkg, '.s3-asset-manager.json')
    writeFileSync(record, JSON.stringify({ ...JSON.parse(readFileSync(record, 'utf8')), codeHash: forged }))
    writeFileSync(path.join(pkg, '.code-hash'), forged)
    writeFiles(pkg, { 'app.js': 'built' })
    const upload = await runAction({ inputs: { ...inputs, mode: 'upload' }, env: { GITHUB_SHA: repo.commit } })
    expect(upload.code).toBe(0)
    expect(upload.stdout).toContain(`check's record names code hash ${forged}, but the sources give ${real} now`)
    const keys = listKeys(prefix)
    expect(keys.filter((key) => key.includes('/cache/'))).toEqual([])
    expect(keys).toContain(`${prefix}artifacts/${repo.commit}/.manifest.json`)
  })

  it('on a runner an upload without code-hash-paths writes no shared set from the record, and says so', async () => {
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    const prefix = uniquePrefix('no-paths')
    const pkg = tempDir('pkg')
    const base = { ...storeInputs(prefix), 'repo-path': repo.dir, 'package-directory': pkg }
    await runAction({ inputs: { ...base, mode: 'check', 'code-hash-paths': 'src/**' }, env: { GITHUB_SHA: repo.commit } })
    writeFiles(pkg, { 'app.js': 'built' })
    const upload = await runAction({ inputs: { ...base, mode: 'upload' }, env: { GITHUB_SHA: repo.commit } })
    expect(upload.code).toBe(0)
    expect(upload.stdout).toContain("::warning::Not writing the shared code-hash set: this upload has no 'code-hash-paths'")
    expect(listKeys(prefix).filter((key) => key.includes('/cache/'))).toEqual([])
  })
})

describe('5. nothing a secret looks like leaves the log', () => {
  it('an endpoint with user info is refused, its parts masked everywhere', async () => {
    const run = await runAction({
      inputs: { mode: 'check', backend: 's3', bucket: 'assets', endpoint: 'https://AKIAEXAMPLEKEY:s3cr3t%2Fvalue@minio.example.com:9000' }
    })
    expect(run.code).toBe(2)
    expect(run.stdout).toContain('::add-mask::s3cr3t%252Fvalue') // %25 is how a command writes %
    expect(run.stdout).toContain('::add-mask::s3cr3t/value')
    expect(run.stdout).toContain("Input 'endpoint' is 'https://***@minio.example.com:9000': it holds a user name or password")
    expect(run.summary).toContain('https://\\*\\*\\*@minio.example.com')
    expect(run.summary).not.toMatch(/s3cr3t|AKIAEXAMPLEKEY/)
  })
})

describe('6. outputs carry no raw pull-request text', () => {
  it("a hostile file name in miss-reason is inert in a workflow's run:", async () => {
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    const prefix = uniquePrefix('names')
    const pkg = tempDir('pkg')
    const inputs = { ...storeInputs(prefix), 'repo-path': repo.dir, 'package-directory': pkg, 'code-hash-paths': 'src/**' }
    await runAction({ inputs: { ...inputs, mode: 'check' } })
    writeFiles(pkg, { 'app.js': 'built' })
    expect((await runAction({ inputs: { ...inputs, mode: 'upload' } })).code).toBe(0)
    const pwned = path.join(tempDir('pwn'), 'pwned')
    commitAll(repo.dir, 'hostile', { [`src/$(touch \${IFS}${pwned})\`id\`'.js`]: 'x\n' })
    const miss = await runAction({ inputs: { ...inputs, mode: 'check', 'package-directory': tempDir('pkg') } })
    const reason = miss.outputs['miss-reason']!
    expect(reason).toContain('1 file added (src/%24%28touch %24%7BIFS%7D')
    expect(reason).not.toMatch(/[$`'"\\;|&<>]/)
    // What a workflow does with ${{ steps.check.outputs.miss-reason }} spliced into run:, in each quoting.
    for (const script of [`echo ${reason}`, `echo "${reason}"`, `echo '${reason}'`]) spawnSync('bash', ['-c', script])
    expect(existsSync(pwned)).toBe(false)
    expect(miss.summary).toContain('%24%28touch')
  })
})

describe('8. GitHub API', () => {
  const github = new FakeGitHub()
  let apiUrl: string
  beforeAll(async () => (apiUrl = await github.start()))
  afterAll(() => github.stop())

  it("a comment holding our marker that someone else wrote is never edited; the bot's own is", async () => {
    github.comments.push({ id: 2, body: '<!-- s3-asset-manager:web --> planted by the author', user: { login: 'mallory', type: 'User' } })
    const repo = makeRepo({ 'src/a.js': '1' })
    const headSha = 'd'.repeat(40)
    const inputs = {
      ...storeInputs(uniquePrefix('gh')),
      mode: 'check',
      'repo-path': repo.dir,
      'package-directory': tempDir('pkg'),
      'pr-comment': 'true',
      'github-token': 'ghs_testtoken',
      'instance-name': 'web'
    }
    const env = {
      GITHUB_API_URL: apiUrl,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventFile({ pull_request: { number: 7, head: { sha: headSha } } }),
      GITHUB_REPOSITORY: 'octo/app'
    }
    expect((await runAction({ inputs, env })).code).toBe(0)
    expect((await runAction({ inputs, env })).code).toBe(0)
    expect(github.comments.find((comment) => comment.id === 2)!.body).toBe('<!-- s3-asset-manager:web --> planted by the author')
    const ours = github.comments.filter((comment) => comment.user.login === 'github-actions[bot]')
    expect(ours).toHaveLength(1)
    expect(github.requests.filter((request) => request.method === 'PATCH').map((request) => request.url)).toEqual([
      `/repos/octo/app/issues/comments/${ours[0]!.id}`
    ])
  })
})

// PR comments and commit statuses through the real @actions/github/Octokit over HTTP, against a small
// GitHub API of our own on loopback that records what it is sent (GITHUB_API_URL points the action at it).
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { FakeGitHub } from '../support/fake-github.js'
import { makeRepo, runAction, s3Inputs, tempDir, uniquePrefix, writeFiles } from '../support/helpers.js'

describe('pull-request comment and commit status', () => {
  const github = new FakeGitHub()
  let apiUrl: string
  beforeAll(async () => (apiUrl = await github.start()))
  afterAll(() => github.stop())
  beforeEach(() => {
    github.requests.length = 0
    github.forbidden = false
  })

  function pullRequestEnv(headSha: string): Record<string, string> {
    const eventPath = path.join(tempDir('event'), 'event.json')
    writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 7, head: { sha: headSha } } }))
    return {
      GITHUB_API_URL: apiUrl,
      GITHUB_SERVER_URL: 'https://ghe.example.com',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'octo/app',
      GITHUB_RUN_ID: '4242'
    }
  }

  it('comments once per instance and updates that comment in place; statuses go on the trusted commit', async () => {
    const repo = makeRepo({ 'src/a.js': '1' })
    const headSha = 'b'.repeat(40)
    const pkg = path.join(tempDir('ws'), 'packages')
    const inputs = {
      ...s3Inputs(uniquePrefix('gh')),
      'repo-path': repo.dir,
      'package-directory': pkg,
      'pr-comment': 'true',
      'commit-status': 'true',
      'github-token': 'ghs_testtoken',
      'instance-name': 'web'
    }
    const env = pullRequestEnv(headSha)

    const miss = await runAction({ inputs: { ...inputs, mode: 'check' }, env })
    expect(miss.code).toBe(0)
    writeFiles(pkg, { 'app.js': 'built' })
    const up = await runAction({ inputs: { ...inputs, mode: 'upload' }, env })
    expect(up.code).toBe(0)

    const statuses = github.requests.filter((r) => r.url.startsWith('/repos/octo/app/statuses/'))
    // check read the event before any build: its status goes on the PR head; upload takes nothing from the payload but the number.
    expect(statuses.map((s) => s.url)).toEqual([`/repos/octo/app/statuses/${headSha}`, `/repos/octo/app/statuses/${repo.commit}`])
    expect(statuses.map((s) => s.body)).toEqual([
      {
        state: 'pending',
        context: 's3-asset-manager/web',
        description: 'assets not found — build needed',
        target_url: 'https://ghe.example.com/octo/app/actions/runs/4242'
      },
      {
        state: 'success',
        context: 's3-asset-manager/web',
        description: 'assets uploaded, 1 file (5 B)',
        target_url: 'https://ghe.example.com/octo/app/actions/runs/4242'
      }
    ])
    expect(github.requests.every((r) => r.authorization === 'token ghs_testtoken')).toBe(true)

    const ours = github.comments.filter((c) => c.body.includes('<!-- s3-asset-manager:web -->'))
    expect(ours).toHaveLength(1)
    expect(ours[0]!.body).toContain('⬆️ uploaded')
    expect(github.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/comments'))).toHaveLength(1)
    expect(github.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1)
    expect(github.comments[0]!.body).toBe('an unrelated comment')
  })

  it('warns and carries on when the token may not comment or set statuses (forks)', async () => {
    github.forbidden = true
    const repo = makeRepo({ 'src/a.js': '1' })
    const run = await runAction({
      inputs: {
        ...s3Inputs(uniquePrefix('gh')),
        mode: 'check',
        'repo-path': repo.dir,
        'pr-comment': 'true',
        'commit-status': 'true',
        'github-token': 't'
      },
      env: pullRequestEnv('c'.repeat(40))
    })
    expect(run.code).toBe(0)
    expect(run.outputs.found).toBe('false')
    expect(run.stdout).toMatch(/::warning::Could not set the commit status on c{40} \(HTTP 403/)
    expect(run.stdout).toContain('::warning::Could not comment on pull request #7 (HTTP 403')
    expect(run.stdout).toContain('pull requests from forks get a read-only token')
  })

  it('sets a status on the commit itself outside pull requests, and does not comment', async () => {
    const repo = makeRepo({ 'src/a.js': '1' })
    const run = await runAction({
      inputs: {
        ...s3Inputs(uniquePrefix('gh')),
        mode: 'check',
        'repo-path': repo.dir,
        'pr-comment': 'true',
        'commit-status': 'true',
        'github-token': 't'
      },
      env: { GITHUB_API_URL: apiUrl, GITHUB_EVENT_NAME: 'push', GITHUB_REPOSITORY: 'octo/app' }
    })
    expect(run.code).toBe(0)
    expect(github.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`POST /repos/octo/app/statuses/${repo.commit}`])
  })
})

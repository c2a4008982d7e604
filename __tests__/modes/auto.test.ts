// mode: auto, run as the runner runs an action with a post step: the main step with a GITHUB_STATE file,
// then the same bundle again with what main saved passed as STATE_<name> variables (the post step).
import path from 'node:path'
import { makeRepo, runAction, runMainThenPost, s3Inputs, tempDir, uniquePrefix, writeFiles } from '../support/helpers.js'
import { listKeys, outsideClient } from '../support/outside-client.js'

const client = outsideClient()
afterAll(() => client.destroy())

const mainThenPost = (inputs: Record<string, string>, build?: () => void): ReturnType<typeof runMainThenPost> =>
  runMainThenPost({ inputs, build })

describe('mode: auto (check now, upload in the post step)', () => {
  it('miss → build → the post step uploads; the next run hits and its post step does nothing', async () => {
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    const prefix = uniquePrefix('auto')
    const pkg = path.join(tempDir('ws'), 'dist')
    const inputs = { ...s3Inputs(prefix), mode: 'auto', 'repo-path': repo.dir, 'package-directory': pkg, 'code-hash-paths': 'src/**' }
    const first = await mainThenPost(inputs, () => writeFiles(pkg, { 'app.zip': 'built' }))
    expect(first.main.code).toBe(0)
    expect(first.main.outputs).toMatchObject({ found: 'false', 'commit-hash': repo.commit })
    expect(first.state.isPost).toBe('true')
    expect(JSON.parse(first.state.auto!)).toEqual({
      found: false,
      commit: repo.commit,
      packageDirectory: pkg,
      codeHash: first.main.outputs['code-hash']
    })
    expect(first.post.code).toBe(0)
    expect(first.post.stdout).toContain('Uploaded 1 file to')
    expect(first.post.summary).toContain('### S3 Asset Manager — upload')
    expect(await listKeys(client, `${prefix}artifacts/${repo.commit}/`)).toEqual(
      expect.arrayContaining([`${prefix}artifacts/${repo.commit}/app.zip`, `${prefix}artifacts/${repo.commit}/.manifest.json`])
    )

    const second = await mainThenPost({ ...inputs, 'package-directory': path.join(tempDir('ws2'), 'dist') })
    expect(second.main.outputs.found).toBe('true')
    expect(second.post.code).toBe(0)
    expect(second.post.stdout).toContain(`The assets of commit ${repo.commit} were found by the main step: nothing to upload.`)
    expect(second.post.stdout).not.toContain('Uploaded')
  })

  it('a failed main step leaves the post step nothing to do', async () => {
    const inputs = { ...s3Inputs(uniquePrefix('auto-fail')), mode: 'auto', 'repo-path': '/nonexistent' }
    const run = await mainThenPost(inputs)
    expect(run.main.code).toBe(1)
    expect(run.state.auto).toBeUndefined()
    expect(run.post.code).toBe(0)
    expect(run.post.stdout).toContain('The main step did not finish its check, so there is nothing to upload.')
  })

  it('a build that produced nothing is a warning, not an upload', async () => {
    const repo = makeRepo({ 'a.txt': 'a' })
    const inputs = {
      ...s3Inputs(uniquePrefix('auto-empty')),
      mode: 'auto',
      'repo-path': repo.dir,
      'package-directory': path.join(tempDir('ws'), 'out')
    }
    const run = await mainThenPost(inputs)
    expect(run.post.code).toBe(0)
    expect(run.post.stdout).toContain('::warning::The job succeeded but')
    expect(run.post.stdout).toContain('holds no files')
  })

  it('the post step of any other mode does nothing, and auto is refused outside GitHub', async () => {
    const post = await runAction({ inputs: { mode: 'check' }, env: { STATE_isPost: 'true' } })
    expect(post.code).toBe(0)
    expect(post.stdout).toBe('')
    const outside = await runAction({ args: ['auto'], runner: false, env: { INPUT_BACKEND: 'local', INPUT_LOCAL_DIR: tempDir('l') } })
    expect(outside.code).toBe(2)
    expect(outside.stderr).toContain("error: mode 'auto' checks now and uploads in the runner's post step, which only GitHub Actions runs.")
  })
})

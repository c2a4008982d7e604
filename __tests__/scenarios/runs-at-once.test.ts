// Issue "many runs at once, runs cut short", through dist/index.js as runners run it: uploads of one commit
// racing on every store flavour, some killed or cancelled (bench/chaos-lib.mjs, which `npm run chaos` runs
// many times), a cancelled upload and a cancelled apply, and a lock left by a run killed outright.
import { ListMultipartUploadsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
// A plain ES module of the bench, shared with `npm run chaos` (typed by its JSDoc).
import { applyTrial, generator, localClaims, raceTrial, runBundle } from '../../bench/chaos-lib.mjs'
import { DIST, NODE, makeRepo, tempDir, writeFiles } from '../support/helpers.js'

interface Flavour {
  readonly name: string
  readonly env: Record<string, string>
  readonly client?: S3Client
}

function s3Flavour(name: string, endpoint: string, keys: { accessKeyId: string; secretAccessKey: string }): Flavour {
  return {
    name,
    env: {
      INPUT_BACKEND: 's3',
      INPUT_BUCKET: 'assets',
      INPUT_ENDPOINT: endpoint,
      AWS_ACCESS_KEY_ID: keys.accessKeyId,
      AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
      AWS_REGION: 'us-east-1'
    },
    client: new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: keys })
  }
}

if (process.env.CI === 'true' && !process.env.TEST_MOTO_ENDPOINT) {
  throw new Error('CI runs these races on moto too, and moto was not started: select a moto test file as well, or run the whole suite.')
}
const root = tempDir('chaos-store')
const flavours: Flavour[] = [
  { name: 'a local directory', env: { INPUT_BACKEND: 'local', 'INPUT_LOCAL-DIR': root } },
  s3Flavour('s3rver', process.env.TEST_S3RVER_ENDPOINT!, { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }),
  // moto runs when the run includes a moto test file (every `npm test`, and the bundle run of .ci/run); it is absent
  // when only s3rver files were selected, or on a machine without Python outside CI (jest.config.js says so once).
  ...(process.env.TEST_MOTO_ENDPOINT
    ? [
        s3Flavour('moto', process.env.TEST_MOTO_ENDPOINT, {
          accessKeyId: process.env.TEST_MOTO_ACCESS_KEY!,
          secretAccessKey: process.env.TEST_MOTO_SECRET_KEY!
        })
      ]
    : [])
]
afterAll(() => flavours.forEach((flavour) => flavour.client?.destroy()))

function claimsOf(flavour: Flavour): (prefix: string) => Promise<string[]> {
  if (!flavour.client) return localClaims(root)
  return async (prefix) => {
    const page = await flavour.client!.send(new ListObjectsV2Command({ Bucket: 'assets', Prefix: prefix }))
    return (page.Contents ?? []).map((object) => object.Key!.slice(prefix.length))
  }
}

// One shape per store, covering the cuts: outright kills (the claim ages out), SIGINT and SIGTERM (released
// at once), writers with other bytes and with the same; on moto a file large enough to go in parts.
const RACES = [
  { flavour: 0, force: { writers: 3, sameBytes: false, cut: 'SIGKILL' }, bigBytes: 0 },
  { flavour: 1, force: { writers: 4, sameBytes: false, cut: 'SIGINT' }, bigBytes: 0 },
  { flavour: 2, force: { writers: 2, sameBytes: true, cut: 'SIGTERM' }, bigBytes: 18 * 1024 * 1024 }
].filter((race) => race.flavour < flavours.length)

describe('uploads of one commit at once, some cut short', () => {
  it.each(RACES.map((race) => [flavours[race.flavour]!.name, race] as const))(
    'on %s: one writer’s set stands whole, no step fails, no claim is left behind',
    async (_name, race) => {
      const flavour = flavours[race.flavour]!
      const result = await raceTrial({
        node: NODE,
        dist: DIST,
        work: tempDir('chaos'),
        storeEnv: flavour.env,
        listClaims: claimsOf(flavour),
        random: generator(20261202 + race.flavour),
        trial: race.flavour,
        bigBytes: race.bigBytes,
        force: race.force
      })
      expect(result.problems).toEqual([])
      expect(result.found).toBe(true)
      if (flavour.name === 'moto') {
        // Nothing a cancelled writer started in parts is left open (moto lists them; s3rver cannot).
        const open = await flavour.client!.send(new ListMultipartUploadsCommand({ Bucket: 'assets', Prefix: result.prefix }))
        expect(open.Uploads ?? []).toEqual([])
      }
    },
    60_000
  )

  it('apply cancelled at a random moment releases its lock and says what it left', async () => {
    const result = await applyTrial({
      node: NODE,
      dist: DIST,
      work: tempDir('chaos-apply'),
      storeEnv: flavours[0]!.env,
      random: generator(7),
      trial: 1
    })
    expect(result.problems).toEqual([])
  })
})

describe('cancelled runs', () => {
  it('an upload cancelled by SIGINT writes no manifest, leaves no claim, and says so in one line with exit 130', async () => {
    const repo = makeRepo({ 'src/a.js': 'a\n' })
    const pkg = tempDir('pkg')
    writeFiles(pkg, Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`f${i}.txt`, `${i}\n`])))
    const store = tempDir('store')
    const run = await runBundle({
      node: NODE,
      dist: DIST,
      env: {
        INPUT_MODE: 'upload',
        INPUT_BACKEND: 'local',
        'INPUT_LOCAL-DIR': store,
        'INPUT_REPO-PATH': repo.dir,
        'INPUT_PACKAGE-DIRECTORY': pkg,
        INPUT_CONCURRENCY: '1'
      },
      interrupt: { signal: 'SIGINT', afterMs: 50, once: /Uploading / }
    })
    expect(run.code).toBe(130)
    const lines = run.output.split('\n').filter((line: string) => line.includes('Cancelled by SIGINT'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(`no manifest was written for`)
    const set = path.join(store, 'artifacts', repo.commit)
    expect(existsSync(path.join(set, '.manifest.json'))).toBe(false)
    expect(existsSync(path.join(set, '.claims')) ? readdirSync(path.join(set, '.claims')) : []).toEqual([])
  })

  it('a lock left by an apply killed outright names its holder, its age and the exact force-unlock value', async () => {
    const repo = makeRepo({ 'web/a.js': 'a\n' })
    // The build outlives the kill (nothing is left to stop it) but lets go of the step's output pipes, so the
    // killed step's end is seen at once rather than when the build's 2 s are up.
    writeFileSync(
      path.join(repo.dir, 'assets.yml'),
      'config:\n  state:\n    backend: local\n    options: { stateFile: assets.state }\ntools:\n  - name: assets\n    instanceID: web\n    options:\n      paths: [ "web/**" ]\n      directory: out\n      run: "exec sleep 2 >/dev/null 2>&1"\n'
    )
    const env = {
      INPUT_MODE: 'apply',
      INPUT_BACKEND: 'local',
      'INPUT_LOCAL-DIR': tempDir('store'),
      'INPUT_REPO-PATH': repo.dir,
      INPUT_CONFIG: path.join(repo.dir, 'assets.yml'),
      GITHUB_RUN_ID: '4711',
      GITHUB_WORKFLOW: 'deploy',
      GITHUB_ACTOR: 'octocat'
    }
    const killed = await runBundle({
      node: NODE,
      dist: DIST,
      cwd: repo.dir,
      env,
      interrupt: { signal: 'SIGKILL', afterMs: 200, once: /Build assets\.web/ }
    })
    expect(killed.signal).toBe('SIGKILL')
    const lock = JSON.parse(readFileSync(path.join(repo.dir, 'assets.state.lock'), 'utf8')) as { id: string }
    const next = await runBundle({ node: NODE, dist: DIST, cwd: repo.dir, env })
    expect(next.code).toBe(1)
    expect(next.output).toMatch(new RegExp(`lock ${lock.id}, taken \\d+ s ago \\(.*\\) by workflow 'deploy', run 4711, started by octocat`))
    expect(next.output).toContain(`re-run with 'force-unlock: ${lock.id}'`)
    expect(next.output).not.toContain('by by')
  })

  it('apply cancelled during a build stops it, keeps what was saved, releases the lock, exit 130', async () => {
    const repo = makeRepo({ 'web/a.js': 'a\n' })
    const marker = path.join(tempDir('marker'), 'still-running')
    const shellPid = path.join(path.dirname(marker), 'build.pid')
    writeFileSync(
      path.join(repo.dir, 'assets.yml'),
      'config:\n  state:\n    backend: local\n    options: { stateFile: assets.state }\ntools:\n' +
        '  - name: object\n    instanceID: first\n    options: { key: first.txt, content: one }\n' +
        `  - name: assets\n    instanceID: web\n    dependsOn: [ object.first ]\n    options:\n      paths: [ "web/**" ]\n      directory: out\n      run: "echo $$ > ${shellPid}; sleep 2 && touch ${marker}"\n`
    )
    const env = {
      INPUT_MODE: 'apply',
      INPUT_BACKEND: 'local',
      'INPUT_LOCAL-DIR': tempDir('store'),
      'INPUT_REPO-PATH': repo.dir,
      INPUT_CONFIG: path.join(repo.dir, 'assets.yml')
    }
    const run = await runBundle({
      node: NODE,
      dist: DIST,
      cwd: repo.dir,
      env,
      interrupt: { signal: 'SIGINT', afterMs: 200, once: /Build assets\.web/ }
    })
    expect(run.code).toBe(130)
    expect(run.output).toContain(
      'Cancelled by SIGINT: Tool (assets/web) Create was abandoned and not saved; the change before it was applied and saved in the state; the state lock is released.'
    )
    expect(existsSync(path.join(repo.dir, 'assets.state.lock'))).toBe(false)
    expect(readFileSync(path.join(repo.dir, 'assets.state'), 'utf8')).toContain('object_first')
    // The build got the signal too: it does not finish behind apply's back. Its shell is gone at once (a build
    // left running would hold on for its 2 s, then write the marker).
    const pid = Number(readFileSync(shellPid, 'utf8'))
    const alive = (): boolean => {
      try {
        process.kill(pid, 0)
        return true
      } catch {
        return false
      }
    }
    for (const deadline = Date.now() + 5000; alive() && Date.now() < deadline;) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(alive()).toBe(false)
    expect(existsSync(marker)).toBe(false)
  })
})

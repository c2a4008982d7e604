// Chaos for many runs at once and runs cut short, shared by `npm run chaos` (bench/chaos.mjs, many trials)
// and the suite (__tests__/scenarios/chaos.test.ts, a few): 2–4 `upload`s of one commit at once, with the
// same or other bytes, some killed outright (SIGKILL) or cancelled (SIGINT, SIGTERM) at random moments; then
// `check` with download. Counted against 0: broken sets (found, but not one writer's files whole), failed
// steps (a non-zero exit nobody caused), wrong cancellations (not 130/143 with the one line), stuck claims
// (left by a run that ended by itself or by a signal) and, for `apply`, stuck locks.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** A seeded generator, so a run can be replayed (the seed is printed). */
export function generator(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), state | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Runs the bundle with INPUT_* variables; `interrupt` sends a signal some milliseconds after the start, or
 * after the output first matches `interrupt.once` (so the signal lands while that work is under way).
 *
 * @param {{ node: string, dist: string, env: Record<string, string>, cwd?: string,
 *   interrupt?: { signal: NodeJS.Signals, afterMs?: number, once?: RegExp } }} options
 * @returns {Promise<{ code: number | null, signal: NodeJS.Signals | null, output: string, interrupted?: NodeJS.Signals }>}
 */
export function runBundle({ node, dist, env, cwd, interrupt }) {
  return new Promise((resolve) => {
    const child = spawn(node, [dist], {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    let timer
    const arm = () => (timer ??= setTimeout(() => child.kill(interrupt.signal), interrupt.afterMs))
    const hear = (chunk) => {
      output += chunk
      if (interrupt?.once && interrupt.once.test(output)) arm()
    }
    child.stdout.on('data', hear)
    child.stderr.on('data', hear)
    if (interrupt && !interrupt.once) arm()
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, output, interrupted: interrupt?.signal })
    })
  })
}

/** A package directory whose every file says which writer built it. */
function build(dir, tag, files, bigBytes) {
  mkdirSync(dir, { recursive: true })
  for (let i = 0; i < files; i++) writeFileSync(path.join(dir, `f${i}.txt`), `${tag} ${i}\n`)
  if (bigBytes) writeFileSync(path.join(dir, 'big.bin'), Buffer.concat([Buffer.from(`${tag}\n`), Buffer.alloc(bigBytes)]))
}

/** Which writer's files a downloaded set holds: its tag, or undefined when they are mixed or missing. */
function whoseFiles(dir, files) {
  const tags = new Set()
  for (let i = 0; i < files; i++) {
    const file = path.join(dir, `f${i}.txt`)
    if (!existsSync(file)) return undefined
    tags.add(readFileSync(file, 'utf8').split(' ')[0])
  }
  return tags.size === 1 ? [...tags][0] : undefined
}

/**
 * One race on one store: `writers` uploads of one commit at once (same bytes or each its own), of which one
 * may be killed or cancelled; then a check with download. Returns what went wrong, if anything.
 */
export async function raceTrial({ node, dist, work, storeEnv, listClaims, random, trial, files = 40, bigBytes = 0, force = {} }) {
  const writers = force.writers ?? 2 + Math.floor(random() * 3)
  const sameBytes = force.sameBytes ?? random() < 0.3
  const commit = randomBytes(20).toString('hex')
  const prefix = `chaos-${trial}-${randomBytes(3).toString('hex')}/`
  const base = { ...storeEnv, INPUT_COMMIT: commit, INPUT_PREFIX: prefix, INPUT_CONCURRENCY: '4', SAM_CLAIM_LEASE_SECONDS: '3' }
  const roll = random()
  const cut = 'cut' in force ? force.cut : roll < 0.25 ? 'SIGKILL' : roll < 0.5 ? 'SIGINT' : roll < 0.6 ? 'SIGTERM' : undefined
  const victim = Math.floor(random() * writers)
  const afterMs = 100 + Math.floor(random() * 900)
  // Some races store small files in packs (cut by path; zstd where the runtime has it).
  const packed = force.packed ?? random() < 0.4
  if (packed) base['INPUT_PACK-BELOW'] = '64KiB'
  const runs = await Promise.all(
    Array.from({ length: writers }, (_, w) => {
      const tag = sameBytes ? 'same' : `w${w}`
      const pkg = path.join(work, `${prefix.replace('/', '')}-pkg-${w}`)
      build(pkg, tag, files, bigBytes)
      return runBundle({
        node,
        dist,
        env: { ...base, INPUT_MODE: 'upload', 'INPUT_PACKAGE-DIRECTORY': pkg },
        interrupt: cut && w === victim ? { signal: cut, afterMs } : undefined
      })
    })
  )
  const problems = []
  for (const [w, run] of runs.entries()) {
    const said = run.output.replace(/\s+/g, ' ').slice(-600)
    if (run.interrupted === 'SIGKILL') continue
    // A signal that lands while Node.js is still loading the bundle ends it the default way: nothing had started.
    if (run.interrupted && run.signal === run.interrupted && !/Uploading|Looking for/.test(run.output)) continue
    if (run.interrupted && run.code !== 0) {
      const expected = run.interrupted === 'SIGINT' ? 130 : 143
      if (run.code !== expected || !run.output.includes(`Cancelled by ${run.interrupted}`)) {
        problems.push({ kind: 'wrong cancellation', detail: `writer ${w} after ${run.interrupted}: exit ${run.code}: ${said}` })
      }
      continue
    }
    if (run.code !== 0) problems.push({ kind: 'failed step', detail: `writer ${w}: exit ${run.code}: ${said}` })
  }
  const stored = runs.some((run) => run.code === 0 && !run.interrupted)
  const out = path.join(work, `${prefix.replace('/', '')}-out`)
  const check = await runBundle({
    node,
    dist,
    env: { ...base, INPUT_MODE: 'check', INPUT_DOWNLOAD: 'true', 'INPUT_PACKAGE-DIRECTORY': out }
  })
  const found = /found=true/.test(check.output)
  if (check.code !== 0) problems.push({ kind: 'failed step', detail: `check: exit ${check.code}: ${check.output.slice(-600)}` })
  else if (found) {
    const tag = whoseFiles(out, files)
    if (!tag) problems.push({ kind: 'broken set', detail: `the set found for ${commit} is not one writer's files` })
  } else if (stored) {
    problems.push({
      kind: 'broken set',
      detail: `a writer said it stored ${commit}, but check did not find it whole: ${check.output.slice(-600)}`
    })
  }
  // Claims a run left although it ended by itself or by a signal it could handle.
  const left = (await listClaims(`${prefix}artifacts/${commit}/.claims/`)).filter((name) => /^t-/.test(name))
  const killed = runs.filter((run) => run.interrupted === 'SIGKILL').length
  if (left.length > killed)
    problems.push({ kind: 'stuck claim', detail: `${left.length} claims left, ${killed} writer(s) killed outright: ${left.join(', ')}` })
  return { writers, sameBytes, cut, found, prefix, commit, problems }
}

/** apply with a tool whose build takes a while, cancelled at a random moment: the lock must be gone afterwards. */
export async function applyTrial({ node, dist, work, storeEnv, random, trial }) {
  const repo = path.join(work, `apply-${trial}`)
  mkdirSync(path.join(repo, 'web'), { recursive: true })
  writeFileSync(path.join(repo, 'web', 'a.js'), `${trial}\n`)
  const state = path.join(repo, 'assets.state')
  writeFileSync(
    path.join(repo, 'assets.yml'),
    `config:\n  state:\n    backend: local\n    options: { stateFile: assets.state }\ntools:\n` +
      `  - name: object\n    instanceID: first\n    options: { key: first-${trial}.txt, content: one }\n` +
      `  - name: assets\n    instanceID: web\n    dependsOn: [ object.first ]\n    options:\n      paths: [ "web/**" ]\n      directory: out\n      run: "sleep 1 && mkdir -p out && echo built > out/b.txt"\n`
  )
  const signal = random() < 0.7 ? 'SIGINT' : 'SIGTERM'
  const run = await runBundle({
    node,
    dist,
    cwd: repo,
    env: {
      ...storeEnv,
      INPUT_MODE: 'apply',
      INPUT_CONFIG: path.join(repo, 'assets.yml'),
      'INPUT_REPO-PATH': repo,
      INPUT_COMMIT: randomBytes(20).toString('hex'),
      INPUT_PREFIX: `apply-${trial}/`
    },
    interrupt: { signal, afterMs: 200 + Math.floor(random() * 1500) }
  })
  const problems = []
  if (run.signal === signal && !/Using local backend/.test(run.output)) return { problems } // cut before it began
  if (existsSync(`${state}.lock`))
    problems.push({
      kind: 'stuck lock',
      detail: `apply ended with ${run.code} after ${signal} and left its lock: ${run.output.slice(-400)}`
    })
  if (run.code !== 0 && (run.code !== (signal === 'SIGINT' ? 130 : 143) || !run.output.includes(`Cancelled by ${signal}`))) {
    problems.push({ kind: 'wrong cancellation', detail: `apply after ${signal}: exit ${run.code}: ${run.output.slice(-600)}` })
  }
  return { problems }
}

/** Claim objects under a key prefix of a local store. */
export function localClaims(root) {
  return async (prefix) => {
    const dir = path.join(root, prefix)
    return existsSync(dir) ? readdirSync(dir) : []
  }
}

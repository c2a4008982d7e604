#!/usr/bin/env node
// npm run chaos — kills `upload` with SIGKILL at random moments, then runs `check` with download: true,
// against s3rver (in its own process, loopback) and a local directory store. A set must be found whole or
// not at all: prints trials, false hits (found, but the download fails or differs from what was uploaded)
// and unreadable manifests, which must both be 0. Exits 1 otherwise. Not part of npm test: takes minutes.
//
//   CHAOS_TRIALS (default 30 per store), CHAOS_SEED (default: time-based, printed so a run can be replayed)
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const DIST = path.join(ROOT, 'dist', 'index.js')
const TRIALS = Number(process.env.CHAOS_TRIALS ?? 30)
let seed = Number(process.env.CHAOS_SEED ?? Date.now() % 100000)
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
}

function run(env, { killAfterMs } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [DIST], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stdout += d))
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs)
    const started = Date.now()
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stdout, ms: Date.now() - started })
    })
  })
}

function startS3rver(directory) {
  mkdirSync(directory, { recursive: true })
  const child = spawn(process.execPath, ['--openssl-legacy-provider', path.join(ROOT, 'bench', 's3rver-process.mjs'), directory, 'chaos'], {
    stdio: ['pipe', 'pipe', 'inherit']
  })
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      const port = /PORT (\d+)/.exec(String(chunk))?.[1]
      if (port) resolve({ child, endpoint: `http://127.0.0.1:${port}` })
    })
    child.once('exit', (code) => reject(new Error(`s3rver exited with ${code}`)))
  })
}

async function trials(label, storeEnv, pkg, files, work) {
  const base = { ...storeEnv, 'INPUT_PACKAGE-DIRECTORY': pkg, INPUT_CONCURRENCY: '8' }
  // One uncut upload measures how long an upload takes, so kills land anywhere from start-up to the end.
  const probe = await run({ ...base, INPUT_MODE: 'upload', INPUT_COMMIT: randomBytes(20).toString('hex'), INPUT_PREFIX: 'probe/' })
  if (probe.code !== 0) throw new Error(`a plain upload failed:\n${probe.stdout}`)
  const counts = { trials: 0, killed: 0, finished: 0, hits: 0, misses: 0, falseHits: 0, unreadable: 0 }
  for (let i = 0; i < TRIALS; i++) {
    const commit = randomBytes(20).toString('hex')
    const killAfterMs = Math.floor(random() * probe.ms * 1.4)
    const up = await run({ ...base, INPUT_MODE: 'upload', INPUT_COMMIT: commit }, { killAfterMs })
    counts.trials++
    if (up.signal === 'SIGKILL') counts.killed++
    else counts.finished++
    const out = path.join(work, `${label}-out-${i}`)
    const check = await run({ ...base, INPUT_MODE: 'check', INPUT_COMMIT: commit, 'INPUT_PACKAGE-DIRECTORY': out, INPUT_DOWNLOAD: 'true' })
    const found = /found=true/.test(check.stdout)
    if (/manifest .* is (not valid JSON|malformed)/.test(check.stdout)) {
      counts.unreadable++
      console.log(`  ${label} trial ${i}: unreadable manifest after a kill at ${killAfterMs} ms\n${check.stdout}`)
    } else if (found) {
      const intact =
        check.code === 0 &&
        Object.entries(files).every(([name, bytes]) => {
          try {
            return readFileSync(path.join(out, name)).equals(bytes)
          } catch {
            return false
          }
        })
      if (intact) counts.hits++
      else {
        counts.falseHits++
        console.log(`  ${label} trial ${i}: FALSE HIT after a kill at ${killAfterMs} ms\n${check.stdout}`)
      }
    } else if (check.code === 0) counts.misses++
    else {
      counts.unreadable++
      console.log(`  ${label} trial ${i}: check failed after a kill at ${killAfterMs} ms\n${check.stdout}`)
    }
    rmSync(out, { recursive: true, force: true })
  }
  console.log(
    `${label}: ${counts.trials} trials (upload killed ${counts.killed}, finished ${counts.finished}; an uncut upload takes ${probe.ms} ms) → ` +
      `found whole ${counts.hits}, not found ${counts.misses}, false hits ${counts.falseHits}, unreadable manifests ${counts.unreadable}`
  )
  return counts
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), 's3am-chaos-'))
  console.log(`chaos: seed ${seed}, ${TRIALS} trials per store, data in ${work}`)
  const pkg = path.join(work, 'pkg')
  const files = {}
  for (let i = 0; i < 300; i++) files[`dir${i % 10}/file${i}.bin`] = randomBytes(512 + ((i * 7919) % 60000))
  files['bundle.bin'] = randomBytes(24 * 1024 * 1024)
  for (const [name, bytes] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(pkg, name)), { recursive: true })
    writeFileSync(path.join(pkg, name), bytes)
  }
  const { child, endpoint } = await startS3rver(path.join(work, 's3rver'))
  try {
    const s3 = await trials(
      's3 (s3rver)',
      {
        INPUT_BACKEND: 's3',
        INPUT_BUCKET: 'chaos',
        INPUT_ENDPOINT: endpoint,
        AWS_ACCESS_KEY_ID: 'S3RVER',
        AWS_SECRET_ACCESS_KEY: 'S3RVER',
        AWS_REGION: 'us-east-1'
      },
      pkg,
      files,
      work
    )
    const local = await trials('local', { INPUT_BACKEND: 'local', 'INPUT_LOCAL-DIR': path.join(work, 'local-store') }, pkg, files, work)
    const bad = s3.falseHits + s3.unreadable + local.falseHits + local.unreadable
    console.log(
      `\nTOTAL trials ${s3.trials + local.trials}, false hits ${s3.falseHits + local.falseHits}, unreadable manifests ${s3.unreadable + local.unreadable}`
    )
    process.exitCode = bad === 0 ? 0 : 1
  } finally {
    child.stdin.end()
    await new Promise((resolve) => child.once('exit', resolve))
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})

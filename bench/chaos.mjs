#!/usr/bin/env node
// npm run chaos — many runs at once and runs cut short, on every store flavour: a local directory, s3rver
// (which ignores conditional headers) and moto (which honours them), each in its own process on loopback.
// Each trial races 2–4 uploads of one commit (same or other bytes), one of them maybe killed outright or
// cancelled by SIGINT/SIGTERM at a random moment, then checks with download (bench/chaos-lib.mjs). Apply
// trials cancel an apply during its build. Prints the trials and what went wrong, which must all be 0:
// broken sets, failed steps, wrong cancellations, stuck claims, stuck locks. Exits 1 otherwise.
//
//   CHAOS_TRIALS (default 20 per store), CHAOS_SEED (default: time-based, printed so a run can be replayed),
//   CHAOS_DIST (another build of dist/index.js, to compare)
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { applyTrial, generator, localClaims, raceTrial } from './chaos-lib.mjs'
import { startMoto } from './moto-server.mjs'

// The SDK's own notice about Node.js 20 would print once per client; the action prints its own line.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const DIST = process.env.CHAOS_DIST ?? path.join(ROOT, 'dist', 'index.js')
const TRIALS = Number(process.env.CHAOS_TRIALS ?? 20)
const SEED = Number(process.env.CHAOS_SEED ?? Date.now() % 100000)

function startS3rver(directory) {
  mkdirSync(directory, { recursive: true })
  const child = spawn(
    process.execPath,
    ['--openssl-legacy-provider', path.join(ROOT, 'bench', 's3rver-process.mjs'), directory, 'assets'],
    {
      stdio: ['pipe', 'pipe', 'inherit']
    }
  )
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      const port = /PORT (\d+)/.exec(String(chunk))?.[1]
      if (port) resolve({ endpoint: `http://127.0.0.1:${port}`, stop: () => child.stdin.end() })
    })
    child.once('exit', (code) => reject(new Error(`s3rver exited with ${code}`)))
  })
}

function s3Store(name, endpoint, keys) {
  const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: keys })
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
    listClaims: async (prefix) => {
      const page = await client.send(new ListObjectsV2Command({ Bucket: 'assets', Prefix: prefix }))
      return (page.Contents ?? []).map((object) => object.Key.slice(prefix.length))
    },
    close: () => client.destroy()
  }
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), 's3am-chaos-'))
  console.log(`chaos: seed ${SEED}, ${TRIALS} race trials per store and ${Math.ceil(TRIALS / 2)} apply trials, data in ${work}`)
  const random = generator(SEED)
  const s3rver = await startS3rver(path.join(work, 's3rver'))
  const moto = await startMoto({ bucket: 'assets' })
  const localRoot = path.join(work, 'local-store')
  const stores = [
    { name: 'local', env: { INPUT_BACKEND: 'local', 'INPUT_LOCAL-DIR': localRoot }, listClaims: localClaims(localRoot), close: () => {} },
    s3Store('s3rver', s3rver.endpoint, { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }),
    s3Store('moto', moto.endpoint, moto.keys)
  ]
  const totals = { trials: 0, writers: 0, killed: 0, interrupted: 0, problems: {} }
  try {
    for (const store of stores) {
      const counts = { trials: 0, writers: 0, cuts: {}, problems: [] }
      for (let trial = 0; trial < TRIALS; trial++) {
        const result = await raceTrial({
          node: process.execPath,
          dist: DIST,
          work,
          storeEnv: store.env,
          listClaims: store.listClaims,
          random,
          trial,
          bigBytes: random() < 0.2 ? 17 * 1024 * 1024 : 0
        })
        counts.trials++
        counts.writers += result.writers
        counts.cuts[result.cut ?? 'none'] = (counts.cuts[result.cut ?? 'none'] ?? 0) + 1
        for (const problem of result.problems) {
          counts.problems.push(problem)
          console.log(`  ${store.name} trial ${trial}: ${problem.kind}: ${problem.detail}`)
        }
      }
      const kinds = counts.problems.reduce((all, problem) => ({ ...all, [problem.kind]: (all[problem.kind] ?? 0) + 1 }), {})
      console.log(
        `${store.name}: ${counts.trials} races, ${counts.writers} uploads (cut: ${JSON.stringify(counts.cuts)}) → ` +
          `broken sets ${kinds['broken set'] ?? 0}, failed steps ${kinds['failed step'] ?? 0}, wrong cancellations ${kinds['wrong cancellation'] ?? 0}, stuck claims ${kinds['stuck claim'] ?? 0}`
      )
      totals.trials += counts.trials
      for (const [kind, n] of Object.entries(kinds)) totals.problems[kind] = (totals.problems[kind] ?? 0) + n
    }
    let applies = 0
    for (let trial = 0; trial < Math.ceil(TRIALS / 2); trial++) {
      const result = await applyTrial({ node: process.execPath, dist: DIST, work, storeEnv: stores[0].env, random, trial })
      applies++
      for (const problem of result.problems) {
        totals.problems[problem.kind] = (totals.problems[problem.kind] ?? 0) + 1
        console.log(`  apply trial ${trial}: ${problem.kind}: ${problem.detail}`)
      }
    }
    console.log(`apply: ${applies} cancelled applies → stuck locks ${totals.problems['stuck lock'] ?? 0}`)
    const bad = Object.values(totals.problems).reduce((n, count) => n + count, 0)
    console.log(
      `\nTOTAL ${totals.trials} races and ${applies} applies: ${bad === 0 ? 'nothing went wrong' : JSON.stringify(totals.problems)}`
    )
    process.exitCode = bad === 0 ? 0 : 1
  } finally {
    for (const store of stores) store.close()
    s3rver.stop()
    moto.stop()
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})

import { availableParallelism } from 'node:os'
import { motoInstalled } from './bench/moto-server.mjs'

// ESM jest through ts-jest. Two projects share one run: every test against s3rver, and the test files whose
// outcome depends on S3 semantics s3rver lacks again against moto (both servers start in global setup, on
// loopback). Without moto_server on the PATH (a machine without Python), a local run skips the moto project
// with one line saying how to install it; CI (CI=true) requires it. Type-checking is left to
// `npm run lint` (tsc): with `isolatedModules` in tsconfig.json the transform only strips types, which keeps the run fast.
const common = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  }
}

/**
 * The test files that run again against moto because their outcome depends on what moto does and s3rver
 * does not: conditional writes (racing publishes, claims, apply's lock), checksums on PutObject/CopyObject
 * (promotion and download verification), real error shapes and credential checks. Every other S3 test gives
 * the same result on both servers, so it runs on s3rver only.
 */
export const MOTO_TESTS = [
  'sets/download.test.ts',
  'sets/incremental.test.ts',
  'sets/racing-publish.test.ts',
  'sets/trust.test.ts',
  'stores/s3-errors.test.ts',
  'stores/store-doctor.test.ts',
  'stores/stores-compat.test.ts',
  'stores/stores.test.ts'
]

/**
 * The test files that run steps of the action (runAction, runDist, runBundle): in-process under `npm test`, each step
 * as dist/index.js when SAM_TEST_NODE is set (CI's node24 run), when only these run, against s3rver.
 */
export const BUNDLE_TESTS = [
  'apply/apply.test.ts',
  'apply/devstream-conformance.test.ts',
  'apply/safety.test.ts',
  'apply/trust.test.ts',
  'scenarios/key-means-what-it-says.test.ts',
  'scenarios/pull-request-attacks.test.ts',
  'scenarios/runs-at-once.test.ts',
  'scenarios/store-and-build-attacks.test.ts',
  'e2e.test.ts',
  'modes/auto.test.ts',
  'modes/inputs-cli-and-summaries.test.ts',
  'modes/prune.test.ts',
  'modes/same-build.test.ts',
  'modes/seed-parity.test.ts',
  'report/github-reporting.test.ts',
  'sets/actions-cache.test.ts',
  'sets/faults.test.ts',
  'sets/packs.test.ts',
  'sets/trust.test.ts',
  'stores/store-doctor.test.ts',
  'stores/stores-compat.test.ts'
]

/**
 * What `.ci/run` runs again under node24, the runtime action.yml declares, with every step as dist/index.js: the
 * bundle test files whose code paths differ by runtime. The rest of BUNDLE_TESTS run in-process on this Node.js
 * (and on Node 24 in the GitHub workflow's matrix); a step run by the bundle gives the same result there.
 * `SAM_TEST_NODE_ALL=1` runs every BUNDLE_TESTS file under SAM_TEST_NODE instead (when moving to a new runtime).
 */
export const BUNDLE_SMOKE_TESTS = [
  // The process itself: exit codes, the teardown a cancel must not kill (node24 writes its compile cache at exit),
  // the seed's command line and environment names, the local store by default, check → upload → check on S3.
  'e2e.test.ts',
  // Signals: uploads and applies cancelled at random moments, racing processes of one commit, locks left by a kill.
  'scenarios/runs-at-once.test.ts',
  // Packs compressed with node:zlib's zstd (Node.js >= 22.15): what is written, its ratio, a tampered pack.
  'sets/packs.test.ts',
  // Attacks through the store read by the runtime's own decoders: a compressed pack whose tar was swapped, a
  // 200 MB manifest refused unread (peak RSS), links planted in the checkout.
  'scenarios/store-and-build-attacks.test.ts',
  // @actions/cache's HTTP client and the Azure blob calls on the runtime's own http and fetch.
  'sets/actions-cache.test.ts'
]

const under = (files) => files.map((file) => `<rootDir>/__tests__/${file}`)
const s3rver = {
  ...common,
  displayName: 's3rver',
  testMatch: ['**/*.test.ts'],
  setupFiles: ['<rootDir>/__tests__/setup/worker-v8.ts', '<rootDir>/__tests__/setup/use-s3rver.ts']
}
/**
 * A project's own global setup runs only when one of its test files is selected, so moto (Python, about 1.5 s to
 * start two servers) starts only for the runs that include a moto file; one s3rver file alone does not wait for it.
 */
const motoServers = { globalSetup: '<rootDir>/__tests__/setup/start-moto.ts', globalTeardown: '<rootDir>/__tests__/setup/stop-moto.ts' }
const moto = {
  ...common,
  displayName: 'moto',
  testMatch: under(MOTO_TESTS),
  setupFiles: ['<rootDir>/__tests__/setup/worker-v8.ts', '<rootDir>/__tests__/setup/use-moto.ts'],
  ...motoServers
}

/** moto runs unless it is missing outside CI (CI requires it). */
const motoWanted = process.env.CI === 'true' || motoInstalled()

/** The moto project, or none; then once per run, one line says how to get moto. */
function motoProjects() {
  if (motoWanted) return [moto]
  if (!process.env.SAM_MOTO_NOTICE_SHOWN) {
    process.env.SAM_MOTO_NOTICE_SHOWN = '1'
    console.log(
      `moto_server not found: skipping the ${MOTO_TESTS.length} moto test files (install with pip install 'moto[server]==5.2.1'; CI requires it).`
    )
  }
  return []
}

export default {
  globalSetup: '<rootDir>/__tests__/setup/global-setup.ts',
  globalTeardown: '<rootDir>/__tests__/setup/global-teardown.ts',
  testTimeout: 60000,
  // One worker more than the cores: much of a test's time is spent waiting (on s3rver, which serves every worker from
  // the parent process, on moto, on a step run as dist/index.js, on a retry's back-off), and the extra worker fills
  // those waits. On this 2-core machine (2026-12-05, `npm test`): 2 workers 105.5 s, 3 workers 92.7 s, 4 workers 98.2 s.
  // At most 8: every worker loads its own copy of the AWS SDK and our modules, and one s3rver thread serves them
  // all, so a many-core workstation gains nothing from dozens of workers but memory use.
  maxWorkers: Math.min(availableParallelism() + 1, 8),
  reporters: ['default', '<rootDir>/__tests__/support/project-counts-reporter.cjs'],
  projects: process.env.SAM_TEST_NODE
    ? [
        {
          ...s3rver,
          displayName: 'bundle on SAM_TEST_NODE',
          testMatch: under(process.env.SAM_TEST_NODE_ALL ? BUNDLE_TESTS : BUNDLE_SMOKE_TESTS),
          // scenarios/runs-at-once.test.ts races processes on moto too, whatever the project.
          ...(motoWanted ? motoServers : {})
        }
      ]
    : [s3rver, ...motoProjects()]
}

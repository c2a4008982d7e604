// ESM jest through ts-jest. Two projects share one run: every test against s3rver, and every test file that
// talks to S3 again against moto (both servers start in global setup, on loopback). Type-checking is left to
// `npm run lint` (tsc): the transform only strips types (isolatedModules), which keeps the run fast.
const common = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', isolatedModules: true }]
  }
}

/** The test files that talk to an S3 server: they run once per server. */
export const S3_TESTS = [
  'apply/apply.test.ts',
  'apply/devstream-conformance.test.ts',
  'apply/safety.test.ts',
  'e2e.test.ts',
  'modes/auto.test.ts',
  'modes/heard-and-told.test.ts',
  'modes/modes.test.ts',
  'modes/prune.test.ts',
  'modes/same-build.test.ts',
  'modes/seed-parity.test.ts',
  'report/github-reporting.test.ts',
  'sets/download.test.ts',
  'sets/faults.test.ts',
  'sets/packs.test.ts',
  'sets/racing-publish.test.ts',
  'sets/trust-second-pass.test.ts',
  'sets/trust.test.ts',
  'stores/s3-errors.test.ts',
  'stores/store-doctor.test.ts',
  'stores/stores-compat.test.ts',
  'stores/stores.test.ts'
]

/** The test files that run dist/index.js: with SAM_TEST_NODE set (CI's node24 run) only these run, against s3rver. */
export const BUNDLE_TESTS = [
  'apply/apply.test.ts',
  'apply/devstream-conformance.test.ts',
  'apply/safety.test.ts',
  'apply/trust.test.ts',
  'scenarios/key-means-what-it-says.test.ts',
  'scenarios/pull-request-attacks.test.ts',
  'scenarios/runs-at-once.test.ts',
  'e2e.test.ts',
  'modes/auto.test.ts',
  'modes/heard-and-told.test.ts',
  'modes/prune.test.ts',
  'modes/same-build.test.ts',
  'modes/seed-parity.test.ts',
  'report/github-reporting.test.ts',
  'sets/actions-cache.test.ts',
  'sets/faults.test.ts',
  'sets/packs.test.ts',
  'sets/trust-second-pass.test.ts',
  'sets/trust.test.ts',
  'stores/store-doctor.test.ts',
  'stores/stores-compat.test.ts'
]

const under = (files) => files.map((file) => `<rootDir>/__tests__/${file}`)
const s3rver = { ...common, displayName: 's3rver', testMatch: ['**/*.test.ts'], setupFiles: ['<rootDir>/__tests__/setup/use-s3rver.ts'] }
const moto = { ...common, displayName: 'moto', testMatch: under(S3_TESTS), setupFiles: ['<rootDir>/__tests__/setup/use-moto.ts'] }

export default {
  globalSetup: '<rootDir>/__tests__/setup/global-setup.ts',
  globalTeardown: '<rootDir>/__tests__/setup/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/__tests__/support/project-counts-reporter.cjs'],
  projects: process.env.SAM_TEST_NODE
    ? [{ ...s3rver, displayName: 'bundle on SAM_TEST_NODE', testMatch: under(BUNDLE_TESTS) }]
    : [s3rver, moto]
}

// Global setup of the moto project (and of .ci/run's bundle project, whose race scenario uses moto): jest runs a
// project's global setup only when one of its test files is selected, so a run of other files does not start Python.
import { startMoto } from '../../bench/moto-server.mjs'
import { TEST_BUCKET } from './test-bucket.mjs'

export default async function startMotoServers(): Promise<void> {
  // Two moto servers: one open, for every S3 test; one checking credentials, for the tests about credentials.
  const [moto, motoAuth] = await Promise.all([startMoto({ bucket: TEST_BUCKET }), startMoto({ bucket: TEST_BUCKET, auth: true })])
  ;(globalThis as Record<string, unknown>).__MOTO__ = [moto, motoAuth]
  process.env.TEST_MOTO_ENDPOINT = moto.endpoint
  process.env.TEST_MOTO_ACCESS_KEY = moto.keys.accessKeyId
  process.env.TEST_MOTO_SECRET_KEY = moto.keys.secretAccessKey
  process.env.TEST_MOTO_AUTH_ENDPOINT = motoAuth.endpoint
  process.env.TEST_MOTO_AUTH_ACCESS_KEY = motoAuth.keys.accessKeyId
  process.env.TEST_MOTO_AUTH_SECRET_KEY = motoAuth.keys.secretAccessKey
}

// moto (the Python AWS mock, `moto_server`) on loopback for the tests and the benchmark: a second, more
// faithful S3 than s3rver (it honours If-None-Match / If-Match and returns checksums on PutObject and
// CopyObject). With `auth`, credential checks are on: an IAM user with every permission is created, then
// moto authenticates every request (POST /moto-api/reset-auth), so a wrong key is refused as AWS refuses it.
// (moto 5.2's signature check rejects some valid requests, such as keys with non-ASCII characters and
// listings with a prefix, so only the credential tests use a server with it on.)
// The server stops with the process that started it: it is killed when its parent's pipe closes.
import { spawn } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { URLSearchParams } from 'node:url'

/** Whether `moto_server` is on the PATH (looked up without starting Python). */
export function motoInstalled() {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir || '.', 'moto_server'), constants.X_OK)
      return true
    } catch {
      return false
    }
  })
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function waitUntilUp(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with code ${child.exitCode} before it answered`)
    try {
      const response = await fetch(url)
      await response.arrayBuffer()
      return
    } catch {
      if (Date.now() > deadline) throw new Error(`moto_server did not answer at ${url} within ${timeoutMs / 1000} s`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
}

/**
 * Creates the bucket and an IAM user with every permission before credential checks go on, over moto's own
 * HTTP API (no boto3 process: starting Python for it cost a second a server). Credential checks are off at
 * this point, so moto routes each call by the service named in an Authorization header it does not verify.
 */
async function prepare(endpoint, bucket) {
  const iam = async (params) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        authorization: 'AWS4-HMAC-SHA256 Credential=setup/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0',
        'content-type': 'application/x-www-form-urlencoded'
      },
      body: new URLSearchParams({ Version: '2010-05-08', ...params })
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`moto refused IAM ${params.Action}: HTTP ${response.status} ${text.slice(0, 300)}`)
    return text
  }
  await iam({ Action: 'CreateUser', UserName: 'tests' })
  const created = await iam({ Action: 'CreateAccessKey', UserName: 'tests' })
  const field = (name) => new RegExp(`<${name}>([^<]+)</${name}>`).exec(created)?.[1]
  const keys = { accessKeyId: field('AccessKeyId'), secretAccessKey: field('SecretAccessKey') }
  if (!keys.accessKeyId || !keys.secretAccessKey) throw new Error(`moto's CreateAccessKey answer has no keys: ${created.slice(0, 300)}`)
  const everything = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }
  await iam({ Action: 'PutUserPolicy', UserName: 'tests', PolicyName: 'everything', PolicyDocument: JSON.stringify(everything) })
  const bucketCreated = await fetch(`${endpoint}/${bucket}`, { method: 'PUT' })
  if (!bucketCreated.ok)
    throw new Error(`moto did not create the bucket ${bucket}: HTTP ${bucketCreated.status} ${await bucketCreated.text()}`)
  return keys
}

/**
 * Starts moto_server on a free loopback port with `bucket` created; resolves to its endpoint, keys and a
 * stop function. Fails with a clear message when moto_server is not installed (never skips).
 */
export async function startMoto({ bucket, auth = false, timeoutMs = 30_000 }) {
  if (!motoInstalled()) {
    throw new Error(
      "moto_server is not installed: the S3 tests run against moto as well as s3rver. Install it with pip install 'moto[server]==5.2.1'."
    )
  }
  const port = await freePort()
  const endpoint = `http://127.0.0.1:${port}`
  // bash keeps the server tied to this process: when our end of its stdin closes (we exit, or crash), it is killed.
  const child = spawn(
    'bash',
    ['-c', 'moto_server -H 127.0.0.1 -p "$0" >/dev/null 2>&1 & server=$!; cat >/dev/null; kill $server', String(port)],
    {
      stdio: ['pipe', 'ignore', 'inherit']
    }
  )
  await waitUntilUp(`${endpoint}/moto-api/`, child, timeoutMs)
  const keys = await prepare(endpoint, bucket)
  if (auth) {
    const answer = await fetch(`${endpoint}/moto-api/reset-auth`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '0' })
    if (!answer.ok) throw new Error(`moto refused to turn credential checks on: HTTP ${answer.status}`)
  }
  return {
    endpoint,
    keys,
    stop: () =>
      new Promise((resolve) => {
        child.once('close', () => resolve())
        child.stdin.end()
      })
  }
}

import { jest } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { StoreError } from '../../src/errors.js'
import { S3Store } from '../../src/stores/s3.js'
import { credentialChecking, s3Server, s3Settings, tempDir, uniquePrefix } from '../support/helpers.js'

interface Reply {
  status: number
  code: string
  headers?: Record<string, string>
}

/** A loopback HTTP server that answers every request with one S3 error, and counts requests. */
async function errorServer(reply: Reply): Promise<{ url: string; requests: () => number; times: number[]; close: () => Promise<void> }> {
  let count = 0
  const times: number[] = []
  const server: Server = createServer((request, response) => {
    count++
    times.push(performance.now())
    request.resume()
    response.writeHead(reply.status, { 'content-type': 'application/xml', ...reply.headers })
    response.end(
      `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${reply.code}</Code><Message>stub says ${reply.code}</Message></Error>`
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => count,
    times,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}

async function readWith(overrides: Parameters<typeof s3Settings>[1]): Promise<unknown> {
  const store = new S3Store(s3Settings(uniquePrefix('err'), overrides), 2)
  try {
    return await store.readText('some/.manifest.json', 1 << 20)
  } catch (error) {
    return error
  } finally {
    store.close()
  }
}

describe('S3 failures are errors that say what to check, never misses', () => {
  it('a missing key is a miss', async () => {
    expect(await readWith({})).toBeUndefined()
  })

  it.each([
    [{ bucket: 'no-such-bucket' }, "Bucket 'no-such-bucket' does not exist at endpoint http://127.0.0.1:"],
    // A server that checks keys (s3rver; moto with credential checks on). s3rver checks the access key id but not
    // the signature of a GET, so a wrong secret is tested with the stub below.
    [
      { endpoint: credentialChecking().endpoint, credentials: { accessKeyId: 'WRONG', secretAccessKey: 'S3RVER' } },
      'rejected the credentials for GetObject'
    ]
  ])(`${s3Server()}: %j`, async (overrides, message) => {
    const error = await readWith(overrides)
    expect(error).toBeInstanceOf(StoreError)
    expect((error as Error).message).toContain(message)
  })
})

// Stub servers, not the project's S3 server: these run once, in the s3rver project.
if (s3Server() === 's3rver') {
  describe('S3 failures from stub servers are errors that say what to check, never misses', () => {
    it('an unreachable endpoint names it', async () => {
      const stub = await errorServer({ status: 500, code: 'x' })
      await stub.close()
      const error = (await readWith({ endpoint: stub.url })) as Error
      expect(error).toBeInstanceOf(StoreError)
      expect(error.message).toMatch(new RegExp(`Could not reach ${stub.url} for GetObject on s3://assets/.*: ECONNREFUSED`))
    })

    it.each<[Reply, string]>([
      [{ status: 403, code: 'AccessDenied' }, 'Access denied: GetObject on s3://assets/some/.manifest.json at endpoint'],
      [
        { status: 301, code: 'PermanentRedirect', headers: { 'x-amz-bucket-region': 'eu-west-2' } },
        "Bucket 'assets' is not in region 'us-east-1': it is in 'eu-west-2'. Set the 'region' input"
      ],
      [
        { status: 403, code: 'SignatureDoesNotMatch' },
        'rejected the credentials for GetObject on s3://assets/some/.manifest.json (SignatureDoesNotMatch'
      ],
      [{ status: 500, code: 'InternalError' }, 'GetObject on s3://assets/some/.manifest.json at endpoint']
    ])('stub answering %j', async (reply, message) => {
      const stub = await errorServer(reply)
      try {
        const error = (await readWith({ endpoint: stub.url })) as Error
        expect(error).toBeInstanceOf(StoreError)
        expect(error.message).toContain(message)
      } finally {
        await stub.close()
      }
    })

    it('a TLS failure (untrusted certificate) says what to do', async () => {
      const dir = tempDir('tls')
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-subj',
          '/CN=127.0.0.1',
          '-days',
          '1',
          '-keyout',
          path.join(dir, 'key.pem'),
          '-out',
          path.join(dir, 'cert.pem')
        ],
        { stdio: 'ignore' }
      )
      const server = createHttpsServer(
        { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) },
        (_req, res) => res.end()
      )
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      try {
        const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
        const error = (await readWith({ endpoint: url })) as Error
        expect(error).toBeInstanceOf(StoreError)
        expect(error.message).toMatch(
          new RegExp(`^TLS with ${url} failed for GetObject on s3://assets/some/.manifest.json: .*(CERT|certificate)`)
        )
        expect(error.message).toContain('NODE_EXTRA_CA_CERTS')
      } finally {
        await new Promise((resolve) => server.close(resolve))
      }
    })

    it('retries throttling with backoff, then fails', async () => {
      // Before retry n the SDK waits random() × 1 s × 2^n for throttling (full jitter, up to 15 s in all). A fixed
      // draw of 0.05 keeps the waits short and shows them: at least 50, 100, 200 and 400 ms between requests.
      const random = jest.spyOn(Math, 'random').mockReturnValue(0.05)
      const stub = await errorServer({ status: 503, code: 'SlowDown' })
      try {
        const error = (await readWith({ endpoint: stub.url })) as Error
        expect(error.message).toContain('The store kept throttling GetObject')
        expect(stub.requests()).toBe(5)
        const gaps = stub.times.slice(1).map((time, i) => time - stub.times[i]!)
        ;[50, 100, 200, 400].forEach((wait, i) => expect(gaps[i]).toBeGreaterThanOrEqual(wait - 2))
      } finally {
        random.mockRestore()
        await stub.close()
      }
    })

    it('mentions the IAM policy for access denied', async () => {
      const stub = await errorServer({ status: 403, code: 'AccessDenied' })
      try {
        const error = (await readWith({ endpoint: stub.url })) as Error
        expect(error.message).toContain('s3:GetObject (and s3:ListBucket')
        expect(error.message).toContain('see "IAM policy" in the README')
      } finally {
        await stub.close()
      }
    })
  })
}

// A loopback proxy in front of s3rver that injects the faults a real store and network produce: 500s,
// 503 SlowDown, connections reset in the middle of a request or a response, GET bodies cut short or with
// a flipped byte, and delays. Which request gets which fault is drawn from a seeded generator, so a failing
// run can be replayed with the same seed.
import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Fault = '500' | '503-slowdown' | 'reset-request' | 'reset-response' | 'truncate' | 'corrupt' | 'delay'

export interface FaultProxyOptions {
  /** The upstream, e.g. s3rver's http://127.0.0.1:port. */
  readonly target: string
  /** Fraction of the requests that get a fault. */
  readonly rate: number
  readonly faults: readonly Fault[]
  readonly seed?: number
  /** Only requests this accepts can get a fault (default: all). */
  readonly applies?: (request: IncomingMessage) => boolean
}

export interface FaultProxy {
  readonly url: string
  /** How many of each fault were injected, and how many requests passed. */
  readonly injected: Record<Fault | 'requests', number>
  close(): Promise<void>
}

/** mulberry32: small, fast and good enough to spread faults evenly. */
function generator(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function s3Error(response: ServerResponse, status: number, code: string): void {
  response.writeHead(status, { 'content-type': 'application/xml' })
  response.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>injected by the test proxy</Message></Error>`)
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = generator(options.seed ?? 1)
  const injected = { requests: 0, '500': 0, '503-slowdown': 0, 'reset-request': 0, 'reset-response': 0, truncate: 0, corrupt: 0, delay: 0 }
  const upstream = new URL(options.target)
  const server = createServer((request, response) => {
    injected.requests++
    const roll = random()
    const pick = options.faults[Math.floor(random() * options.faults.length)]!
    const fault = roll < options.rate && (options.applies?.(request) ?? true) ? pick : undefined
    if (fault) injected[fault]++

    if (fault === '500' || fault === '503-slowdown') {
      request.resume()
      request.on('end', () => s3Error(response, fault === '500' ? 500 : 503, fault === '500' ? 'InternalError' : 'SlowDown'))
      return
    }
    if (fault === 'reset-request') {
      // The connection drops while the request (and its body) is on its way: nothing reaches the store.
      request.once('data', () => request.socket.destroy())
      request.once('end', () => request.socket.destroy())
      return
    }
    const pass = (): void => {
      const proxied = forward(
        { host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 500, answer.headers)
          const length = Number(answer.headers['content-length'] ?? 0)
          if (fault === 'reset-response' || (fault === 'truncate' && request.method === 'GET' && length > 1)) {
            // Half the body, then the connection drops: the client sees a response cut short.
            let sent = 0
            answer.on('data', (chunk: Buffer) => {
              const room = Math.floor(length / 2) - sent
              if (room > 0) response.write(chunk.subarray(0, room))
              sent += chunk.length
              if (sent >= length / 2) response.socket?.destroy()
            })
            answer.on('end', () => response.socket?.destroy())
            return
          }
          // A whole body (200) or a ranged part of one (206).
          if (fault === 'corrupt' && request.method === 'GET' && (answer.statusCode === 200 || answer.statusCode === 206)) {
            let first = true
            answer.on('data', (chunk: Buffer) => {
              if (first && chunk.length > 0) {
                chunk = Buffer.from(chunk)
                chunk[0] = chunk[0]! ^ 0xff
              }
              first = false
              response.write(chunk)
            })
            answer.on('end', () => response.end())
            return
          }
          answer.pipe(response)
        }
      )
      proxied.on('error', () => response.socket?.destroy())
      request.pipe(proxied)
    }
    if (fault === 'delay') setTimeout(pass, 150)
    else pass()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    injected,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

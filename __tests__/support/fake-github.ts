// A small GitHub REST API on loopback that records what it is sent: the action reaches it through
// @actions/github/Octokit when GITHUB_API_URL points at it (repository octo/app, pull request #7).
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Recorded {
  method: string
  url: string
  body: Record<string, unknown>
  authorization?: string
}

export interface FakeComment {
  id: number
  body: string
  user: { login: string; type: 'Bot' | 'User' }
}

export class FakeGitHub {
  readonly requests: Recorded[] = []
  readonly comments: FakeComment[] = [{ id: 1, body: 'an unrelated comment', user: { login: 'octocat', type: 'User' } }]
  forbidden = false
  /** What GraphQL's viewer answers: the token's own user, as GitHub names the GITHUB_TOKEN's bot there. */
  viewer: string | undefined = 'github-actions'
  private server?: Server

  async start(): Promise<string> {
    this.server = createServer(async (request, response) => {
      const body = await readJson(request)
      this.requests.push({ method: request.method!, url: request.url!, body, authorization: request.headers.authorization })
      const reply = (status: number, data: unknown): void => {
        response.writeHead(status, { 'content-type': 'application/json' })
        response.end(JSON.stringify(data))
      }
      if (this.forbidden) return reply(403, { message: 'Resource not accessible by integration' })
      const url = new URL(request.url!, 'http://x')
      if (request.method === 'GET' && url.pathname === '/repos/octo/app/issues/7/comments') return reply(200, this.comments)
      if (request.method === 'POST' && url.pathname === '/graphql') {
        return this.viewer === undefined
          ? reply(200, { errors: [{ message: 'Resource not accessible by integration' }] })
          : reply(200, { data: { viewer: { login: this.viewer } } })
      }
      if (request.method === 'POST' && url.pathname === '/repos/octo/app/issues/7/comments') {
        const comment: FakeComment = {
          id: this.comments.length + 1,
          body: String(body.body),
          user: { login: 'github-actions[bot]', type: 'Bot' }
        }
        this.comments.push(comment)
        return reply(201, comment)
      }
      const update = /^\/repos\/octo\/app\/issues\/comments\/(\d+)$/.exec(url.pathname)
      if (request.method === 'PATCH' && update) {
        const comment = this.comments.find((c) => c.id === Number(update[1]))!
        comment.body = String(body.body)
        return reply(200, comment)
      }
      if (request.method === 'POST' && /^\/repos\/octo\/app\/statuses\/[0-9a-f]+$/.test(url.pathname)) return reply(201, { id: 1, ...body })
      return reply(404, { message: 'Not Found' })
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server!.close(() => resolve()))
  }
}

function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    let text = ''
    request.on('data', (chunk) => (text += chunk))
    request.on('end', () => resolve(text ? JSON.parse(text) : {}))
  })
}

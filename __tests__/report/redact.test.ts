// Secrets the runner masks in the log must not reach what it does not mask (summary, comment, status) in any
// form this action writes them: markdown-escaped, percent-encoded, JSON- or HTML-escaped.
import { pathToFileURL } from 'node:url'
import { code, link } from '../../src/report/markdown.js'
import { text } from '../../src/util/text.js'
import { redact, registerSecret } from '../../src/util/redact.js'

describe('redact', () => {
  const secret = 'ghp_Ab1/c+d=e f&g<h>"i\'j#k?l'
  beforeAll(() => registerSecret(secret))

  it.each([
    ['as written', (value: string) => `token ${value} here`],
    ['markdown-escaped', (value: string) => text(`token ${value} here`)],
    ['in a code span', (value: string) => code(value)],
    ['in a link', (value: string) => link('x', `https://example.com/${value}`)],
    ['percent-encoded', (value: string) => `?t=${encodeURIComponent(value)}`],
    ['percent-encoded, lower-case hex', (value: string) => encodeURIComponent(value).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())],
    ['in a file URL', (value: string) => pathToFileURL(`/tmp/${value}`).href],
    ['JSON-escaped', (value: string) => JSON.stringify({ token: value })],
    ['HTML-escaped', (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')]
  ])('masks a registered secret %s', (_how, form) => {
    const shown = redact(form(secret))
    expect(shown).toContain('***')
    expect(shown).not.toContain('Ab1')
  })

  it('leaves other text alone', () => {
    expect(redact('nothing secret: ghp_ but not the rest')).toBe('nothing secret: ghp_ but not the rest')
  })
})

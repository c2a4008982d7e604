// Renders every job summary and PR comment the way GitHub does (GitHub-flavoured markdown, here through
// `marked` in GFM mode) and asserts on the HTML a reader sees. Mermaid blocks are parsed by mermaid itself
// in a child process (__tests__/support/mermaid-parse.mjs). The examples under docs/summaries/ are
// written from the same fixtures: UPDATE_DOCS=1 npm test -- rendering rewrites them, a plain run
// fails when they no longer match what the action writes.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { marked } from 'marked'
import type { S3StoreSettings, StoreSettings } from '../../src/settings/types.js'
import type { ApplyOutcome, PlanGraph } from '../../src/modes/apply-outcome.js'
import type { AssetsResult } from '../../src/modes/result.js'
import { applyMarkdown, applyReport, applySummaryHeading } from '../../src/report/apply-report.js'
import { assetsMarkdown, assetsReport } from '../../src/report/assets-report.js'
import { consoleUrl } from '../../src/report/console-links.js'
import { code, table } from '../../src/report/markdown.js'
import { plural, text } from '../../src/util/text.js'
import { GRAPH_LIMIT, planFlowchart } from '../../src/report/plan-graph.js'
import { failureMarkdown } from '../../src/report/summary.js'
import { ROOT } from '../support/helpers.js'

const COMMIT = 'ccd48e3f9a1c2b7d5e6f708192a3b4c5d6e7f809'
const CODE_HASH = '3f9a1c2b'.padEnd(64, '7')

const aws: S3StoreSettings = {
  kind: 's3',
  flavor: 'aws',
  bucket: 'acme-assets',
  prefix: 'web/',
  region: 'eu-west-1',
  forcePathStyle: false,
  connectTimeoutMs: 1000,
  requestTimeoutMs: 1000
}
const gcs: S3StoreSettings = { ...aws, flavor: 'gcs', bucket: 'acme-gcs', region: 'auto', endpoint: 'https://storage.googleapis.com' }
const minio: S3StoreSettings = { ...aws, flavor: 'compatible', endpoint: 'http://minio:9000' }
const local: StoreSettings = { kind: 'local', root: '/srv/assets', prefix: '' }

function assets(store: StoreSettings, location: string, change: Partial<AssetsResult> = {}): AssetsResult {
  const result: AssetsResult = {
    mode: 'check',
    outcome: 'found',
    found: true,
    source: 'cache',
    commitHash: COMMIT,
    codeHash: CODE_HASH,
    location,
    files: 1001,
    bytes: 67_108_864 + 102_400_000,
    elapsedMs: 1530,
    message: `Found the assets under code hash ${CODE_HASH} and copied them to commit ${COMMIT} (1,001 files).`,
    ...change
  }
  return { ...result, locationUrl: consoleUrl(result.location, store) }
}

const graph: PlanGraph = {
  nodes: [
    { ref: 'assets.api', action: 'Unchanged' },
    { ref: 'assets.web', action: 'Update' },
    { ref: 'object.release-notes', action: 'Create' },
    { ref: 'object.old-manifest', action: 'Delete' }
  ],
  edges: [
    { from: 'assets.api', to: 'assets.web', kind: 'dependsOn' },
    { from: 'assets.web', to: 'object.release-notes', kind: 'reference' }
  ]
}

const applied: ApplyOutcome = {
  planOnly: false,
  changes: 3,
  plan: [
    { key: 'assets_web', action: 'Update', reason: 'code hash changed (3f9a1c2b… → 8d0e4a61…)' },
    { key: 'object_release-notes', action: 'Create', reason: 'not in the state' },
    { key: 'object_old-manifest', action: 'Delete', reason: 'no longer in the config' }
  ],
  graph,
  outputs: {},
  found: false,
  commitHash: COMMIT,
  stateDescription: 's3://acme-assets/state/assets.state',
  elapsedMs: 41_200,
  message: 'Applied 3 changes.'
}

const failed: ApplyOutcome = {
  ...applied,
  failure: { key: 'object_release-notes', applied: 1, error: 'AccessDenied: s3:PutObject on s3://acme-assets/notes.md\nRequest id 1234' }
}

/** The examples kept under docs/summaries/, each as GitHub would show it. */
const EXAMPLES: Record<string, string> = {
  'check-cache-hit': assetsMarkdown(assets(aws, 's3://acme-assets/web/artifacts/' + COMMIT + '/'), '### S3 Asset Manager — check'),
  'upload-gcs': assetsMarkdown(
    assets(gcs, 'gs://acme-gcs/web/artifacts/' + COMMIT + '/', {
      mode: 'upload',
      outcome: 'uploaded',
      found: false,
      source: 'none',
      files: 1,
      bytes: 2048,
      message: `Uploaded 1 file to gs://acme-gcs/web/artifacts/${COMMIT}/ and cached them under code hash ${CODE_HASH}.`
    }),
    '### S3 Asset Manager — upload'
  ),
  'check-miss-local': assetsMarkdown(
    assets(local, `file:///srv/assets/artifacts/${COMMIT}/`, {
      outcome: 'missing',
      found: false,
      source: 'none',
      files: 0,
      bytes: 0,
      message: `No assets for commit ${COMMIT} nor for code hash ${CODE_HASH}: build and upload them.`
    }),
    '### S3 Asset Manager — check'
  ),
  'apply-plan': applyMarkdown({ ...applied, planOnly: true }, applySummaryHeading({ ...applied, planOnly: true })),
  'apply-failed': applyMarkdown(failed, applySummaryHeading(failed)),
  'check-failed': failureMarkdown(
    'check',
    "Access denied to s3://acme-assets/web/artifacts/ (GetObject).\nThe role needs s3:GetObject on arn:aws:s3:::acme-assets/web/*; the policy in the README's 'Permissions' section grants it."
  )
}

function render(markdown: string): string {
  return marked.parse(markdown, { gfm: true, async: false }) as string
}

function cells(html: string): string[] {
  return [...html.matchAll(/<t[dh](?:\s[^>]*)?>([\s\S]*?)<\/t[dh]>/g)].map((match) => match[1]!)
}

/** Text a reader sees in a cell: tags removed (a <code> element shows no backticks). */
const visible = (cellHtml: string): string => cellHtml.replace(/<[^>]+>/g, '')

function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((match) => match[1]!)
}

type MermaidVerdict = { ok: boolean; type?: string; error?: string }

function parseMermaid(sources: string[]): MermaidVerdict[] {
  const child = spawnSync(process.execPath, [path.join(ROOT, '__tests__', 'support', 'mermaid-parse.mjs')], {
    input: JSON.stringify(sources),
    encoding: 'utf8',
    cwd: ROOT
  })
  if (child.status !== 0) throw new Error(`mermaid-parse.mjs failed: ${child.stderr}`)
  return JSON.parse(child.stdout)
}

/** The diagrams the tests below hand to mermaid, parsed together on first use: loading mermaid takes ~0.9 s a process. */
const DIAGRAMS = {
  plan: mermaidBlocks(EXAMPLES['apply-plan']!)[0] ?? '',
  unclosed: 'flowchart LR\n  t0["unclosed --> t1',
  markup: mermaidBlocks(planFlowchart({ nodes: [{ ref: 'object.a"b#c<d>', action: 'Create' }], edges: [] }))[0] ?? ''
}
let parsedDiagrams: Record<keyof typeof DIAGRAMS, MermaidVerdict> | undefined
function mermaidVerdict(name: keyof typeof DIAGRAMS): MermaidVerdict {
  if (!parsedDiagrams) {
    const names = Object.keys(DIAGRAMS) as (keyof typeof DIAGRAMS)[]
    const verdicts = parseMermaid(names.map((diagram) => DIAGRAMS[diagram]))
    parsedDiagrams = Object.fromEntries(names.map((diagram, index) => [diagram, verdicts[index]!])) as Record<
      keyof typeof DIAGRAMS,
      MermaidVerdict
    >
  }
  return parsedDiagrams[name]
}

describe('summaries and comments as GitHub renders them', () => {
  it.each(Object.entries(EXAMPLES))('%s: no literal backtick in any table cell, tables intact', (_name, markdown) => {
    const html = render(markdown)
    for (const cell of cells(html)) expect(visible(cell)).not.toContain('`')
    // Every row of a table has as many cells as its header: a pipe inside a value did not split a cell.
    for (const tableHtml of html.match(/<table>[\s\S]*?<\/table>/g) ?? []) {
      const rows = tableHtml.match(/<tr>[\s\S]*?<\/tr>/g) ?? []
      const widths = new Set(rows.map((row) => (row.match(/<t[dh][\s>]/g) ?? []).length))
      expect(widths.size).toBe(1)
    }
    expect(html).not.toMatch(/<table>/.test(markdown) ? /$^/ : /&lt;t[dr]/)
  })

  it('shows hashes as code and the location as a link to the AWS console, region included', () => {
    const html = render(EXAMPLES['check-cache-hit']!)
    expect(html).toContain(`<code>${COMMIT}</code>`)
    expect(html).toContain(`<code>${CODE_HASH}</code>`)
    const href = /<a href="([^"]+)"><code>s3:\/\/acme-assets\/web\/artifacts\//.exec(html)?.[1]
    expect(href).toBeDefined()
    const url = new URL(href!.replace(/&amp;/g, '&'))
    expect(url.origin + url.pathname).toBe('https://s3.console.aws.amazon.com/s3/buckets/acme-assets')
    expect(url.searchParams.get('region')).toBe('eu-west-1')
    expect(url.searchParams.get('prefix')).toBe(`web/artifacts/${COMMIT}/`)
    expect(html).toContain('1,001')
    expect(html).toContain('161.7 MiB')
  })

  it('links GCS locations to the Cloud console, and leaves other stores as plain text', () => {
    const html = render(EXAMPLES['upload-gcs']!)
    expect(html).toContain(`<a href="https://console.cloud.google.com/storage/browser/acme-gcs/web/artifacts/${COMMIT}/">`)
    expect(html).toContain('Uploaded 1 file to')
    expect(render(EXAMPLES['check-miss-local']!)).not.toContain('<a ')
    expect(consoleUrl('s3://acme-assets/x/', minio)).toBeUndefined()
    expect(consoleUrl('actions-cache://artifacts-x', { kind: 'actions-cache', prefix: '' })).toBeUndefined()
    expect(consoleUrl('s3://b/k/', { ...aws, region: 'cn-north-1' })).toMatch(/^https:\/\/console\.amazonaws\.cn\/s3\/buckets\/b\?/)
  })

  it('says 1 file, 2 files and 1,001 files', () => {
    expect([plural(1, 'file'), plural(2, 'file'), plural(1001, 'file'), plural(0, 'change')]).toEqual([
      '1 file',
      '2 files',
      '1,001 files',
      '0 changes'
    ])
    expect(assetsReport(assets(aws, 's3://b/k/', { source: 'commit', files: 1 }), 'web').description).toBe(
      'assets found for this commit, 1 file'
    )
  })

  it('keeps a value with pipes and backticks in one cell', () => {
    const html = render(table(['Item', 'Value'], [['Location', code('s3://b/a|b`c/')]]))
    expect(cells(html)).toEqual(['Item', 'Value', 'Location', '<code>s3://b/a|b`c/</code>'])
  })

  it('renders hostile text inert: no HTML, no link, no heading from a message', () => {
    const html = render(text('# [click](javascript:alert(1)) <img src=x onerror=alert(1)> **bold** `tick`'))
    expect(html).not.toMatch(/<(h1|a|img|strong|code)\b/)
    expect(html).toContain('&lt;img')
    expect(render(text('1. not a list'))).not.toContain('<ol')
  })

  it('draws the plan as a Mermaid flowchart that mermaid parses, styled by action with a legend', () => {
    const markdown = EXAMPLES['apply-plan']!
    const [chart] = mermaidBlocks(markdown)
    expect(chart).toBeDefined()
    for (const ref of ['assets.api', 'assets.web', 'object.release-notes', 'object.old-manifest']) expect(chart).toContain(`["${ref}"]`)
    expect(chart).toMatch(/^ {2}t0 --> t1$/m) // dependsOn: solid
    expect(chart).toMatch(/^ {2}t1 -\.-> t2$/m) // output reference: dotted
    expect(chart).toMatch(/^ {2}class t0 unchanged$/m)
    expect(chart).toMatch(/^ {2}class t1 update$/m)
    expect(chart).toMatch(/^ {2}class t2 create$/m)
    expect(chart).toMatch(/^ {2}class t3 delete$/m)
    expect(markdown).toContain('🟩 create · 🟨 update · 🟥 delete')
    const html = render(markdown)
    expect(html).toContain('<pre><code class="language-mermaid">flowchart LR')
    expect(DIAGRAMS.plan).toBe(chart)
    expect(mermaidVerdict('plan')).toEqual({ ok: true, type: 'flowchart-v2' })
    expect(mermaidVerdict('unclosed')).toEqual(expect.objectContaining({ ok: false }))
  }, 60_000)

  it('escapes what Mermaid would read as markup in a label', () => {
    const chart = planFlowchart({ nodes: [{ ref: 'object.a"b#c<d>', action: 'Create' }], edges: [] })
    expect(chart).toContain('t0["object.a#34;b#35;c#60;d#62;"]')
    expect(DIAGRAMS.markup).toBe(mermaidBlocks(chart)[0])
    expect(mermaidVerdict('markup')).toEqual({ ok: true, type: 'flowchart-v2' })
  }, 60_000)

  it(`falls back to the table above ${GRAPH_LIMIT} tools`, () => {
    const many = Array.from({ length: GRAPH_LIMIT + 1 }, (_, index) => ({ ref: `object.o${index}`, action: 'Create' as const }))
    const outcome: ApplyOutcome = {
      ...applied,
      changes: many.length,
      plan: many.map((node) => ({ key: node.ref.replace('.', '_'), action: 'Create', reason: 'not in the state' })),
      graph: { nodes: many, edges: [] }
    }
    const markdown = applyMarkdown(outcome, '### apply')
    expect(mermaidBlocks(markdown)).toEqual([])
    expect(markdown).toContain(`more than a graph can show (${GRAPH_LIMIT})`)
    expect(cells(render(markdown)).filter((cell) => cell.includes('object.o'))).toHaveLength(GRAPH_LIMIT + 1)
  })

  it('a failed apply says which tool failed, the error first line, and what ran', () => {
    const markdown = EXAMPLES['apply-failed']!
    expect(markdown).toMatch(/^### S3 Asset Manager — apply failed$/m)
    const html = render(markdown)
    expect(html).toContain('❌ Tool <code>object.release-notes</code> failed: AccessDenied: s3:PutObject on s3://acme-assets/notes.md')
    expect(html).not.toContain('Request id 1234')
    expect(html).toContain('1 change before it applied and saved in the state.')
    expect(cells(html).filter((cell) => /applied|failed|not run/.test(cell))).toEqual(['✅ applied', '❌ failed', '⏸️ not run'])
    expect(mermaidBlocks(markdown)[0]).toMatch(/^ {2}class t2 failed$/m)
    const report = applyReport(failed, 'infra')
    expect(report.state).toBe('failure')
    expect(report.description).toBe('apply failed at object.release-notes: AccessDenied: s3:PutObject on s3://acme-assets/notes.md')
  })

  it('a failed check shows the first line and folds the rest', () => {
    const html = render(EXAMPLES['check-failed']!)
    expect(html).toContain('❌ Access denied to s3://acme-assets/web/artifacts/ (GetObject).')
    expect(html).toMatch(/<details><summary>Details<\/summary>[\s\S]*s3:GetObject/)
  })

  it('PR comments render the same way', () => {
    for (const markdown of [assetsReport(assets(aws, 's3://acme-assets/k/'), 'web').markdown, applyReport(applied, 'infra').markdown]) {
      const html = render(markdown)
      expect(html).toMatch(/<h4>S3 Asset Manager · <code>(web|infra)<\/code>/)
      for (const cell of cells(html)) expect(visible(cell)).not.toContain('`')
    }
  })

  it('the examples under docs/summaries/ match what the action writes', () => {
    const dir = path.join(ROOT, 'docs', 'summaries')
    mkdirSync(dir, { recursive: true })
    for (const [name, markdown] of Object.entries(EXAMPLES)) {
      const html = `<!doctype html>\n<meta charset="utf-8">\n<title>${name}</title>\n<link rel="stylesheet" href="github.css">\n<body class="markdown-body">\n${render(markdown)}<script type="module" src="mermaid-loader.js"></script>\n`
      const files: [string, string][] = [
        [path.join(dir, `${name}.md`), markdown],
        [path.join(dir, `${name}.html`), html]
      ]
      for (const [file, content] of files) {
        if (process.env.UPDATE_DOCS) writeFileSync(file, content)
        expect(existsSync(file) ? readFileSync(file, 'utf8') : `${file} is missing: run UPDATE_DOCS=1 npm test -- rendering`).toBe(content)
      }
    }
  })
})

// Parses Mermaid diagrams with mermaid's own parser, outside jest (mermaid is ESM with a deep tree of
// ESM dependencies). Reads a JSON array of diagram sources on stdin, prints one JSON result per diagram:
// { ok: true, type } or { ok: false, error }.
import DOMPurify from 'dompurify'

// mermaid sanitises labels through DOMPurify hooks, which need a DOM; parsing needs none of it.
DOMPurify.addHook ??= () => {}
DOMPurify.removeHooks ??= () => {}
DOMPurify.removeHook ??= () => {}
DOMPurify.sanitize ??= (text) => text
const { default: mermaid } = await import('mermaid')

let input = ''
for await (const chunk of process.stdin) input += chunk
const results = []
for (const source of JSON.parse(input)) {
  try {
    const { diagramType } = await mermaid.parse(source)
    results.push({ ok: true, type: diagramType })
  } catch (error) {
    results.push({ ok: false, error: String(error.message ?? error).split('\n')[0] })
  }
}
process.stdout.write(JSON.stringify(results))

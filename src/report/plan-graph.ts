import type { PlanGraph, PlanNode } from '../modes/apply-outcome.js'

/** Above this many tools the picture stops helping; the summary shows the table only. */
export const GRAPH_LIMIT = 50

const STYLES: Record<PlanNode['action'] | 'Failed', { className: string; style: string; legend: string }> = {
  Create: { className: 'create', style: 'fill:#dafbe1,stroke:#1a7f37,color:#1f2328', legend: '🟩 create' },
  Update: { className: 'update', style: 'fill:#fff8c5,stroke:#9a6700,color:#1f2328', legend: '🟨 update' },
  Delete: { className: 'delete', style: 'fill:#ffebe9,stroke:#cf222e,color:#1f2328,stroke-dasharray:4 3', legend: '🟥 delete' },
  Unchanged: { className: 'unchanged', style: 'fill:#f6f8fa,stroke:#8c959f,color:#57606a', legend: '⬜ unchanged' },
  Failed: { className: 'failed', style: 'fill:#ffebe9,stroke:#cf222e,color:#1f2328,stroke-width:3px', legend: '❌ failed' }
}

/** A Mermaid label: quotes and the characters Mermaid reads as markup become entity codes. */
function label(text: string): string {
  return `"${text.replace(/[#"<>]/g, (char) => `#${char.charCodeAt(0)};`)}"`
}

/**
 * The plan as a Mermaid flowchart, in a fenced block GitHub renders: a node per tool labelled
 * `name.instanceID`, styled by its action; solid arrows for dependsOn, dotted ones for output references,
 * from the tool that runs first. `failedRef` marks the tool a run stopped at.
 */
export function planFlowchart(graph: PlanGraph, failedRef?: string): string {
  const ids = new Map(graph.nodes.map((node, index) => [node.ref, `t${index}`]))
  const lines = ['flowchart LR']
  for (const node of graph.nodes) lines.push(`  ${ids.get(node.ref)}[${label(node.ref)}]`)
  const seen = new Set<string>()
  for (const edge of graph.edges) {
    const from = ids.get(edge.from)
    const to = ids.get(edge.to)
    const id = `${from}>${to}`
    if (!from || !to || seen.has(id)) continue
    seen.add(id)
    lines.push(`  ${from} ${edge.kind === 'dependsOn' ? '-->' : '-.->'} ${to}`)
  }
  const byClass = new Map<keyof typeof STYLES, string[]>()
  for (const node of graph.nodes) {
    const style: keyof typeof STYLES = node.ref === failedRef ? 'Failed' : node.action
    if (!byClass.has(style)) byClass.set(style, [])
    byClass.get(style)!.push(ids.get(node.ref)!)
  }
  for (const [style, members] of byClass) {
    lines.push(`  classDef ${STYLES[style].className} ${STYLES[style].style}`)
    lines.push(`  class ${members.join(',')} ${STYLES[style].className}`)
  }
  const legend = (Object.keys(STYLES) as (keyof typeof STYLES)[]).filter((style) => byClass.has(style)).map((style) => STYLES[style].legend)
  const kinds = new Set(graph.edges.map((edge) => edge.kind))
  const arrows = [kinds.has('dependsOn') ? 'solid arrow: dependsOn' : '', kinds.has('reference') ? 'dotted arrow: output reference' : '']
    .filter(Boolean)
    .map((part) => ` · ${part}`)
    .join('')
  return `\`\`\`mermaid\n${lines.join('\n')}\n\`\`\`\n\n<sub>${legend.join(' · ')}${arrows}</sub>`
}

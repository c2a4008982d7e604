/* global document */
// Turns the ```mermaid blocks of these examples into diagrams, as GitHub does (needs network for the CDN).
import mermaid from 'https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.esm.min.mjs'

for (const block of document.querySelectorAll('pre > code.language-mermaid')) {
  const diagram = document.createElement('pre')
  diagram.className = 'mermaid'
  diagram.textContent = block.textContent
  block.parentElement.replaceWith(diagram)
}
await mermaid.run()

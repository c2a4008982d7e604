/**
 * GitHub-flavoured markdown for job summaries and pull-request comments. Everything is written as
 * markdown, never as HTML cells: GitHub does not parse markdown inside an HTML block, so `code` in a
 * `<td>` shows its backticks.
 */

/** A code span that survives any content: the fence is one backtick longer than the longest run inside. */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

export function link(label: string, href: string): string {
  return `[${label}](${href.replace(/[()\s]/g, (char) => encodeURIComponent(char))})`
}

/** A table cell: pipes are escaped even inside code spans (GFM splits cells before it parses spans). */
function cell(value: string): string {
  return value.replace(/\r?\n/g, ' ').replace(/(?<!\\)\|/g, '\\|')
}

/** A GFM table; cells are markdown already (use `code`, `text`, `link`). */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)
  ].join('\n')
}

export function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)} s`
}

/** The first line of an error message, for a summary headline. */
export function firstLine(message: string): string {
  return (message.split(/\r?\n/)[0] ?? '').trim()
}

/** A fenced code block that survives any content: the fence is one backtick longer than any run inside. */
export function fenced(content: string, language = ''): string {
  const longest = Math.max(2, ...(content.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${language}\n${content}\n${fence}`
}

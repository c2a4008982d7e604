#!/usr/bin/env node
// npm run docs — writes the README's inputs and outputs tables from action.yml, so the two never disagree.
//   node scripts/docs.mjs            rewrite the tables in README.md
//   node scripts/docs.mjs --check    exit 1, naming what differs, when README.md is not what action.yml gives
//   --action <file> --readme <file>  other files (the tests use them)
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import yaml from 'js-yaml'
import * as prettier from 'prettier'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(name) ? path.resolve(args[args.indexOf(name) + 1]) : fallback)
const actionFile = option('--action', path.join(ROOT, 'action.yml'))
const readmeFile = option('--readme', path.join(ROOT, 'README.md'))
const check = args.includes('--check')

const cell = (text) => String(text).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|')
const code = (text) => `\`${text}\``

function inputsTable(inputs) {
  const rows = Object.entries(inputs).map(([name, input]) => {
    const fallback = input.required ? 'required' : input.default === undefined || input.default === '' ? '—' : code(input.default)
    return `| ${code(name)} | ${cell(fallback)} | ${cell(input.description ?? '')} |`
  })
  return ['| input | default | meaning |', '| --- | --- | --- |', ...rows].join('\n')
}

function outputsTable(outputs) {
  const rows = Object.entries(outputs).map(([name, output]) => `| ${code(name)} | ${cell(output.description ?? '')} |`)
  return ['| output | meaning |', '| --- | --- |', ...rows].join('\n')
}

function replaceBetween(text, marker, table) {
  const start = `<!-- ${marker}:start (npm run docs writes this table from action.yml) -->`
  const end = `<!-- ${marker}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from === -1 || to === -1) throw new Error(`${readmeFile} has no ${start} … ${end} markers`)
  return `${text.slice(0, from + start.length)}\n\n${table}\n\n${text.slice(to)}`
}

const action = yaml.load(readFileSync(actionFile, 'utf8'))
const readme = readFileSync(readmeFile, 'utf8')
// Only the two tables are formatted (prettier's own table layout), not the whole README: `npm run format:check`
// keeps the rest formatted, and formatting all 1,200 lines of the README took ~0.8 s more a run (1.14 s against 0.38 s).
const config = (await prettier.resolveConfig(path.join(ROOT, 'README.md'))) ?? {}
const formatTable = async (table) => (await prettier.format(table, { ...config, filepath: readmeFile })).trimEnd()
const formatted = replaceBetween(
  replaceBetween(readme, 'inputs', await formatTable(inputsTable(action.inputs ?? {}))),
  'outputs',
  await formatTable(outputsTable(action.outputs ?? {}))
)

if (!check) {
  if (formatted !== readme) writeFileSync(readmeFile, formatted)
  console.log(formatted === readme ? 'README tables are up to date.' : `Wrote the inputs and outputs tables of ${readmeFile}.`)
} else if (formatted !== readme) {
  const named = (text) => new Set([...text.matchAll(/^\| `([a-z-]+)` +\|/gm)].map((match) => match[1]))
  const want = named(formatted)
  const have = named(readme)
  const missing = [...want].filter((name) => !have.has(name))
  const extra = [...have].filter((name) => !want.has(name))
  console.error(
    `README.md's inputs/outputs tables differ from ${path.relative(process.cwd(), actionFile) || actionFile}` +
      (missing.length ? `; missing: ${missing.join(', ')}` : '') +
      (extra.length ? `; not in action.yml: ${extra.join(', ')}` : '') +
      '. Run npm run docs.'
  )
  process.exit(1)
} else {
  console.log('README tables match action.yml.')
}

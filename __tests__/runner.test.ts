// The runner reads a stdout line that starts with "::" as a workflow command. Log text carries what came
// from outside (file names from a checkout, paths from a store's records), so it must never start one.
import * as runner from '../src/runner.js'

function captured(write: () => void): string {
  const chunks: string[] = []
  const original = process.stdout.write
  process.stdout.write = ((chunk: string | Uint8Array) => chunks.push(String(chunk)) > 0) as typeof process.stdout.write
  try {
    write()
  } finally {
    process.stdout.write = original
  }
  return chunks.join('')
}

describe('runner.info', () => {
  it('keeps text that would be a workflow command inert, line by line, and readable', () => {
    const hostile = 'since the newest build: 1 file removed (a\n::set-output name=found::true\n  ::add-mask::x\r::stop-commands::t)'
    const out = captured(() => runner.info(hostile))
    for (const line of out.split(/\r?\n|\r/)) expect(line.trimStart().startsWith('::')).toBe(false)
    expect(out.replace(/\u200b/g, '')).toBe(`${hostile}\n`)
  })

  it('leaves ordinary text as it is', () => {
    expect(captured(() => runner.info('Code hash abc over 3 files: a::b'))).toBe('Code hash abc over 3 files: a::b\n')
  })

  it('still issues its own commands', () => {
    expect(captured(() => runner.warning('careful\n::x'))).toBe('::warning::careful%0A::x\n')
  })
})

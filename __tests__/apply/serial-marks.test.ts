// Replayed signed states are caught by the serials a machine remembers (trust, third pass, item 9): only whole
// numbers count, in the marks file and in a state; nothing else is accepted, nor re-signed; a local state
// carries its path in its signature as an S3 state carries its location.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { StateError } from '../../src/apply/errors.js'
import { SerialMarks } from '../../src/apply/serial-marks.js'
import { LocalStateStorage } from '../../src/apply/state-storage.js'
import { parseState, StateFile } from '../../src/apply/state.js'
import { tempDir } from '../support/helpers.js'

const KEY = { keys: ['key-s-0123456789abcdef0123456789'] }
const entry = { name: 'object', instanceID: 'o', dependsOn: [], options: { key: 'k' }, resourceStatus: { outputs: { key: 'k' } } }

function setup(): { repo: string; file: string; marksFile: string; marks: SerialMarks; storage: LocalStateStorage } {
  const repo = tempDir('repo')
  const file = path.join(repo, '.github', 'assets.state')
  mkdirSync(path.dirname(file), { recursive: true })
  const marksFile = path.join(tempDir('marks'), 'state-serials.json')
  return { repo, file, marksFile, marks: new SerialMarks(marksFile), storage: new LocalStateStorage(file, repo) }
}

describe('serial marks', () => {
  it.each(['1e999', '-1', '2.5', '"9"', 'null'])('a mark of %s is refused, without recommending resign-state', async (mark) => {
    const s = setup()
    const first = new StateFile(s.storage, KEY, false, s.marks)
    await first.load()
    await first.save(new Map([['object_o', entry]]))
    writeFileSync(s.marksFile, `{ ${JSON.stringify(s.storage.location)}: ${mark} }\n`)
    for (const resign of [false, true]) {
      const error = await new StateFile(s.storage, KEY, resign, s.marks).load().then(
        () => undefined,
        (failure: unknown) => failure as Error
      )
      expect(error).toBeInstanceOf(StateError)
      expect(error!.message).toContain('not a whole number')
      expect(error!.message).not.toContain('resign-state')
    }
  })

  it.each(['1e999', '.inf', '-3', '1.5'])('a state whose serial is %s is refused, without recommending resign-state', (serial) => {
    const load = (): unknown => parseState(`schemaVersion: 1\nserial: ${serial}\n`, 'f')
    expect(load).toThrow(StateError)
    expect(load).toThrow('not a whole number')
    expect(load).not.toThrow('resign-state')
  })

  it('a marks file larger than any machine writes is not read', async () => {
    const s = setup()
    writeFileSync(s.marksFile, `{ ${JSON.stringify(s.storage.location)}: 5, "pad": "${'x'.repeat(2 * 1024 * 1024)}" }`)
    expect(await s.marks.highest(s.storage.location)).toBeUndefined()
  })

  it('re-signing an older state moves past the newest serial seen, as a whole number', async () => {
    const s = setup()
    const state = new StateFile(s.storage, KEY, false, s.marks)
    await state.load()
    await state.save(new Map([['object_o', entry]]))
    const older = readFileSync(s.file, 'utf8')
    await state.save(new Map([['object_o', entry]]))
    writeFileSync(s.file, older)
    await expect(new StateFile(s.storage, KEY, false, s.marks).load()).rejects.toThrow('older than serial 2')
    const resigned = new StateFile(s.storage, KEY, true, s.marks)
    await resigned.load()
    await resigned.save(new Map([['object_o', entry]]))
    expect(readFileSync(s.file, 'utf8')).toMatch(/^serial: 3$/m)
  })
})

describe('a local state carries its path', () => {
  it('a signed local state copied to another path of the repository is refused there', async () => {
    const s = setup()
    const state = new StateFile(s.storage, KEY, false, s.marks)
    await state.load()
    await state.save(new Map([['object_o', entry]]))
    expect(readFileSync(s.file, 'utf8')).toContain('location: local:.github/assets.state')
    const elsewhere = path.join(s.repo, 'deploy', 'other.state')
    mkdirSync(path.dirname(elsewhere), { recursive: true })
    copyFileSync(s.file, elsewhere)
    await expect(new StateFile(new LocalStateStorage(elsewhere, s.repo), KEY, false, s.marks).load()).rejects.toThrow(
      'signed for another location (local:.github/assets.state)'
    )
  })
})

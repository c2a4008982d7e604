// node:crypto, node:child_process, node:zlib and node:stream, loaded when first used instead of when the bundle
// starts. A static import loads a builtin as the step starts, used or not: the first three cost ~20 ms of every
// step's start on node24 (~10 ms on Node.js 20; `node -e "require('node:crypto')"` against `node -e 0`),
// node:stream ~4 ms where `node -e 0` takes 60 ms, and a check that finds nothing needs none of them. Modules in
// the path of every step use these; the rest import as usual.
import type { ExecFileOptions } from 'node:child_process'
import { createRequire } from 'node:module'
import { promisify } from 'node:util'

const load = createRequire(import.meta.url)

export const nodeCrypto = (): typeof import('node:crypto') => load('node:crypto') as typeof import('node:crypto')

export const childProcess = (): typeof import('node:child_process') => load('node:child_process') as typeof import('node:child_process')

/** child_process.execFile as a promise of its output as text, node:child_process loaded on the first call. */
export const execFileText = (
  file: string,
  args: readonly string[],
  options: ExecFileOptions
): Promise<{ stdout: string; stderr: string }> => promisify(childProcess().execFile)(file, args, { ...options, encoding: 'utf8' as const })

export const nodeStream = (): typeof import('node:stream') => load('node:stream') as typeof import('node:stream')

export const nodeStreamPromises = (): typeof import('node:stream/promises') =>
  load('node:stream/promises') as typeof import('node:stream/promises')

export const nodeZlib = (): typeof import('node:zlib') => load('node:zlib') as typeof import('node:zlib')

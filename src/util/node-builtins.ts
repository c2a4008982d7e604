// node:crypto, node:child_process and node:zlib, loaded when first used instead of when the bundle starts. A
// static import loads a builtin as the step starts, used or not: these three cost ~20 ms of every step's start
// on node24 (~10 ms on Node.js 20; `node -e "require('node:crypto')"` against `node -e 0`), and a check that
// finds nothing needs none of them. Modules in the path of every step use these; the rest import as usual.
import { createRequire } from 'node:module'

const load = createRequire(import.meta.url)

export const nodeCrypto = (): typeof import('node:crypto') => load('node:crypto') as typeof import('node:crypto')

export const childProcess = (): typeof import('node:child_process') => load('node:child_process') as typeof import('node:child_process')

export const nodeZlib = (): typeof import('node:zlib') => load('node:zlib') as typeof import('node:zlib')

import * as nodeModule from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { flushCodeCache, useCodeCache } from './util/code-cache.js'
import { stdio } from './util/stdio.js'

type CompileCache = { enableCompileCache?: () => unknown; flushCompileCache?: () => void }

// Our lines go to stdout and stderr directly until something opens Node.js's streams (util/stdio.ts).
stdio.writeDirectlyUntilOpened()

// Node.js >= 22.1 (node24 on the runner) keeps the compiled code of the chunks loaded below on disk, so the
// next step of the job starts faster. Older runtimes have no such function: nothing happens. This file stays
// small and imports the rest: the cache covers only what is compiled after this call, and this file is
// compiled on every start. On Node.js 20, util/code-cache.ts does the same for the bundle's chunks.
;(nodeModule as CompileCache).enableCompileCache?.()
useCodeCache(path.dirname(fileURLToPath(import.meta.url)))

const { runProcess } = await import('./cli.js')
await runProcess()

// The step is done (outputs, state and summary written, claims and locks released): leave now rather than let
// the event loop run dry. After it does, Node.js tears down (node24 then also writes its compile cache) with our
// signal handlers gone, so a cancel landing in that window killed a finished step (no exit code) instead of
// letting it end with its own. process.exit skips that teardown; stdout and stderr, if opened, are drained first
// (pipes are asynchronous on macOS), and the compile cache is written while the handlers still hold.
;(nodeModule as CompileCache).flushCompileCache?.()
flushCodeCache()
stdio.whenWritten(() => process.exit())

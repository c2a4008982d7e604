import * as nodeModule from 'node:module'
import * as core from './runner.js'
import { runStep } from './cli.js'
import { handleSignals } from './util/cancellation.js'

// Node.js >= 22.1 (node24 on the runner) keeps the compiled code of the chunks loaded below on disk, so the
// next step of the job starts faster. Older runtimes have no such function: nothing happens.
;(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.()

// A cancelled job: stop, release what is held, say what was left (main.ts); a second signal exits at once.
handleSignals((signal) =>
  core.error(`Cancelled again by ${signal} while cleaning up: exiting now; a claim or lock may stay until it ages out.`)
)

if (!(await runStep(process.argv))) process.exit(0)

import * as nodeModule from 'node:module'
import * as core from './runner.js'
import { answerFlags, usePlainConsole } from './cli.js'
import { State } from './constants.js'
import { handleSignals } from './util/cancellation.js'

// Node.js >= 22.1 (node24 on the runner) keeps the compiled code of the chunks loaded below on disk, so the
// next step of the job starts faster. Older runtimes have no such function: nothing happens.
;(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.()

if (process.env.GITHUB_ACTIONS !== 'true') {
  if (answerFlags(process.argv)) process.exit(0)
  usePlainConsole()
}

// A cancelled job: stop, release what is held, say what was left (main.ts); a second signal exits at once.
handleSignals((signal) =>
  core.error(`Cancelled again by ${signal} while cleaning up: exiting now; a claim or lock may stay until it ages out.`)
)

// The runner runs this file twice when action.yml has a post step: the main step saves isPost, so the
// second run (the post step) knows it is one. Only the post step of `mode: auto` does any work.
if (core.getState(State.IsPost) === 'true') {
  const { runPost } = await import('./post.js')
  await runPost()
} else {
  if (process.env.GITHUB_STATE) core.saveState(State.IsPost, 'true')
  const { run } = await import('./main.js')
  await run()
}

import * as core from '@actions/core'
import { answerFlags, usePlainConsole } from './cli.js'
import { State } from './constants.js'

if (process.env.GITHUB_ACTIONS !== 'true') {
  if (answerFlags(process.argv)) process.exit(0)
  usePlainConsole()
}

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

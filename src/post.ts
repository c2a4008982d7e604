import * as core from './runner.js'
import { Inputs, State } from './constants.js'
import { EmptyPackageError, errorMessage } from './errors.js'
import type { AutoState } from './modes/result.js'

/** Whether upload would find files, by upload's own rules (hidden files and folders skipped). */
async function hasFiles(directory: string): Promise<boolean> {
  const { listPackageFiles } = await import('./sets/package-files.js')
  try {
    await listPackageFiles(directory)
    return true
  } catch (error) {
    if (error instanceof EmptyPackageError) return false
    throw error
  }
}

/** The post step's outcome in the job summary, under the main step's (which said "build needed"). */
async function postSummary(sentence: string): Promise<void> {
  const { writeSummaryMarkdown } = await import('./report/summary.js')
  const { text } = await import('./util/text.js')
  await writeSummaryMarkdown(`### S3 Asset Manager — upload (post step)\n\n${text(sentence)}\n`)
}

/**
 * The post step (action.yml `post-if: success()`): in `mode: auto`, upload what the job built when check
 * missed. Any other mode returns at once, loading nothing heavy.
 */
export async function runPost(): Promise<void> {
  if (core.getInput(Inputs.Mode).toLowerCase() !== 'auto') return
  try {
    const saved = core.getState(State.Auto)
    if (!saved) {
      core.info('The main step did not finish its check, so there is nothing to upload.')
      return
    }
    const state = JSON.parse(saved) as AutoState
    if (state.found) {
      const message = `The assets of commit ${state.commit} were found by the main step: nothing to upload.`
      core.info(message)
      await postSummary(message)
      return
    }
    if (!(await hasFiles(state.packageDirectory))) {
      const message = `The job succeeded but ${state.packageDirectory} holds no files: the build produced nothing to upload. Check the build's output directory against 'package-directory'.`
      core.warning(message)
      await postSummary(`⚠️ Nothing was uploaded. ${message}`)
      return
    }
    const { runUploadAfterAuto } = await import('./main.js')
    await runUploadAfterAuto(state)
  } catch (error) {
    core.setFailed(errorMessage(error))
  }
}

import * as core from '@actions/core'
import { Outputs } from './constants.js'
import { errorMessage, MissingBucketError } from './errors.js'
import { getInputs } from './inputs.js'
import { check } from './modes/check.js'
import type { AssetsResult } from './modes/result.js'
import { upload } from './modes/upload.js'
import { applyReport, writeApplySummary } from './report/apply-report.js'
import { assetsReport } from './report/assets-report.js'
import { reportToGitHub } from './report/github.js'
import { writeSummary } from './report/summary.js'
import { createAssetSets } from './sets/index.js'

/** On a runner outputs go to GITHUB_OUTPUT; elsewhere (Concourse, a shell) they are printed as name=value. */
function setOutput(name: string, value: string): void {
  if (process.env.GITHUB_OUTPUT || process.env.GITHUB_ACTIONS) core.setOutput(name, value)
  else process.stdout.write(`${name}=${value}\n`)
}

function setOutputs(result: AssetsResult): void {
  setOutput(Outputs.Found, String(result.found))
  setOutput(Outputs.Source, result.source)
  setOutput(Outputs.CommitHash, result.commitHash)
  setOutput(Outputs.CodeHash, result.codeHash)
  setOutput(Outputs.Location, result.location)
  setOutput(Outputs.Files, String(result.files))
  setOutput(Outputs.Bytes, String(result.bytes))
}

/** The action's entry: reads the inputs, runs the mode, sets outputs; the one place that fails the step. */
export async function run(): Promise<void> {
  try {
    const settings = getInputs()
    if (settings.mode === 'apply') {
      // Loaded on demand: apply pulls in YAML and the S3 state backend, which check and upload do not need.
      const { apply } = await import('./modes/apply.js')
      const outcome = await apply(settings)
      core.info(outcome.message)
      setOutput(Outputs.Changes, String(outcome.changes))
      setOutput(Outputs.Plan, JSON.stringify(outcome.plan))
      setOutput(Outputs.ToolOutputs, JSON.stringify(outcome.outputs))
      setOutput(Outputs.Found, String(outcome.found))
      setOutput(Outputs.CommitHash, outcome.commitHash)
      await writeApplySummary(outcome)
      await reportToGitHub(settings.reporting, applyReport(outcome, settings.reporting.instance))
      return
    }
    const sets = await createAssetSets(settings.store, settings.concurrency, settings.policy)
    try {
      const result = settings.mode === 'check' ? await check(settings, sets) : await upload(settings, sets)
      core.info(result.message)
      setOutputs(result)
      await writeSummary(result)
      await reportToGitHub(settings.reporting, assetsReport(result, settings.reporting.instance))
    } finally {
      sets.close()
    }
  } catch (error) {
    // `found` is always set, so a later `if:` never reads an empty string.
    setOutput(Outputs.Found, 'false')
    core.setFailed(errorMessage(error))
    if (error instanceof MissingBucketError) process.exitCode = error.exitCode
  }
}

import * as core from './runner.js'
import { type Mode, Outputs, State } from './constants.js'
import { errorMessage, exitCodeOf, InputError, StoreError } from './errors.js'
import { asCancellation, cancelledBy } from './util/cancellation.js'
import { writeStdout } from './util/stdio.js'
import { getInputs } from './settings/inputs.js'
import type { Settings } from './settings/types.js'
import { ApplyFailedError } from './modes/apply-outcome.js'
import { check } from './modes/check.js'
import type { AssetsResult, AutoState } from './modes/result.js'
import type { PreBuildKey } from './modes/upload.js'
import { assetsReport } from './report/assets-report.js'
import { consoleUrl } from './report/console-links.js'
import { reportTarget, reportToGitHub, type ReportTarget } from './report/github.js'
import { firstLine } from './report/markdown.js'
import { failureMarkdown, writeSummary, writeSummaryMarkdown } from './report/summary.js'
import { createAssetSets } from './sets/index.js'

/** Writing an output failed: the runner's GITHUB_OUTPUT file is missing or not writable. */
class OutputError extends Error {}

/** On a runner outputs go to GITHUB_OUTPUT; elsewhere (Concourse, a shell) they are printed as name=value. */
function setOutput(name: string, value: string): void {
  if (!process.env.GITHUB_OUTPUT && !process.env.GITHUB_ACTIONS) {
    writeStdout(`${name}=${value}\n`)
    return
  }
  try {
    core.setOutput(name, value)
  } catch (error) {
    throw new OutputError(
      `Could not set the output '${name}': ${firstLine(errorMessage(error))} (GITHUB_OUTPUT=${process.env.GITHUB_OUTPUT ?? ''}). ` +
        `The runner provides this file; when running the bundle yourself, unset GITHUB_OUTPUT or point it at a writable file.`
    )
  }
}

function setOutputs(result: AssetsResult): void {
  setOutput(Outputs.Found, String(result.found))
  setOutput(Outputs.Source, result.source)
  setOutput(Outputs.CommitHash, result.commitHash)
  setOutput(Outputs.CodeHash, result.codeHash)
  setOutput(Outputs.Location, result.location)
  setOutput(Outputs.Files, String(result.files))
  setOutput(Outputs.Bytes, String(result.bytes))
  if (result.mode === 'check') setOutput(Outputs.MissReason, result.missReason?.line ?? '')
}

/**
 * auto's main step leaves what its key was made of in RUNNER_TEMP (the state passed to the post step must stay
 * small), so the post step can name what the build changed. The file's SHA-256 goes into the state, which
 * the runner keeps out of the build's reach: a file the build rewrote is not read. Undefined when there is
 * nothing to leave.
 */
async function saveKeyInputs(result: AssetsResult, settings: Settings): Promise<{ file: string; sha256: string } | undefined> {
  if (!process.env.RUNNER_TEMP || !result.codeHash) return undefined
  const { readCheckRecord } = await import('./modes/check-record.js')
  const inputs = (await readCheckRecord(settings.packageDirectory))?.inputs
  if (!inputs) return undefined
  const { serializeInputs } = await import('./hashing/set-key.js')
  const { writeFile } = await import('./util/fs-calls.js')
  const { sha256Hex } = await import('./util/digest-stream.js')
  const { randomHex } = await import('./util/random.js')
  const file = `${process.env.RUNNER_TEMP}/s3-asset-manager-${randomHex(6)}.inputs.json.gz`
  const bytes = serializeInputs(result.codeHash, inputs)
  await writeFile(file, bytes)
  return { file, sha256: sha256Hex(bytes) }
}

/** What auto's main step hands its post step through the runner's state (out of the build's reach). */
interface FromMainStep {
  readonly preBuild?: PreBuildKey
  readonly statusCommit?: string
}

/**
 * Where this step reports: an upload step takes nothing from the event payload but the pull request's
 * number (github.ts); the post step of auto reports where its main step did.
 */
async function targetOf(settings: Settings, commit: string, fromMain?: FromMainStep): Promise<ReportTarget> {
  if (!settings.reporting.prComment && !settings.reporting.commitStatus) return { statusCommit: commit }
  const target = await reportTarget(commit, settings.mode !== 'upload')
  return fromMain?.statusCommit ? { ...target, statusCommit: fromMain.statusCommit } : target
}

/** apply: the plan carried out, its outputs, summary and report. Loaded on demand (YAML, the state backend). */
async function runApply(settings: Settings): Promise<void> {
  const { apply } = await import('./modes/apply.js')
  const { applyMarkdown, applyReport, applySummaryHeading } = await import('./report/apply-report.js')
  const outcome = await apply(settings)
  core.info(outcome.message)
  setOutput(Outputs.Changes, String(outcome.changes))
  setOutput(Outputs.Plan, JSON.stringify(outcome.plan))
  setOutput(Outputs.ToolOutputs, JSON.stringify(outcome.outputs))
  setOutput(Outputs.Found, String(outcome.found))
  setOutput(Outputs.CommitHash, outcome.commitHash)
  await writeSummaryMarkdown(applyMarkdown(outcome, applySummaryHeading(outcome)))
  await reportToGitHub(
    settings.reporting,
    () => applyReport(outcome, settings.reporting.instance),
    await targetOf(settings, outcome.commitHash)
  )
}

async function runPrune(settings: Settings): Promise<void> {
  const { prune } = await import('./modes/prune.js')
  const { pruneMarkdown } = await import('./report/prune-report.js')
  const outcome = await prune(settings)
  core.info(outcome.message)
  setOutput(Outputs.PrunedSets, String(outcome.prunedSets))
  setOutput(Outputs.PrunedObjects, String(outcome.prunedObjects))
  setOutput(Outputs.PrunedBytes, String(outcome.prunedBytes))
  setOutput(Outputs.KeptSets, String(outcome.keptSets))
  await writeSummaryMarkdown(pruneMarkdown(outcome, `### S3 Asset Manager — prune${outcome.planOnly ? ' (plan only)' : ''}`))
}

async function runDoctor(settings: Settings): Promise<void> {
  const { doctor } = await import('./modes/doctor.js')
  const { doctorMarkdown } = await import('./report/doctor-report.js')
  const outcome = await doctor(settings, settings.doctorModes)
  core.info(outcome.message)
  await writeSummaryMarkdown(doctorMarkdown(outcome, '### S3 Asset Manager — doctor'))
  // The summary holds the table already: the failure adds nothing to it (summaryWritten), the log points up.
  if (outcome.blocked.size > 0)
    throw Object.assign(new StoreError(`${outcome.message} The rows above say what to do.`), { summaryWritten: true })
}

/** check, upload and auto's main step: one asset-set lookup or store, its outputs, summary and report. */
async function runAssets(settings: Settings, fromMain?: FromMainStep): Promise<void> {
  if (settings.mode === 'auto' && !process.env.GITHUB_ACTIONS && !settings.autoRun) {
    throw new InputError(
      `mode 'auto' checks now and uploads in the runner's post step, which only GitHub Actions runs. Here, give it the build: ` +
        `node dist/index.js auto --run 'npm ci && npm run build' (it checks, runs the build on a miss, then uploads), or run 'check', build, then 'upload'.`
    )
  }
  const sets = await createAssetSets(settings.store, settings.concurrency, settings.policy)
  let built: AutoState | undefined
  try {
    // upload and its packing are loaded only when storing: a check (every job's first step) starts without them.
    const ran =
      settings.mode === 'upload'
        ? await (await import('./modes/upload.js')).upload(settings, sets, fromMain?.preBuild)
        : await check(settings, sets)
    const unsigned =
      settings.policy.unsigned && (ran.mode === 'upload' || settings.codeHashPatterns.length > 0) ? settings.policy.unsigned : undefined
    const result = { ...ran, locationUrl: consoleUrl(ran.location, settings.store), ...(unsigned ? { unsigned } : {}) }
    core.info(result.message)
    setOutputs(result)
    await writeSummary(result)
    const target = await targetOf(settings, result.commitHash, fromMain)
    await reportToGitHub(settings.reporting, () => assetsReport(result, settings.reporting.instance), target)
    if (settings.mode === 'auto') {
      const inputs = result.found ? undefined : await saveKeyInputs(result, settings)
      const state: AutoState = {
        found: result.found,
        commit: result.commitHash,
        packageDirectory: settings.packageDirectory,
        ...(result.codeHash ? { codeHash: result.codeHash } : {}),
        ...(inputs ? { inputsFile: inputs.file, inputsSha256: inputs.sha256 } : {}),
        ...(target.statusCommit !== result.commitHash ? { statusCommit: target.statusCommit } : {})
      }
      if (settings.autoRun) {
        built = state
      } else {
        core.saveState(State.Auto, JSON.stringify(state))
        if (!result.found) core.info(`Build into ${settings.packageDirectory}: the post step uploads it when the job succeeds.`)
      }
    }
  } finally {
    // After the outputs: recording a hit's use must not delay the steps that wait on `found`.
    await sets.flush()
    sets.close()
  }
  if (built && !built.found) await buildThenUpload(settings, built)
}

/** What each mode runs, after the inputs are read; outputs, summary and report are each mode's own. */
const RUN_MODE: Readonly<Record<Mode, (settings: Settings, fromMain?: FromMainStep) => Promise<void>>> = {
  check: runAssets,
  upload: runAssets,
  auto: runAssets,
  apply: runApply,
  prune: runPrune,
  doctor: runDoctor
}

function runMode(settings: Settings, fromMain?: FromMainStep): Promise<void> {
  return RUN_MODE[settings.mode](settings, fromMain)
}

/**
 * `auto --run <command>` outside GitHub: what the job's build step and auto's post step do, in this process.
 * The key computed before the build is held here, where the build cannot reach it, as the runner's state is.
 */
async function buildThenUpload(settings: Settings, state: AutoState): Promise<void> {
  const { readCheckRecord } = await import('./modes/check-record.js')
  const inputs = state.codeHash ? (await readCheckRecord(settings.packageDirectory))?.inputs : undefined
  const preBuild: PreBuildKey | undefined = state.codeHash ? { key: state.codeHash, ...(inputs ? { inputs } : {}) } : undefined
  core.info(`Building: ${settings.autoRun}`)
  const { spawn } = await import('node:child_process')
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(settings.autoRun!, { shell: true, stdio: ['ignore', 'inherit', 'inherit'] })
    child.once('error', reject)
    child.once('exit', (exit, signal) => resolve(exit ?? (signal ? 128 : 1)))
  })
  if (code !== 0) throw new BuildFailedError(`The build command exited with code ${code}: nothing was uploaded (${settings.autoRun}).`)
  const { listPackageFiles } = await import('./sets/package-files.js')
  const { EmptyPackageError } = await import('./errors.js')
  const empty = await listPackageFiles(state.packageDirectory).then(
    () => false,
    (error: unknown) => {
      if (error instanceof EmptyPackageError) return true
      throw error
    }
  )
  if (empty) {
    core.warning(
      `The build succeeded but ${state.packageDirectory} holds no files: it produced nothing to upload. Check the build's output directory against 'package-directory'.`
    )
    return
  }
  await runMode(
    { ...settings, mode: 'upload', commit: state.commit, packageDirectory: state.packageDirectory },
    preBuild ? { preBuild } : {}
  )
}

/** `auto --run`'s build command failed: nothing is uploaded, as the post step does not run after a failed job. */
class BuildFailedError extends Error {}

/** A failed step's summary and PR report still say what happened; a failure here only warns. */
async function reportFailure(settings: Settings | undefined, error: unknown): Promise<void> {
  if (error instanceof OutputError || (error as { summaryWritten?: boolean } | undefined)?.summaryWritten) return
  const mode = settings?.mode ?? (core.getInput('mode') || process.argv[2] || 'step')
  try {
    if (error instanceof ApplyFailedError) {
      const { applyMarkdown, applyReport, applySummaryHeading } = await import('./report/apply-report.js')
      await writeSummaryMarkdown(applyMarkdown(error.outcome, applySummaryHeading(error.outcome)))
      if (settings) {
        const target = await targetOf(settings, error.outcome.commitHash)
        await reportToGitHub(settings.reporting, () => applyReport(error.outcome, settings.reporting.instance), target)
      }
      return
    }
    await writeSummaryMarkdown(failureMarkdown(mode, errorMessage(error)))
  } catch (reportError) {
    core.warning(errorMessage(reportError))
  }
}

/** The post step of `mode: auto`: the upload, with the commit, directory and code hash the main step checked. */
export async function runUploadAfterAuto(state: AutoState): Promise<void> {
  let preBuild: PreBuildKey | undefined
  if (state.codeHash) {
    const { readKeyInputsFile } = await import('./hashing/set-key.js')
    const recorded = state.inputsFile && state.inputsSha256 ? await readKeyInputsFile(state.inputsFile, state.inputsSha256) : undefined
    preBuild = { key: state.codeHash, ...(recorded?.key === state.codeHash ? { inputs: recorded.inputs } : {}) }
  }
  return run((settings) => ({ ...settings, mode: 'upload', commit: state.commit, packageDirectory: state.packageDirectory }), {
    ...(preBuild ? { preBuild } : {}),
    ...(state.statusCommit ? { statusCommit: state.statusCommit } : {})
  })
}

/**
 * The action's entry: reads the inputs (adjusted by the post step), runs the mode, sets outputs; the one
 * place that fails the step.
 */
export async function run(adjust: (settings: Settings) => Settings = (settings) => settings, fromMain?: FromMainStep): Promise<void> {
  let settings: Settings | undefined
  try {
    settings = adjust(getInputs())
    await runMode(settings, fromMain)
  } catch (thrown) {
    // A step stopped by a signal says so, with what it left, whatever the stop looked like where it happened.
    const error = cancelledBy() ? asCancellation(thrown, 'nothing was left half-done') : thrown
    await reportFailure(settings, error)
    try {
      // `found` is always set, so a later `if:` never reads an empty string.
      setOutput(Outputs.Found, 'false')
    } catch {
      // The outputs file is what failed; the message below says so.
    }
    core.setFailed(errorMessage(error))
    process.exitCode = exitCodeOf(error)
  }
}

// A jest reporter that says how many tests passed and failed per project (s3rver, moto, node24), which
// jest's own summary and its --json results do not tell apart, and where the run's time went: each project's
// file time (summed over both workers, so about twice the wall time when they stay busy) and the ten slowest
// files, the figures the test-time work (#32) is judged by. Prints to stderr at the end of the run.
class ProjectCountsReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig?.rootDir ?? process.cwd()
    this.counts = new Map()
    this.files = []
  }

  onTestResult(test, result) {
    const name = test.context.config.displayName?.name ?? 'tests'
    const counts = this.counts.get(name) ?? { passed: 0, failed: 0, seconds: 0 }
    counts.passed += result.numPassingTests
    counts.failed += result.numFailingTests
    const seconds = fileSeconds(result)
    counts.seconds += seconds
    this.counts.set(name, counts)
    this.files.push({
      project: name,
      file: test.path.startsWith(`${this.rootDir}/`) ? test.path.slice(this.rootDir.length + 1) : test.path,
      tests: result.testResults.length,
      seconds
    })
  }

  onRunComplete() {
    process.stderr.write(runSummary(this.counts, this.files))
  }
}

/** How long one test file took, from its start to its end (module loading and hooks included). */
function fileSeconds(result) {
  const { start, end } = result.perfStats ?? {}
  return start && end && end >= start ? (end - start) / 1000 : 0
}

/** The lines printed at the end of a run: tests and file time per project, then the ten slowest files. */
function runSummary(counts, files) {
  const parts = [...counts].map(
    ([name, { passed, failed, seconds }]) => `${name} ${passed} passed, ${failed} failed, ${seconds.toFixed(1)} s of file time`
  )
  const slowest = [...files]
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, 10)
    .map(
      ({ project, file, tests, seconds }) =>
        `  ${seconds.toFixed(1).padStart(5)} s  ${String(tests).padStart(3)} ${tests === 1 ? 'test ' : 'tests'}  ${project}  ${file}`
    )
  return `Per project: ${parts.join('; ')}\n` + (slowest.length ? `Slowest files:\n${slowest.join('\n')}\n` : '')
}

module.exports = ProjectCountsReporter
module.exports.runSummary = runSummary
module.exports.fileSeconds = fileSeconds

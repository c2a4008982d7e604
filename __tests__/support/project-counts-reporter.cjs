// A jest reporter that says how many tests passed and failed per project (s3rver, moto, node24), which
// jest's own summary and its --json results do not tell apart. Prints to stderr at the end of the run.
class ProjectCountsReporter {
  constructor() {
    this.counts = new Map()
  }

  onTestResult(test, result) {
    const name = test.context.config.displayName?.name ?? 'tests'
    const counts = this.counts.get(name) ?? { passed: 0, failed: 0 }
    counts.passed += result.numPassingTests
    counts.failed += result.numFailingTests
    this.counts.set(name, counts)
  }

  onRunComplete() {
    const parts = [...this.counts].map(([name, { passed, failed }]) => `${name} ${passed} passed, ${failed} failed`)
    process.stderr.write(`Per project: ${parts.join('; ')}\n`)
  }
}

module.exports = ProjectCountsReporter

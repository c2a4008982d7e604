/** A problem in the apply config: names the file and what to change. */
export class ConfigError extends Error {
  /** Nothing was done: the README's exit code for bad input or config. */
  readonly stepExitCode = 2
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

/** The state file exists but cannot be used, or was changed by someone else meanwhile. */
export class StateError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'StateError'
  }
}

/** Another run holds the state lock. */
export class LockError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LockError'
  }
}

// Reading inputs as the runner passes them (INPUT_<NAME>), with the original tool's environment names as
// fallbacks. Only the settings modules use these.
import * as core from '../runner.js'
import { InputError } from '../errors.js'

/**
 * An input as the runner passes it (`INPUT_<NAME>`, hyphens kept). Outside GitHub, where a shell cannot export
 * a name with a hyphen, `INPUT_<NAME>` with underscores (INPUT_PACKAGE_DIRECTORY) is read too.
 */
export function rawInput(name: string, trim = true): string {
  const value = core.getInput(name, { trimWhitespace: trim })
  if (value || process.env.GITHUB_ACTIONS === 'true') return value
  const underscored = process.env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] ?? ''
  return trim ? underscored.trim() : underscored
}

export function input(name: string): string {
  return rawInput(name)
}

/** An input, else the first non-empty environment variable, else the default. */
export function inputOr(name: string, envNames: readonly string[], fallback: string): string {
  const value = input(name)
  if (value) return value
  for (const envName of envNames) {
    const fromEnv = process.env[envName]?.trim()
    if (fromEnv) return fromEnv
  }
  return fallback
}

export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const lower = value.toLowerCase()
  if ((allowed as readonly string[]).includes(lower)) return lower as T
  throw new InputError(`Input '${name}' is '${value}'; allowed values: ${allowed.join(', ')}.`)
}

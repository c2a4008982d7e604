import { appendFileSync, existsSync } from 'node:fs'
import { EOL } from 'node:os'
import { randomUuid } from './util/random.js'
import { writeStdout } from './util/stdio.js'

/**
 * The runner's interface, as much of @actions/core as this action uses: inputs and state from the
 * environment, outputs and state through the runner's files, log lines and workflow commands on stdout, the
 * job summary file. Written here, in the same formats, because @actions/core loads its HTTP client (and with
 * it undici, ~1 MB) at start-up for the OIDC token this action never asks for: every step paid ~40 ms to parse
 * it. @actions/core itself is still what @actions/cache and @actions/github use, in their lazily loaded chunks;
 * __tests__/runner-contract.test.ts drives both against the same files and requires the same bytes.
 */

/** How @actions/core writes a value into a command or a file: strings as they are, anything else as JSON. */
function commandValue(value: unknown): string {
  if (value === null || value === undefined) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function escapeData(value: unknown): string {
  return commandValue(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function issue(command: string, message: unknown = ''): void {
  writeStdout(`::${command}::${escapeData(message)}${EOL}`)
}

/** Appends `name<<delimiter … delimiter` to the runner's file command file (GITHUB_OUTPUT, GITHUB_STATE). */
function issueFileCommand(file: 'OUTPUT' | 'STATE', name: string, value: unknown): void {
  const filePath = process.env[`GITHUB_${file}`]
  if (!filePath) throw new Error(`Unable to find environment variable for file command ${file}`)
  if (!existsSync(filePath)) throw new Error(`Missing file at path: ${filePath}`)
  const delimiter = `ghadelimiter_${randomUuid()}`
  const converted = commandValue(value)
  if (name.includes(delimiter) || converted.includes(delimiter))
    throw new Error(`Unexpected input: it contains the delimiter "${delimiter}"`)
  appendFileSync(filePath, `${name}<<${delimiter}${EOL}${converted}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' })
}

/** `INPUT_<NAME>` (spaces as `_`, upper case), trimmed unless asked not to. */
export function getInput(name: string, options: { trimWhitespace?: boolean } = {}): string {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || ''
  return options.trimWhitespace === false ? value : value.trim()
}

export function setOutput(name: string, value: unknown): void {
  if (process.env.GITHUB_OUTPUT) return issueFileCommand('OUTPUT', name, value)
  writeStdout(EOL)
  writeStdout(`::set-output name=${name}::${escapeData(value)}${EOL}`)
}

export function saveState(name: string, value: unknown): void {
  if (process.env.GITHUB_STATE) return issueFileCommand('STATE', name, value)
  writeStdout(`::save-state name=${name}::${escapeData(value)}${EOL}`)
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] || ''
}

/** Masks `secret` in the runner's log from now on. */
export function setSecret(secret: string): void {
  issue('add-mask', secret)
}

/**
 * A log line: text, never a command. Our messages carry what came from outside (paths from a checkout or a
 * store's records, an endpoint's answer), and the runner reads any line that starts with `::` as a workflow
 * command (`::set-output`, `::add-mask`, `::stop-commands`): such a line gets a zero-width space after its
 * first colon, which keeps it readable and inert. Commands go through the functions below, never through here.
 */
export function info(message: string): void {
  writeStdout(message.replace(/^(\s*):(?=:)/gm, '$1:\u200b') + EOL)
}

export function warning(message: string | Error): void {
  issue('warning', message instanceof Error ? message.toString() : message)
}

export function error(message: string | Error): void {
  issue('error', message instanceof Error ? message.toString() : message)
}

export function startGroup(name: string): void {
  issue('group', name)
}

export function endGroup(): void {
  issue('endgroup')
}

/** Logs the error and makes the step fail (exit code 1, which the caller may refine). */
export function setFailed(message: string | Error): void {
  process.exitCode = 1
  error(message)
}

/** Appends markdown to the job summary (GITHUB_STEP_SUMMARY), as core.summary.addRaw(…, true).write() does. */
export function appendSummary(markdown: string): void {
  const filePath = process.env.GITHUB_STEP_SUMMARY
  if (!filePath)
    throw new Error(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.'
    )
  appendFileSync(filePath, markdown + EOL, { encoding: 'utf8' })
}

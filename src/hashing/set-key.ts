import type { HashedFile } from './code-hash.js'
import { readRunnerFile } from '../util/capped-read.js'
import { sha256Hex } from '../util/digest-stream.js'
import { nodeZlib } from '../util/node-builtins.js'

/**
 * The key of a code-hash set: what the build depends on. Files alone give exactly the code hash (version
 * 2), so sets stored before the key learned more keep hitting. With anything else — environment values
 * (`code-hash-env`), a free text (`code-hash-key`), apply's `run` and its dependencies — the key is
 *
 *   SHA-256 hex of `set-key-v1\n` followed by one line per ingredient, each ended by `\n`, sorted by bytes:
 *     files <code hash v2>
 *     env <NAME> <SHA-256 hex of the value, or "unset">
 *     key <SHA-256 hex of the code-hash-key text>
 *     run <SHA-256 hex of apply's run text>
 *     dependency <the key of a tool it depends on>
 *
 * A value never appears anywhere: only its digest enters the key and the record beside the set.
 */
export const SET_KEY_TAG = 'set-key-v1\n'

/** What a key was made of: stored (gzipped JSON) beside each code-hash set, so a later miss can say what changed. */
export interface KeyInputs {
  /** The code hash of the files, and each file's git blob id. */
  readonly filesHash: string
  readonly files: readonly HashedFile[]
  /** Environment variable name → SHA-256 hex of its value, or 'unset'. */
  readonly env: Readonly<Record<string, string>>
  /** SHA-256 hex of code-hash-key's text. */
  readonly keyText?: string
  /** SHA-256 hex of apply's run text. */
  readonly run?: string
  /** apply: the keys of the tools this one depends on. */
  readonly dependencies?: readonly string[]
  /** Where it was built (not part of the key: a set records it and a check compares it). */
  readonly platform: string
}

/** `names`' values as key ingredients: each value's SHA-256, or 'unset' (distinct from an empty value). */
export function envIngredients(names: readonly string[], env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const digests: Record<string, string> = {}
  for (const name of [...names].sort()) {
    const value = env[name]
    digests[name] = value === undefined ? 'unset' : sha256Hex(value)
  }
  return digests
}

/** The lines a key is made of, sorted; just the files line when nothing else is given. */
export function keyLines(inputs: Omit<KeyInputs, 'files' | 'platform'>): string[] {
  const lines = [`files ${inputs.filesHash}`]
  for (const [name, digest] of Object.entries(inputs.env)) lines.push(`env ${name} ${digest}`)
  if (inputs.keyText) lines.push(`key ${inputs.keyText}`)
  if (inputs.run) lines.push(`run ${inputs.run}`)
  for (const dependency of inputs.dependencies ?? []) lines.push(`dependency ${dependency}`)
  return lines.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
}

/** The set key (see the top of this file). */
export function setKey(inputs: Omit<KeyInputs, 'files' | 'platform'>): string {
  const lines = keyLines(inputs)
  if (lines.length === 1) return inputs.filesHash
  return sha256Hex(SET_KEY_TAG + lines.map((line) => `${line}\n`).join(''))
}

/** The record of a key as plain JSON: `{ version, key, ... }`, files as `[path, id]` pairs. */
export function inputsRecord(key: string, inputs: KeyInputs): Record<string, unknown> {
  const { files, ...rest } = inputs
  return { version: 1, key, ...rest, files: files.map((file) => [file.path, file.id]) }
}

/** The record beside a set: inputsRecord as gzipped JSON. */
export function serializeInputs(key: string, inputs: KeyInputs): Buffer {
  return nodeZlib().gzipSync(JSON.stringify(inputsRecord(key, inputs)))
}

/**
 * Records are read from stores and runner files others can write, so inflating one is bounded: never more
 * than INFLATED_LIMIT, and never more than INFLATION_RATIO times its compressed size (a genuine record, paths
 * and hex ids, compresses about 2–4×; a gzip bomb, hundreds of times). Its files list is capped too.
 */
const INFLATED_LIMIT = 64 * 1024 * 1024
const INFLATION_RATIO = 16
const MIN_INFLATED_LIMIT = 1024 * 1024
export const RECORD_FILES_LIMIT = 1_000_000

/** Reads an inputsRecord back; undefined when it is not one (it only ever explains, so nothing fails on it). */
export function readInputsRecord(data: unknown): { key: string; inputs: KeyInputs } | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined
  const record = data as Record<string, unknown>
  if (record.version !== 1 || typeof record.key !== 'string' || typeof record.filesHash !== 'string' || !Array.isArray(record.files)) {
    return undefined
  }
  if (record.files.length > RECORD_FILES_LIMIT) return undefined
  const files = (record.files as unknown[]).flatMap((pair) =>
    Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string' ? [{ path: pair[0], id: pair[1] }] : []
  )
  const strings = (value: unknown): Record<string, string> =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
      : {}
  return {
    key: record.key,
    inputs: {
      filesHash: record.filesHash,
      files,
      env: strings(record.env),
      ...(typeof record.keyText === 'string' ? { keyText: record.keyText } : {}),
      ...(typeof record.run === 'string' ? { run: record.run } : {}),
      ...(Array.isArray(record.dependencies) ? { dependencies: record.dependencies.map(String) } : {}),
      platform: typeof record.platform === 'string' ? record.platform : 'unknown'
    }
  }
}

/**
 * Parses a stored (gzipped) record; undefined when it is not one. With `sha256`, the bytes must have that
 * digest (what a manifest or the runner's state binds them to), checked before anything is inflated.
 */
export function parseInputs(bytes: Buffer, sha256?: string): { key: string; inputs: KeyInputs } | undefined {
  if (sha256 !== undefined && sha256Hex(bytes) !== sha256) return undefined
  const maxOutputLength = Math.min(INFLATED_LIMIT, Math.max(MIN_INFLATED_LIMIT, bytes.length * INFLATION_RATIO))
  try {
    return readInputsRecord(JSON.parse(nodeZlib().gunzipSync(bytes, { maxOutputLength }).toString('utf8')))
  } catch {
    return undefined
  }
}

/** A record auto's main step left in RUNNER_TEMP, read (bounded) only if it still has the SHA-256 the runner's state holds. */
export async function readKeyInputsFile(file: string, sha256: string): Promise<{ key: string; inputs: KeyInputs } | undefined> {
  const bytes = await readRunnerFile(file, INFLATED_LIMIT / INFLATION_RATIO)
  return bytes ? parseInputs(bytes, sha256) : undefined
}

/** Files named in a difference, at most this many of each kind (the rest are counted). */
export const LISTED_FILES = 20

export interface FileChanges {
  readonly changed: readonly string[]
  readonly added: readonly string[]
  readonly removed: readonly string[]
  /** Totals, of which the lists hold the first LISTED_FILES. */
  readonly counts: { readonly changed: number; readonly added: number; readonly removed: number }
}

/** How the files of `now` differ from `before`: changed content, added, removed. */
export function fileChanges(before: readonly HashedFile[], now: readonly HashedFile[]): FileChanges {
  const earlier = new Map(before.map((file) => [file.path, file.id]))
  const changed: string[] = []
  const added: string[] = []
  for (const file of now) {
    const id = earlier.get(file.path)
    if (id === undefined) added.push(file.path)
    else if (id !== file.id) changed.push(file.path)
    earlier.delete(file.path)
  }
  const removed = [...earlier.keys()]
  return {
    changed: changed.slice(0, LISTED_FILES),
    added: added.slice(0, LISTED_FILES),
    removed: removed.slice(0, LISTED_FILES),
    counts: { changed: changed.length, added: added.length, removed: removed.length }
  }
}

/** What made two keys differ. */
export interface KeyDifference {
  readonly files: FileChanges
  /**
   * `code-hash-env` names: `changed`, a value that differs (or became set or unset); `added`, a name the
   * earlier build's key did not have; `removed`, one it had and this key has not.
   */
  readonly env: { readonly changed: readonly string[]; readonly added: readonly string[]; readonly removed: readonly string[] }
  readonly keyText: boolean
  readonly run: boolean
  readonly dependencies: boolean
}

export function keyDifference(before: KeyInputs, now: KeyInputs): KeyDifference {
  const names = [...new Set([...Object.keys(before.env), ...Object.keys(now.env)])].sort()
  const had = (env: KeyInputs['env'], name: string): boolean => Object.hasOwn(env, name)
  return {
    files: before.filesHash === now.filesHash ? fileChanges([], []) : fileChanges(before.files, now.files),
    env: {
      changed: names.filter((name) => had(before.env, name) && had(now.env, name) && before.env[name] !== now.env[name]),
      added: names.filter((name) => !had(before.env, name)),
      removed: names.filter((name) => !had(now.env, name))
    },
    keyText: (before.keyText ?? '') !== (now.keyText ?? ''),
    run: (before.run ?? '') !== (now.run ?? ''),
    dependencies: (before.dependencies ?? []).join() !== (now.dependencies ?? []).join()
  }
}

/**
 * A file name as outputs and summaries show it: letters, digits and `. _ / + = @ ~ -` (and spaces) as they
 * are, every other character percent-encoded as its UTF-8 bytes (`%` itself too). File names come from the
 * checkout — a pull request's — and `miss-reason` may be pasted into a workflow's `run:` by
 * `${{ steps.x.outputs.miss-reason }}`: encoded, no name can quote, expand or end a shell command
 * (`src/$(touch pwned).js` shows as `src/%24%28touch%20pwned%29.js`… with its spaces kept).
 */
export function inertPath(name: string): string {
  return name.replace(/[^\p{L}\p{N}\p{M}._/+=@~ -]/gu, (char) =>
    [...Buffer.from(char, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('')
  )
}

/** `3 files changed (a, b, c)`-style parts of one sentence; empty when nothing differs. File names are made inert (inertPath). */
export function describeDifference(difference: KeyDifference): string[] {
  const parts: string[] = []
  const list = (paths: readonly string[], total: number): string =>
    `${paths.map(inertPath).join(', ')}${total > paths.length ? `, and ${total - paths.length} more` : ''}`
  const { files } = difference
  for (const kind of ['changed', 'added', 'removed'] as const) {
    const total = files.counts[kind]
    if (total > 0) parts.push(`${total} file${total === 1 ? '' : 's'} ${kind} (${list(files[kind], total)})`)
  }
  const names = (list: readonly string[]): string => list.map(inertPath).join(', ')
  const { env } = difference
  if (env.changed.length > 0) parts.push(`environment ${names(env.changed)} changed`)
  if (env.added.length > 0) parts.push(`code-hash-env ${names(env.added)} added`)
  if (env.removed.length > 0) parts.push(`code-hash-env ${names(env.removed)} removed`)
  if (difference.keyText) parts.push('code-hash-key changed')
  if (difference.run) parts.push("the tool's run changed")
  if (difference.dependencies) parts.push('a dependency changed')
  return parts
}

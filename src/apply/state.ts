import yaml from 'js-yaml'
import { StateError } from './errors.js'
import { NO_KEYS, SIGNATURE_FIELD, signatureFor, verifyDocument, type SigningKeys } from '../sets/signing.js'
import { isSerial, SerialMarks } from './serial-marks.js'
import { PreconditionFailed, type StateStorage } from './state-storage.js'

export const STATE_SCHEMA_VERSION = 1

/** One tool's record, as DevStream v0.10+ writes it; dependsOn also lists the tools its options reference. */
export interface StateEntry {
  readonly name: string
  readonly instanceID: string
  readonly dependsOn: readonly string[]
  readonly options: Record<string, unknown>
  readonly resourceStatus: { readonly outputs: Record<string, unknown> }
}

/** The state: tool entries keyed `<name>_<instanceID>`, plus a schema version and a serial that grows on every write. */
export interface State {
  readonly serial: number
  readonly resources: ReadonlyMap<string, StateEntry>
}

export function stateKey(name: string, instanceID: string): string {
  return `${name}_${instanceID}`
}

const dump = (document: Record<string, unknown>): string => yaml.dump(document, { noRefs: true, sortKeys: false, lineWidth: -1 })

/**
 * The state as YAML; with a signing key, a top-level `signature` over the rest (as the file reads back), and
 * the `location` it is written to (an S3 state's `s3://bucket/key`), so a signed state copied elsewhere is refused.
 */
export function serializeState(state: State, signing: SigningKeys = NO_KEYS, location?: string): string {
  const signs = signing.keys.length > 0 && signing.sign !== false
  const document: Record<string, unknown> = { schemaVersion: STATE_SCHEMA_VERSION, serial: state.serial }
  if (location && signs) document.location = location
  for (const [key, entry] of [...state.resources].sort(([a], [b]) => (a < b ? -1 : 1))) document[key] = entry
  if (!signs) return dump(document)
  // Signed over what a reader parses, so YAML's own typing of values cannot make a valid file fail to verify.
  const signature = signatureFor(yaml.load(dump(document)) as Record<string, unknown>, signing)
  return dump({ signature, ...document })
}

/** Why a state document does not verify under `signing` at `location`, or undefined when it does (or no key is set). */
export function stateTrustProblem(text: string, signing: SigningKeys, location?: string): string | undefined {
  if (signing.keys.length === 0) return undefined
  const document = yaml.load(text)
  if (document === null || document === undefined) return undefined // an empty state holds nothing to forge
  if (typeof document !== 'object' || Array.isArray(document)) return 'not a YAML map'
  const problem = verifyDocument(document as Record<string, unknown>, signing)
  if (problem) return problem
  // States signed before locations were signed carry none: accepted, and bound on their next save.
  const signedFor = (document as Record<string, unknown>).location
  if (location && signedFor !== undefined && signedFor !== location) return `signed for another location (${String(signedFor)})`
  return undefined
}

/**
 * Refuses YAML aliases: neither this action nor dtm writes them, and a few nested aliases (a "billion laughs")
 * expand to more nodes than memory holds once anything walks the document.
 */
function refuseAliases(document: unknown, where: string): void {
  const seen = new Set<object>()
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return
    if (seen.has(node))
      throw new StateError(`The state ${where} uses YAML anchors or aliases, which no state writer produces; it is not used.`)
    seen.add(node)
    for (const child of Object.values(node)) visit(child)
  }
  visit(document)
}

/**
 * One entry, as this action or dtm wrote it: dtm v0.6 wrote lowercase keys (`instanceid`, `dependson`,
 * `resource`), later versions `resourceStatus`, and dtm copies `instanceID` into `options`, which we drop
 * so that an unchanged tool plans no Update.
 */
function parseEntry(value: unknown, key: string, where: string): StateEntry {
  const entry = (value ?? {}) as Record<string, unknown>
  const name = entry.name
  const instanceID = entry.instanceID ?? entry.instanceid
  if (typeof entry !== 'object' || typeof name !== 'string' || typeof instanceID !== 'string') {
    throw new StateError(`The state ${where} has an entry '${key}' without name and instanceID.`)
  }
  const dependsOn = entry.dependsOn ?? entry.dependson
  const options = { ...((entry.options as Record<string, unknown> | undefined) ?? {}) }
  if (options.instanceID === instanceID) delete options.instanceID
  const status = (entry.resourceStatus ?? entry.resource) as { outputs?: Record<string, unknown> } | undefined
  return {
    name,
    instanceID,
    dependsOn: Array.isArray(dependsOn) ? dependsOn.map(String) : [],
    options,
    resourceStatus: { outputs: status?.outputs ?? {} }
  }
}

/** Parses a state file; anything that is not a state we can read is an error, never "empty". */
export function parseState(text: string, where: string): State {
  let document: unknown
  try {
    document = yaml.load(text)
  } catch (error) {
    throw new StateError(
      `The state ${where} is not valid YAML (${(error as Error).message}); fix or restore it — it is not treated as empty.`
    )
  }
  // dtm leaves an empty file after deleting everything: that is an empty state, not a broken one.
  if (document === null || document === undefined) return { serial: 0, resources: new Map() }
  refuseAliases(document, where)
  if (typeof document !== 'object' || Array.isArray(document)) throw new StateError(`The state ${where} is not a YAML map.`)
  const record = document as Record<string, unknown>
  const version = record.schemaVersion ?? STATE_SCHEMA_VERSION
  if (version !== STATE_SCHEMA_VERSION) {
    throw new StateError(
      `The state ${where} has schemaVersion ${JSON.stringify(version)}; this action reads version ${STATE_SCHEMA_VERSION}.`
    )
  }
  const resources = new Map<string, StateEntry>()
  for (const [key, value] of Object.entries(record)) {
    if (key === 'schemaVersion' || key === 'serial' || key === 'location' || key === SIGNATURE_FIELD) continue
    resources.set(key, parseEntry(value, key, where))
  }
  if (record.serial !== undefined && !isSerial(record.serial)) {
    throw new StateError(
      `The state ${where} has serial ${JSON.stringify(record.serial)}, not a whole number from 0 up: neither this action nor dtm writes that. ` +
        `Restore a good copy of the state (your bucket's object versions, or the last one this workflow wrote); it was not used.`
    )
  }
  return { serial: isSerial(record.serial) ? record.serial : 0, resources }
}

/**
 * Reads and writes the state through its storage with compare-and-swap: every write names the version it
 * read, and the result is read back, so a concurrent writer is detected even on servers that ignore
 * conditional headers.
 */
export class StateFile {
  private version: string | undefined
  private current: State = { serial: 0, resources: new Map() }

  /** Set when the loaded state did not verify and `resign` accepted it: the next save signs it. */
  untrustedLoaded?: string

  constructor(
    private readonly storage: StateStorage,
    private readonly signing: SigningKeys = NO_KEYS,
    private readonly resign = false,
    private readonly marks: SerialMarks = new SerialMarks()
  ) {}

  /** The key of this state's serial mark. */
  private get markKey(): string {
    return this.storage.location ?? this.storage.description
  }

  get state(): State {
    return this.current
  }

  async load(): Promise<State> {
    const stored = await this.storage.get('state')
    this.version = stored?.version
    this.current = stored ? parseState(stored.body, this.storage.description) : { serial: 0, resources: new Map() }
    let problem = stored ? stateTrustProblem(stored.body, this.signing, this.storage.location) : undefined
    const seen = this.signing.keys.length > 0 ? await this.marks.highest(this.markKey) : undefined
    if (!problem && seen !== undefined && this.current.serial < seen) {
      problem = `at serial ${this.current.serial}, older than serial ${seen} this machine already saw there (an older signed copy put back?)`
    }
    if (problem && !this.resign) {
      throw new StateError(
        `The state ${this.storage.description} is ${problem} (signing-key is set), so it is not used: someone other than this ` +
          `workflow may have written it. Check its content (or restore a good copy); to accept it as it is and sign it with the ` +
          `current key, run apply once with 'resign-state: true'.`
      )
    }
    this.untrustedLoaded = problem
    if (this.signing.keys.length > 0 && !problem) await this.marks.record(this.markKey, this.current.serial)
    return this.current
  }

  /** Saves `resources` as the next serial. */
  async save(resources: ReadonlyMap<string, StateEntry>): Promise<void> {
    // After a replayed (older) state was accepted with resign-state, the serial still moves past the newest seen.
    const floor = this.signing.keys.length > 0 ? ((await this.marks.highest(this.markKey)) ?? 0) : 0
    const next: State = { serial: Math.max(this.current.serial, floor) + 1, resources }
    const body = serializeState(next, this.signing, this.storage.location)
    const conflict = (): StateError =>
      new StateError(
        `The state ${this.storage.description} was changed by someone else while this run held the lock; nothing more was written. Re-run apply.`
      )
    try {
      this.version = await this.storage.put('state', body, this.version === undefined ? { ifNoneMatch: true } : { ifMatch: this.version })
    } catch (error) {
      if (error instanceof PreconditionFailed) throw conflict()
      throw error
    }
    const readBack = await this.storage.get('state')
    if (readBack?.body !== body) throw conflict()
    this.version = readBack.version
    this.current = next
    if (this.signing.keys.length > 0) await this.marks.record(this.markKey, next.serial)
  }
}

import { sha256Hex } from '../util/digest-stream.js'
import { nodeCrypto } from '../util/node-builtins.js'

/**
 * HMAC signatures over JSON documents (manifests, apply's state, actions-cache pointers).
 *
 * The signed bytes are the document's canonical JSON without its `signature` field: object keys sorted by
 * code point (Python's sort_keys order), no whitespace, strings
 * escaped as JSON.stringify escapes them, UTF-8. In Python:
 *   json.dumps(doc_without_signature, sort_keys=True, separators=(',', ':'), ensure_ascii=False).encode()
 * The signature is `hmac-sha256:<key id>:<hex>`, key id = first 8 hex characters of SHA-256(key).
 */

export const SIGNATURE_FIELD = 'signature'

/** The configured keys: the first signs, any verifies (so a key can be rotated without a flag day). */
export interface SigningKeys {
  readonly keys: readonly string[]
  /**
   * false: this run verifies with the keys but signs nothing (an event whose jobs may run pull-request code;
   * see the trust policy in settings/trust.ts), so what it writes is never served by a run that verifies.
   */
  readonly sign?: boolean
}

export const NO_KEYS: SigningKeys = { keys: [] }

/** Why a document does not verify; `undefined` from `verifyDocument` means it does. */
export type Untrusted =
  'unsigned' | 'signed by an unknown key' | 'badly signed' | 'signed by an older version of this action (its location is not signed)'

export function parseSigningKeys(text: string): SigningKeys {
  return {
    keys: text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
  }
}

export function keyId(key: string): string {
  return sha256Hex(key).slice(0, 8)
}

/** Canonical JSON: sorted keys, no whitespace. Undefined object fields are left out, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const record = value as Record<string, unknown>
    const fields = sortByCodePoint(Object.keys(record).filter((key) => record[key] !== undefined)).map(
      (key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`
    )
    return `{${fields.join(',')}}`
  }
  return JSON.stringify(value)
}

/** Code point order (Python's sort order); JS's UTF-16 order differs only when a surrogate pair is involved. */
function sortByCodePoint(keys: string[]): string[] {
  if (!keys.some((key) => /[\uD800-\uDFFF]/.test(key))) return keys.sort()
  return keys.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
}

function withoutSignature(document: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...document }
  delete rest[SIGNATURE_FIELD]
  return rest
}

function hmacHex(key: string, document: Record<string, unknown>): string {
  return nodeCrypto()
    .createHmac('sha256', key)
    .update(canonicalJson(withoutSignature(document)), 'utf8')
    .digest('hex')
}

/** The signature the first key gives `document`; undefined without keys, or when the run does not sign. */
export function signatureFor(document: Record<string, unknown>, signing: SigningKeys): string | undefined {
  const key = signing.sign === false ? undefined : signing.keys[0]
  return key === undefined ? undefined : `hmac-sha256:${keyId(key)}:${hmacHex(key, document)}`
}

/** `document` with its signature field set (first), or unchanged without keys. */
export function signDocument<T extends object>(document: T, signing: SigningKeys): T {
  const signature = signatureFor(document as Record<string, unknown>, signing)
  if (signature === undefined) return document
  return { [SIGNATURE_FIELD]: signature, ...withoutSignature(document as Record<string, unknown>) } as T
}

/** Checks a parsed document against the keys; undefined when it verifies (or when there are no keys). */
export function verifyDocument(document: Record<string, unknown>, signing: SigningKeys): Untrusted | undefined {
  if (signing.keys.length === 0) return undefined
  const signature = document[SIGNATURE_FIELD]
  if (typeof signature !== 'string') return 'unsigned'
  const match = /^hmac-sha256:([0-9a-f]{8}):([0-9a-f]{64})$/.exec(signature)
  if (!match) return 'badly signed'
  const key = signing.keys.find((candidate) => keyId(candidate) === match[1])
  if (key === undefined) return 'signed by an unknown key'
  const expected = Buffer.from(hmacHex(key, document), 'hex')
  return nodeCrypto().timingSafeEqual(expected, Buffer.from(match[2]!, 'hex')) ? undefined : 'badly signed'
}

/**
 * `document` as stored text: its canonical JSON with the signature (when there are keys) as the first
 * field, then a newline. Because the rest is exactly the signed bytes, a reader checks the signature over
 * the raw text (verifyStoredText) before parsing anything, and any JSON parser still reads it.
 */
export function storedText(document: Record<string, unknown>, signing: SigningKeys): string {
  const body = canonicalJson(withoutSignature(document))
  const signature = signatureFor(document, signing)
  if (signature === undefined) return `${body}\n`
  return `{${JSON.stringify(SIGNATURE_FIELD)}:${JSON.stringify(signature)}${body === '{}' ? '' : ','}${body.slice(1)}\n`
}

const STORED_SIGNATURE = /^\{"signature":"hmac-sha256:([0-9a-f]{8}):([0-9a-f]{64})"(,?)/

/**
 * Checks text written by storedText against the keys without parsing it: undefined when it verifies.
 * Text in another layout (an older pretty-printed manifest) does not verify.
 */
export function verifyStoredText(text: string, signing: SigningKeys): Untrusted | undefined {
  if (signing.keys.length === 0) return undefined
  const match = STORED_SIGNATURE.exec(text)
  if (!match) {
    if (/^\{\s*"signature"\s*:\s*"hmac-sha256:/.test(text)) return 'signed by an older version of this action (its location is not signed)'
    return /"signature"\s*:/.test(text) ? 'badly signed' : 'unsigned'
  }
  const key = signing.keys.find((candidate) => keyId(candidate) === match[1])
  if (key === undefined) return 'signed by an unknown key'
  const rest = text.slice(match[0].length).replace(/\n$/, '')
  const body = match[3] ? `{${rest}` : rest === '}' ? '{}' : undefined
  if (body === undefined) return 'badly signed'
  const expected = nodeCrypto().createHmac('sha256', key).update(body, 'utf8').digest()
  return nodeCrypto().timingSafeEqual(expected, Buffer.from(match[2]!, 'hex')) ? undefined : 'badly signed'
}

import * as core from '../runner.js'
import { text } from './text.js'

/**
 * Values that must never be shown: the runner masks them in the log once `core.setSecret` has named them,
 * but not in what this action sends elsewhere (the job summary file, commit statuses, pull-request
 * comments). Everything sent there goes through `redact`.
 *
 * Values shorter than this are not masked: masking `1` or `on` would garble every log line that holds them
 * (google-github-actions' secret actions draw the same line), and they are not secrets anyone can use.
 */
export const MIN_MASKED_LENGTH = 4

const secrets = new Set<string>()
/** Every form a registered secret can take in what this action writes, longest first. */
let forms: string[] = []

/**
 * The forms a secret takes in the text this action produces itself: as written; markdown-escaped (`text`);
 * percent-encoded (links, file URLs, either case of hex); JSON-escaped (outputs, API bodies); HTML-escaped.
 */
function encodings(secret: string): string[] {
  const html = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  const linkHref = secret.replace(/[()\s]/g, (char) => encodeURIComponent(char))
  const percent = (encode: (value: string) => string): string[] => {
    try {
      const encoded = encode(secret)
      return [encoded, encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase())]
    } catch {
      return [] // a lone surrogate cannot be percent-encoded: then it never is
    }
  }
  const fileUrl = (value: string): string => encodeURI(value).replace(/[#?]/g, (char) => encodeURIComponent(char))
  return [
    secret,
    text(secret),
    html,
    linkHref,
    JSON.stringify(secret).slice(1, -1),
    ...percent(encodeURIComponent),
    ...percent(encodeURI),
    ...percent(fileUrl)
  ]
}

/** Masks `value` in the log from now on (core.setSecret) and in everything `redact` cleans. */
/** Starts a new step in this process with no secrets registered (the tests run many steps in one process). */
export function forgetSecrets(): void {
  secrets.clear()
  forms = []
}

export function registerSecret(value: string | undefined): void {
  if (!value || value.length < MIN_MASKED_LENGTH || secrets.has(value)) return
  secrets.add(value)
  core.setSecret(value)
  forms = [...new Set([...forms, ...encodings(value)])].sort((a, b) => b.length - a.length)
}

/** `text` with every registered secret, in each form it can take here, replaced by `***` (longest first). */
export function redact(text: string): string {
  let result = text
  for (const form of forms) result = result.split(form).join('***')
  return result
}

/** Splits a code-hash pattern list written with newlines, commas or spaces (kept apart so inputs load no glob code). */
export function parsePatterns(text: string): string[] {
  return text.split(/[\s,]+/).filter((pattern) => pattern.length > 0)
}

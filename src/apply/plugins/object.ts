import { createHash } from 'node:crypto'
import { normalizePrefix } from '../../inputs.js'
import { ConfigError } from '../errors.js'
import type { StateEntry } from '../state.js'
import type { Plugin, PluginContext } from './plugin.js'

function keyOf(options: Record<string, unknown>, context: PluginContext): string {
  const prefix = typeof options.prefix === 'string' ? normalizePrefix(options.prefix) : context.storePrefix
  return `${prefix}${String(options.key)}`
}

function contentOf(options: Record<string, unknown>): { body: Buffer; contentType: string } {
  if (typeof options.content === 'string') return { body: Buffer.from(options.content), contentType: 'text/plain; charset=utf-8' }
  return { body: Buffer.from(`${JSON.stringify(options.content, null, 2)}\n`), contentType: 'application/json' }
}

/** `object`: a small file published to the store, e.g. releases/latest.json pointing at other tools' outputs. */
export const objectPlugin: Plugin = {
  name: 'object',

  validate(tool) {
    const { key, content } = tool.options
    if (typeof key !== 'string' || !key || key.startsWith('/') || key.split('/').includes('..')) {
      throw new ConfigError(`Tool ${tool.ref}: 'options.key' must be a relative key such as releases/latest.json.`)
    }
    if (content === undefined || content === null)
      throw new ConfigError(`Tool ${tool.ref}: 'options.content' is required (a string, or a map written as JSON).`)
  },

  async read(entry: StateEntry, context) {
    const key = keyOf(entry.options, context)
    const text = await context.store.readText(key)
    return text === undefined ? { exists: false, detail: `${context.store.url(key)} is missing` } : { exists: true }
  },

  async apply(tool, context) {
    const key = keyOf(tool.options, context)
    const { body, contentType } = contentOf(tool.options)
    await context.store.put(key, body, { size: body.length, contentType })
    return {
      built: false,
      outputs: { key, location: context.store.url(key), bytes: body.length, sha256: createHash('sha256').update(body).digest('hex') }
    }
  },

  async delete(entry, context) {
    await context.store.delete(keyOf(entry.options, context))
  }
}

import * as core from '../../runner.js'
import { READ_LIMITS } from '../../constants.js'
import { OversizedError } from '../../errors.js'
import { normalizePrefix } from '../../settings/values.js'
import { isSafeRelativePath } from '../../sets/manifest.js'
import { sha256Hex } from '../../util/digest-stream.js'
import { ConfigError } from '../errors.js'
import type { StateEntry } from '../state.js'
import { refuseUnknownOptions, type Plugin, type PluginContext } from './plugin.js'

/**
 * The object's key, checked after every template in it was resolved: a value from another tool's outputs
 * (state a keyless writer may have edited) could otherwise add `..` and lead a local store outside its root.
 */
function keyOf(options: Record<string, unknown>, context: PluginContext, ref = 'object'): string {
  const prefix = typeof options.prefix === 'string' ? normalizePrefix(options.prefix, `Tool ${ref}: 'options.prefix'`) : context.storePrefix
  const key = `${prefix}${String(options.key)}`
  if (!isSafeRelativePath(key)) {
    throw new ConfigError(
      `Tool ${ref}: its key resolves to '${key}', which is not a plain relative key (no '..', '.', empty part or leading '/'): nothing was written.`
    )
  }
  return key
}

function contentOf(options: Record<string, unknown>): { body: Buffer; contentType: string } {
  if (typeof options.content === 'string') return { body: Buffer.from(options.content), contentType: 'text/plain; charset=utf-8' }
  return { body: Buffer.from(`${JSON.stringify(options.content, null, 2)}\n`), contentType: 'application/json' }
}

/** `object`: a small file published to the store, e.g. releases/latest.json pointing at other tools' outputs. */
export const objectPlugin: Plugin = {
  name: 'object',

  validate(tool) {
    refuseUnknownOptions(tool, ['key', 'content', 'prefix'])
    const { key, content } = tool.options
    if (typeof key !== 'string' || !key || key.startsWith('/') || key.split('/').includes('..')) {
      throw new ConfigError(`Tool ${tool.ref}: 'options.key' must be a relative key such as releases/latest.json.`)
    }
    if (content === undefined || content === null)
      throw new ConfigError(`Tool ${tool.ref}: 'options.content' is required (a string, or a map written as JSON).`)
  },

  /** The object must still be there with the bytes the state recorded: one edited in the store is drift (Update). */
  async read(entry: StateEntry, context, options) {
    const key = keyOf(options, context)
    let text: string | undefined
    try {
      text = await context.store.readText(key, READ_LIMITS.state)
    } catch (error) {
      if (error instanceof OversizedError)
        return { exists: true, drifted: true, detail: `${context.store.url(key)} was replaced by a larger object` }
      throw error
    }
    if (text === undefined) return { exists: false, detail: `${context.store.url(key)} is missing` }
    const recorded = entry.resourceStatus.outputs.sha256
    if (typeof recorded === 'string' && sha256Hex(text) !== recorded) {
      return {
        exists: false,
        detail: `${context.store.url(key)} was changed in the store (SHA-256 ${sha256Hex(text).slice(0, 12)}…, the state records ${recorded.slice(0, 12)}…)`
      }
    }
    return { exists: true }
  },

  async apply(tool, context) {
    const key = keyOf(tool.options, context, tool.ref)
    const { body, contentType } = contentOf(tool.options)
    await context.store.put(key, body, { size: body.length, contentType })
    const outputs = { key, location: context.store.url(key), bytes: body.length, sha256: sha256Hex(body) }
    // A key built from [[ env ]] is recorded as the state records options: with the value as a digest.
    const stateKey = keyOf(tool.stateOptions ?? tool.options, context, tool.ref)
    return {
      built: false,
      outputs,
      stateOutputs: stateKey === key ? outputs : { ...outputs, key: stateKey, location: context.store.url(stateKey) }
    }
  },

  async delete(entry, context) {
    const key = keyOf(entry.options, context)
    if (/<env [^>]+>/.test(key)) {
      // The state holds such a key only as a digest of the value: the object cannot be named from it.
      core.warning(
        `Tool ${entry.name}.${entry.instanceID}: its key was built from [[ env ]] (${key}), so it cannot be deleted from the state alone; delete the object by hand.`
      )
      return
    }
    await context.store.delete(key)
  }
}

import { assetsPlugin } from './assets.js'
import { objectPlugin } from './object.js'
import type { Plugin } from './plugin.js'

/** The built-in plugins, by name. */
export const PLUGINS: ReadonlyMap<string, Plugin> = new Map([assetsPlugin, objectPlugin].map((plugin) => [plugin.name, plugin]))

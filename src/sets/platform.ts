import type { Manifest } from './manifest.js'

/**
 * The platform a set is built on, as manifests record it: `<os>-<arch>` such as `linux-x64`,
 * `windows-x64`, `macos-arm64`. On a runner from RUNNER_OS / RUNNER_ARCH (what `runner.os` and
 * `runner.arch` say in a workflow), elsewhere from Node's process.platform / process.arch.
 */
export function currentPlatform(
  env: NodeJS.ProcessEnv = process.env,
  platform: string = process.platform,
  arch: string = process.arch
): string {
  const os = env.RUNNER_OS
    ? env.RUNNER_OS.toLowerCase()
    : (({ win32: 'windows', darwin: 'macos' } as Record<string, string>)[platform] ?? platform)
  const cpu = env.RUNNER_ARCH ? env.RUNNER_ARCH.toLowerCase() : (({ ia32: 'x86' } as Record<string, string>)[arch] ?? arch)
  return `${os.replace(/[^a-z0-9]/g, '')}-${cpu.replace(/[^a-z0-9]/g, '')}`
}

/**
 * A set built on another platform, when this run does not accept one: the way out is a variant, or
 * cross-platform for assets that do not depend on it. Sets written before platforms were recorded match.
 */
export function otherPlatform(manifest: Manifest, request: { platform: string; crossPlatform: boolean }): string | undefined {
  return manifest.platform && manifest.platform !== request.platform && !request.crossPlatform ? manifest.platform : undefined
}

/** What to do about a set built elsewhere, in words shared by check, upload and apply. */
export function otherPlatformAdvice(platform: string, current: string): string {
  return (
    `it was built on ${platform} and this run builds on ${current}. Set 'variant' (e.g. \${{ runner.os }}-\${{ runner.arch }}) to keep ` +
    `each platform's sets apart, or 'cross-platform: true' if the assets do not depend on the platform (a JS bundle, a docs site)`
  )
}

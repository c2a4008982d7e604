import * as core from '../runner.js'
import { randomUUID } from 'node:crypto'
import { LockError } from './errors.js'
import { PreconditionFailed, type StateStorage } from './state-storage.js'

export interface LockInfo {
  readonly id: string
  readonly createdAt: string
  readonly run: { readonly id?: string; readonly workflow?: string; readonly actor?: string; readonly repository?: string }
}

export interface LockOptions {
  /** Seconds to wait for a held lock before giving up; 0 fails at once. */
  readonly timeoutSeconds: number
  /** Removes the lock with this id first (a stale lock left by a crashed run). */
  readonly forceUnlock?: string
  readonly pollMs?: number
}

/** How long ago, in words: `3 min`, `2 h 5 min`, `40 s`. */
function age(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000))
  if (seconds < 120) return `${seconds} s`
  const minutes = Math.round(seconds / 60)
  return minutes < 120 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}

/** Who holds a lock, for messages: its id, the run that took it, and how long ago. */
function describeHolder(body: string): { text: string; id?: string } {
  try {
    const info = JSON.parse(body) as LockInfo
    const run = [
      info.run?.workflow && `workflow '${info.run.workflow}'`,
      info.run?.id && `run ${info.run.id}`,
      info.run?.actor && `started by ${info.run.actor}`
    ]
      .filter(Boolean)
      .join(', ')
    return {
      id: info.id,
      text: `lock ${info.id}, taken ${age(Date.now() - Date.parse(info.createdAt))} ago (${info.createdAt}) by ${run || 'a run that did not say which'}`
    }
  } catch {
    return { text: 'a lock that cannot be read' }
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Takes `<state key>.lock` by a conditional create, then reads it back: on servers that ignore
 * If-None-Match the read-back tells who really won. A held lock waits up to the timeout, then fails naming its holder.
 */
export async function acquireLock(storage: StateStorage, options: LockOptions): Promise<LockInfo> {
  if (options.forceUnlock) {
    const held = await storage.get('lock')
    const holder = held ? describeHolder(held.body) : undefined
    if (!held) core.info(`force-unlock: no lock on ${storage.description}; nothing to remove.`)
    else if (holder?.id !== options.forceUnlock) {
      throw new LockError(
        `force-unlock '${options.forceUnlock}' does not match the ${holder?.text ?? 'lock'} on ${storage.description}; nothing was removed.`
      )
    } else {
      await storage.remove('lock')
      core.warning(`Removed the stale ${holder.text} on ${storage.description}.`)
    }
  }
  const info: LockInfo = {
    id: randomUUID(),
    createdAt: new Date().toISOString(),
    run: {
      id: process.env.GITHUB_RUN_ID,
      workflow: process.env.GITHUB_WORKFLOW,
      actor: process.env.GITHUB_ACTOR,
      repository: process.env.GITHUB_REPOSITORY
    }
  }
  const body = JSON.stringify(info)
  const deadline = Date.now() + options.timeoutSeconds * 1000
  for (;;) {
    // Look first: a server that ignores If-None-Match would otherwise let us overwrite a held lock.
    const held = await storage.get('lock')
    if (!held) {
      try {
        await storage.put('lock', body, { ifNoneMatch: true })
        const readBack = await storage.get('lock')
        if (readBack?.body === body) return info
      } catch (error) {
        if (!(error instanceof PreconditionFailed)) throw error
      }
    }
    const current = held ?? (await storage.get('lock'))
    const holder = current ? describeHolder(current.body) : { text: 'a lock that vanished' }
    if (Date.now() >= deadline) {
      throw new LockError(
        `The state ${storage.description} is locked: ${holder.text}. Wait for that run, or raise 'lock-timeout'; ` +
          (holder.id
            ? `if that run is gone (killed before it could release the lock), re-run with 'force-unlock: ${holder.id}'.`
            : `if no run holds it, delete the lock object by hand.`)
      )
    }
    core.info(`Waiting for the state lock (${holder.text})…`)
    await sleep(Math.min(options.pollMs ?? 5000, Math.max(0, deadline - Date.now())))
  }
}

/** Removes the lock if it is still ours. */
export async function releaseLock(storage: StateStorage, info: LockInfo): Promise<void> {
  const held = await storage.get('lock')
  if (held && describeHolder(held.body).id === info.id) await storage.remove('lock')
}

import * as core from '../runner.js'
import { CLAIMS_FOLDER } from '../constants.js'
import type { Store, StoredObject } from '../stores/store.js'
import { throwIfCancelled } from '../util/cancellation.js'
import { randomHex } from '../util/random.js'

/**
 * Who may write a set. Every run that writes a set (an upload, a promotion, the code-hash copy) first
 * claims it, writes only while it holds the claim, and releases it when done; a run that finds the set
 * claimed waits, and when the holder stored the set meanwhile it says so and writes nothing.
 *
 * A claim is Lamport's bakery over object names under `<set>.claims/`, which needs nothing of the store
 * but puts and a listing that shows what was written (every S3 and GCS bucket, a directory) — no
 * conditional headers (s3rver and some S3-compatible servers ignore them): announce `c-<id>` (choosing),
 * take a ticket one above every ticket listed, write `t-<ticket>-<id>`; then wait while a run is choosing
 * (its `c-` without a ticket) or holds a smaller (ticket, id); release by deleting both (one request).
 * No two runs hold a set at once. A role without s3:DeleteObject (check and upload need none otherwise)
 * releases by writing `r-<id>` instead, and leaves those few bytes for prune to delete with the set. A
 * holder renews its ticket (rewrites it) every quarter lease; a claim not renewed for a lease — its run was
 * killed — is passed over. Ages are the store's own Last-Modified times, compared with this run's own
 * ticket in the same listing, so clocks never need to agree.
 */

/** How long a claim stands without renewal before others pass it over (SAM_CLAIM_LEASE_SECONDS for tests). */
function leaseMs(): number {
  const seconds = Number(process.env.SAM_CLAIM_LEASE_SECONDS)
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 60) * 1000
}

const TICKET = /^t-(\d{12})-([0-9a-f]{16})$/
const CHOOSING = /^c-([0-9a-f]{16})$/
const RELEASED = /^r-([0-9a-f]{16})$/

export interface SetClaim {
  /** Stops renewing and marks the claim released; never throws (a claim left behind ages out). */
  release(): Promise<void>
}

export type ClaimOutcome = { readonly held: SetClaim } | { readonly storedMeanwhile: true }

export interface ClaimOptions {
  /** Whether the set was stored (whole) while this run waited: then it claims nothing. */
  readonly storedMeanwhile: () => Promise<boolean>
  /** What the set is, for the waiting line in the log. */
  readonly what: string
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Who holds a claim, for the log: the run that wrote it, as far as the claim says. */
function holderText(claim: { run?: { id?: string; workflow?: string; actor?: string } } | undefined): string {
  const run = claim?.run
  const parts = [run?.workflow && `workflow '${run.workflow}'`, run?.id && `run ${run.id}`, run?.actor && `started by ${run.actor}`]
  return parts.filter(Boolean).join(', ') || 'another run'
}

/** Claims the set under `setPrefix` (see the top of this file); waits while another run holds it. */
export async function claimSet(store: Store, setPrefix: string, options: ClaimOptions): Promise<ClaimOutcome> {
  const lease = leaseMs()
  const directory = `${setPrefix}${CLAIMS_FOLDER}`
  const id = randomHex(8)
  const body = Buffer.from(
    `${JSON.stringify({
      id,
      run: { id: process.env.GITHUB_RUN_ID, workflow: process.env.GITHUB_WORKFLOW, actor: process.env.GITHUB_ACTOR }
    })}\n`
  )
  const write = (name: string, evenIfCancelled = false): Promise<unknown> =>
    store.put(directory + name, body, { size: body.length, contentType: 'application/json', evenIfCancelled })
  /** Each run's newest state in a listing: choosing, holding a ticket, or released; and when it last wrote. */
  const parse = (listing: readonly StoredObject[]) => {
    const runs = new Map<string, { ticket?: number; released: boolean; at: number; name: string }>()
    for (const object of listing) {
      const name = object.key.slice(directory.length)
      const match = TICKET.exec(name) ?? CHOOSING.exec(name) ?? RELEASED.exec(name)
      if (!match) continue
      const runId = match.length === 3 ? match[2]! : match[1]!
      const run = runs.get(runId) ?? { released: false, at: 0, name }
      if (name.startsWith('t-')) Object.assign(run, { ticket: Number(match[1]), name })
      if (name.startsWith('r-')) run.released = true
      run.at = Math.max(run.at, object.lastModified.getTime())
      runs.set(runId, run)
    }
    return runs
  }

  let mine: string | undefined
  /** A renewal still in flight: release waits for it, or the ticket it rewrites would outlive the delete. */
  let renewing: Promise<unknown> = Promise.resolve()
  /** Deletes this run's claim objects in one request, else (a role without s3:DeleteObject) marks them released. */
  const release = async (): Promise<void> => {
    await renewing
    const names = [`${directory}c-${id}`, ...(mine ? [directory + mine] : [])]
    const removed = await store.deleteMany(names).then(
      () => true,
      () => false
    )
    if (!removed) await write(`r-${id}`, true).catch(() => undefined)
  }

  let ticket = 0
  let renewedAt = Date.now()
  let waitedSince: number | undefined
  let pause = 200
  let runs: ReturnType<typeof parse>
  // Everything from the first write on is undone on the way out: a cancelled request may still have
  // been stored, so even a claim cut short while announcing itself is deleted.
  try {
    await write(`c-${id}`)
    runs = parse(await store.list(directory))
    ticket = 1 + Math.max(0, ...[...runs.values()].map((run) => run.ticket ?? 0))
    mine = `t-${String(ticket).padStart(12, '0')}-${id}`
    await write(mine)
    for (;;) {
      throwIfCancelled()
      runs = parse(await store.list(directory))
      const now = runs.get(id)?.at ?? Date.now()
      const ahead = [...runs.entries()].filter(
        ([runId, run]) =>
          runId !== id &&
          !run.released &&
          now - run.at <= lease &&
          (run.ticket === undefined || run.ticket < ticket || (run.ticket === ticket && runId < id))
      )
      if (ahead.length === 0) break
      if (await options.storedMeanwhile()) {
        await release()
        return { storedMeanwhile: true }
      }
      if (waitedSince === undefined) {
        waitedSince = Date.now()
        const first = ahead.find(([, run]) => run.ticket !== undefined) ?? ahead[0]!
        const holder = await store
          .readText(directory + first[1].name, 4096)
          .then((text) => (text ? (JSON.parse(text) as Parameters<typeof holderText>[0]) : undefined))
          .catch(() => undefined)
        core.info(
          `${options.what} is being written by ${holderText(holder)}: waiting for it (a claim not renewed for ${lease / 1000} s is passed over).`
        )
      }
      await sleep(pause)
      pause = Math.min(2000, Math.round(pause * 1.5))
      // A waiting run renews too: a run ahead of it must not take it for a dead one.
      if (Date.now() - renewedAt > lease / 4) {
        await write(mine!)
        renewedAt = Date.now()
      }
    }
  } catch (error) {
    await release()
    throw error
  }
  if (waitedSince !== undefined) core.info(`${options.what}: the run ahead finished without storing it; this run writes it.`)

  const ticketName = mine!
  const renew = setInterval(() => {
    renewing = write(ticketName).catch(() => undefined)
  }, lease / 4)
  renew.unref()
  return {
    held: {
      async release() {
        clearInterval(renew)
        await release()
      }
    }
  }
}

/** Runs `write` while holding the set's claim; undefined when another run stored the set while this one waited. */
export async function underClaim<T>(
  store: Store,
  setPrefix: string,
  options: ClaimOptions,
  write: () => Promise<T>
): Promise<T | undefined> {
  const outcome = await claimSet(store, setPrefix, options)
  if ('storedMeanwhile' in outcome) return undefined
  try {
    return await write()
  } finally {
    await outcome.held.release()
  }
}

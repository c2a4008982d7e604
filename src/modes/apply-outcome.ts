import type { ChangeAction } from '../apply/plan.js'

export interface PlannedChange {
  readonly key: string
  readonly action: ChangeAction
  readonly reason: string
}

/** One tool in the plan's picture: a config tool (changed or not) or a state entry to delete. */
export interface PlanNode {
  /** `name.instanceID`. */
  readonly ref: string
  readonly action: ChangeAction | 'Unchanged'
}

export interface PlanEdge {
  /** The tool depended on, which runs first. */
  readonly from: string
  readonly to: string
  /** dependsOn as written, or a `${{ tool.outputs.key }}` reference in the options. */
  readonly kind: 'dependsOn' | 'reference'
}

export interface PlanGraph {
  readonly nodes: readonly PlanNode[]
  readonly edges: readonly PlanEdge[]
}

/** Where a run stopped: the change that failed, how many were applied before it, the error's message. */
export interface ApplyFailure {
  readonly key: string
  readonly applied: number
  readonly error: string
  /** A build that failed: its command as written in the config, its exit, the end of its error output. */
  readonly build?: { readonly command: string; readonly exit: string }
}

export interface ApplyOutcome {
  readonly planOnly: boolean
  readonly changes: number
  readonly plan: readonly PlannedChange[]
  readonly graph: PlanGraph
  /** Each tool's outputs after the run (from the state for unchanged tools), by state key. */
  readonly outputs: Record<string, Record<string, unknown>>
  /** True when no tool ran a build (plan-only: when no assets tool is to be created or updated). */
  readonly found: boolean
  readonly commitHash: string
  readonly stateDescription: string
  readonly elapsedMs: number
  readonly message: string
  readonly failure?: ApplyFailure
}

/** A change failed: carries the outcome so far, so the summary can show what was applied and what failed. */
export class ApplyFailedError extends Error {
  constructor(
    message: string,
    readonly outcome: ApplyOutcome,
    options?: { cause?: unknown }
  ) {
    super(message, options)
    this.name = 'ApplyFailedError'
  }
}

import type { Severity } from '../model/severity';
import type { WalkCursor } from './walk-cursor';

/**
 * One account-region of a fleet run: one Distributed Map item, with its own quota. Only the
 * two names travel in the state machine's payload (the plan holds one per account-region); the
 * role to read it with follows from them (memberRoleOf).
 */
export interface FleetTarget {
  accountId: string;
  region: string;
}

/** What the whole run shares, decided once by the targets step. */
export interface FleetScope {
  runId: string;
  /** Epoch ms: when the run started; findings are seen and resolved at this time. */
  startedAt: string;
  trigger: 'schedule' | 'manual';
  apiIds?: string[];
  minSeverity: Severity;
  dryRun: boolean;
  /** Fewer accounts, regions, APIs or severities than the deployed configuration. */
  narrowed: boolean;
}

/**
 * The state of one map item as it moves through the item's states: the walk step adds and
 * advances `cursor`; a caught error adds `failure` (Step Functions' `{Error, Cause}`).
 */
export interface FleetItem {
  scope: FleetScope;
  target: FleetTarget;
  cursor?: WalkCursor;
  failure?: { Error?: string; Cause?: string };
}

/**
 * The state table partition of one account-region's findings (state-table.ts): the fleet's
 * items and the change audits of fleet mode track the same account-region in the same place.
 */
export function statePartitionOf(accountId: string, region: string): string {
  return `${accountId}/${region}`;
}

/** Where one item's outcome is kept for the run's digest step. */
export function outcomeKey(runId: string, target: FleetTarget): string {
  return `runs/${runId}/outcomes/${target.accountId}/${target.region}.json`;
}

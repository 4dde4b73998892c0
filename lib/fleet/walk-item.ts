import type { CollectOptions } from '../collect/collect-account';
import type { FleetItem } from './fleet-item';
import type { FleetSettings } from './fleet-settings';
import { fleetCredentials } from './member-credentials';
import { walkPrefix, type WalkCursor } from './walk-cursor';
import { walkStep } from './walk-step';
import type { WalkStore } from './walk-store';

/**
 * How an invocation spends its time: APIs start during the first 40 % of it, so that those in
 * flight (at most 8, of at most ~600 calls each at the shared 10/s) finish in the rest; the
 * deadline aborts what is left a little before Lambda's end, and those APIs are read again
 * by the next invocation.
 */
const STARTING_SHARE = 0.4;
const MAX_DEADLINE_RESERVE_MS = 30_000;

export interface WalkWindow {
  stopStartingAt: number;
  deadline: number;
}

export function walkWindow(now: number, remainingMs: number): WalkWindow {
  return { stopStartingAt: now + remainingMs * STARTING_SHARE, deadline: now + remainingMs - Math.min(MAX_DEADLINE_RESERVE_MS, remainingMs / 10) };
}

/**
 * One invocation of an item's walk step: assume the member role (an error here is caught by
 * the state machine and recorded for the item), then continue the walk from the cursor. The
 * window is by the pace's clock: the system's, but the fleet simulation runs time faster (a
 * scaled clock and retry backoff beside a scaled quota).
 */
export async function walkItem(item: FleetItem, settings: FleetSettings, store: WalkStore, window: WalkWindow, pace: Pick<CollectOptions, 'clock' | 'backoff'> = {}): Promise<WalkCursor> {
  const { scope, target } = item;
  const cursor = item.cursor ?? { prefix: walkPrefix(scope.runId, target.accountId, target.region), invocations: 0, done: false };
  const credentials = await fleetCredentials(target, settings, scope.runId);
  return walkStep(cursor, store, {
    region: target.region,
    ...window,
    ...(scope.apiIds === undefined ? {} : { apiIds: scope.apiIds }),
    ...(settings.maxRate === undefined ? {} : { ratePerSecond: settings.maxRate }),
    ...(credentials === undefined ? {} : { credentials }),
    ...pace,
  });
}

import type { CollectResult, CollectStats } from '../collect/collect-account';
import type { WalkCursor } from './walk-cursor';
import { readPart } from './walk-step';
import type { WalkStore } from './walk-store';

/**
 * A finished walk's parts as one collector result, as if one uninterrupted walk had read the
 * account-region: APIs in listing order (each part continues where the one before stopped),
 * the first part's capture time, every error and warning, the counts summed.
 */
export async function readWalk(store: WalkStore, cursor: WalkCursor): Promise<CollectResult> {
  if (!cursor.done) throw new Error(`${cursor.prefix}: the walk is not done after ${cursor.invocations} invocations; it cannot be evaluated`);
  const result: CollectResult = { snapshot: { version: 1, apis: [] }, errors: [], warnings: [], complete: true, selected: [], unreached: [], remaining: [], deleted: [], stats: { calls: 0, throttled: 0, retries: 0, notFound: 0 } };
  for (let invocation = 0; invocation < cursor.invocations; invocation += 1) {
    const part = await readPart(store, cursor, invocation);
    // The walk's capture time is its listing's: the first part that is not a cut-off listing.
    if (result.snapshot.capturedAt === undefined && part.relist !== true) result.snapshot = { ...result.snapshot, region: part.region, capturedAt: part.capturedAt };
    // Loops, not push(...spread): a part holds as many APIs as the account has.
    for (const api of part.apis) result.snapshot.apis.push(api);
    for (const apiId of part.selected) result.selected.push(apiId);
    for (const error of part.errors) result.errors.push(error);
    for (const warning of part.warnings) result.warnings.push(warning);
    addStats(result.stats, part.stats);
  }
  result.complete = result.errors.length === 0;
  return result;
}

function addStats(total: CollectStats, part: Partial<CollectStats>): void {
  total.calls += part.calls ?? 0;
  total.throttled += part.throttled ?? 0;
  total.retries += part.retries ?? 0;
  total.notFound += part.notFound ?? 0;
}

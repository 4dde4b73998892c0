import type { FleetTarget } from './fleet-item';
import type { ItemOutcome } from './item-outcome';
import type { WalkStore } from './walk-store';

/**
 * API Gateway calls each account-region's last walk took, kept between runs in the walk bucket
 * (it expires with the bucket's other objects: a fleet that runs less often than that is
 * planned in listing order). The largest account-region bounds the run: started last, it would
 * add its whole walk after everything else; started first, it runs beside the others.
 */
export const WALK_SIZES_KEY = 'fleet/walk-sizes.json';

export type WalkSizes = Record<string, number>;

const placeOf = (target: Pick<FleetTarget, 'accountId' | 'region'>) => `${target.accountId}/${target.region}`;

/** The largest first; account-regions never walked before (they may be large) before all of them. Stable otherwise. */
export function largestFirst(targets: readonly FleetTarget[], sizes: WalkSizes): FleetTarget[] {
  const size = (target: FleetTarget) => sizes[placeOf(target)] ?? Number.POSITIVE_INFINITY;
  // Two never-walked ones give Infinity − Infinity, NaN: `|| 0` keeps their order.
  return [...targets].sort((a, b) => size(b) - size(a) || 0);
}

/** The last run's sizes; none when there is no record yet (or it expired, or it cannot be read: the order is only an optimisation). */
export async function readWalkSizes(store: WalkStore): Promise<WalkSizes> {
  try {
    const value = await store.get(WALK_SIZES_KEY);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1])));
  } catch {
    return {};
  }
}

/** The sizes after a run: what it walked replaces what was known, the rest stays (a narrowed run walks a part). */
export function updatedWalkSizes(previous: WalkSizes, outcomes: readonly ItemOutcome[]): WalkSizes {
  const sizes = { ...previous };
  for (const outcome of outcomes) if (outcome.status !== 'failed') sizes[placeOf(outcome)] = outcome.calls;
  return sizes;
}

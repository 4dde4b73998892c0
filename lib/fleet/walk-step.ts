import { systemClock } from '../collect/clock';
import { collectAccount, type CollectOptions, type CollectResult, type CollectStats, type CollectWarning, type ListedApi } from '../collect/collect-account';
import { apiArn } from '../model/arn';
import type { AuditError } from '../model/finding';
import type { SnapshotApi } from '../model/snapshot';
import { partKey, type WalkCursor } from './walk-cursor';
import type { WalkStore } from './walk-store';

/**
 * Walk invocations an item may take. An API that cannot be read within one invocation (the
 * deadline cuts it off every time) would loop forever; at this many it is an error instead.
 * 20 × 15 minutes is 5 hours at the quota, 180,000 calls: past any account AWS allows.
 */
export const MAX_WALK_INVOCATIONS = 20;

/** What one walk invocation read, as stored in the walk bucket. */
export interface WalkPart {
  region: string;
  capturedAt: string;
  apis: SnapshotApi[];
  /** The APIs this invocation set out to read and did not hand on (read, failed or deleted). */
  selected: string[];
  errors: AuditError[];
  warnings: CollectWarning[];
  /** The APIs the next invocation reads (none: the walk is done). */
  remaining: ListedApi[];
  /** The deadline cut this invocation's listing of the APIs: the next one lists them again. */
  relist?: boolean;
  stats: CollectStats;
}

export type WalkStepOptions = Omit<CollectOptions, 'continueWith' | 'stopStartingAt'> & {
  /** No API starts at or after it (epoch ms by the walk's clock); the rest waits for the next invocation. */
  stopStartingAt: number;
};

/**
 * One walk invocation of a fleet item: continue from the cursor's last part (or list the APIs
 * on the first), read APIs until `stopStartingAt`, store what was read as the next part, and
 * return the cursor after it. APIs the deadline cut off mid-read go back to the remaining
 * ones, read again next time instead of lost; a listing it cut off is listed again.
 */
export async function walkStep(cursor: WalkCursor, store: WalkStore, options: WalkStepOptions): Promise<WalkCursor> {
  if (cursor.done) return cursor;
  const previous = cursor.invocations === 0 ? undefined : await readPart(store, cursor, cursor.invocations - 1);
  // The first invocation lists the APIs, and so does the one after a listing the deadline cut.
  const listsApis = previous === undefined || previous.relist === true;
  const result = await collectAccount({ ...options, ...(listsApis ? {} : { continueWith: previous.remaining }) });
  const retried = new Set(result.unreached);
  const last = cursor.invocations + 1 >= MAX_WALK_INVOCATIONS;
  if (!last && listsApis && listingWasCut(result, options)) {
    const relist: WalkPart = { region: options.region, capturedAt: result.snapshot.capturedAt ?? new Date().toISOString(), apis: [], selected: [], errors: [], warnings: [], remaining: [], stats: result.stats, relist: true };
    await store.put(partKey(cursor, cursor.invocations), relist);
    return { prefix: cursor.prefix, invocations: cursor.invocations + 1, done: false };
  }
  const errors = last ? result.errors : result.errors.filter((error) => error.apiId === undefined || !retried.has(error.apiId));
  if (last) {
    for (const api of result.remaining.filter((candidate) => !retried.has(candidate.ApiId))) {
      errors.push({ source: 'collector', operation: 'GetIntegrations', apiId: api.ApiId, arn: apiArn(options.region, api.ApiId), message: `not read within ${MAX_WALK_INVOCATIONS} walk invocations; the API was not audited` });
    }
  }
  const handedOn = new Set(result.remaining.map((api) => api.ApiId));
  const part: WalkPart = {
    region: options.region,
    capturedAt: (previous?.relist === true ? undefined : previous?.capturedAt) ?? result.snapshot.capturedAt ?? new Date().toISOString(),
    apis: result.snapshot.apis,
    selected: result.selected.filter((apiId) => last || !handedOn.has(apiId)),
    errors,
    warnings: result.warnings,
    remaining: last ? [] : result.remaining,
    stats: result.stats,
  };
  await store.put(partKey(cursor, cursor.invocations), part);
  return { prefix: cursor.prefix, invocations: cursor.invocations + 1, done: part.remaining.length === 0 };
}

/**
 * A listing that read no API and failed once the deadline had passed was cut by the deadline
 * (or by a call it aborted): the next invocation lists again instead of reporting the account
 * unreadable.
 */
function listingWasCut(result: CollectResult, options: WalkStepOptions): boolean {
  const listingFailed = result.errors.some((error) => error.operation === 'GetApis' && error.apiId === undefined);
  const pastDeadline = (options.clock ?? systemClock).now() >= (options.deadline ?? Number.POSITIVE_INFINITY);
  return result.selected.length === 0 && listingFailed && pastDeadline;
}

/** One stored part, its shape checked: a bucket object that does not fit names its key. */
export async function readPart(store: WalkStore, cursor: WalkCursor, invocation: number): Promise<WalkPart> {
  const key = partKey(cursor, invocation);
  const value = await store.get(key);
  if (!isWalkPart(value)) throw new Error(`${key}: not a walk part (region, capturedAt, apis, selected, errors, warnings, remaining and stats expected)`);
  return value;
}

function isWalkPart(value: unknown): value is WalkPart {
  if (typeof value !== 'object' || value === null) return false;
  const part = value as Record<string, unknown>;
  return (
    typeof part['region'] === 'string' &&
    typeof part['capturedAt'] === 'string' &&
    ['apis', 'selected', 'errors', 'warnings', 'remaining'].every((field) => Array.isArray(part[field])) &&
    typeof part['stats'] === 'object' &&
    part['stats'] !== null
  );
}

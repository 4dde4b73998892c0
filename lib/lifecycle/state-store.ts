import type { FindingRecord } from './finding-record';
import type { SuppressionMark } from '../suppressions/suppression-use';

/** What the state holds: finding records, suppression marks and when the last run was saved. */
export interface StoredState {
  /** ISO-8601; absent before the first run, which is how a first run is told apart. */
  lastRunAt?: string;
  findings: readonly FindingRecord[];
  suppressions: readonly SuppressionMark[];
}

/** No history: what a run without a store (or after the store failed) classifies against. */
export const NO_STATE: StoredState = { findings: [], suppressions: [] };

/**
 * Where finding state lives between runs. `load` returns the records of the given regions
 * (not the whole table) plus the marks and the last run; `save` writes records and marks
 * as they are now and never deletes: old items leave through their `expiresAt`.
 */
export interface StateStore {
  load(regions: readonly string[]): Promise<StoredState>;
  save(state: StoredState): Promise<void>;
}

/**
 * The store could not be read or written (table missing, no permission, unreachable,
 * throttled past the retries, an item that does not fit). The run's findings are still
 * valid: a caller logs them, alerts without change tracking, and says tracking failed.
 */
export class StateStoreError extends Error {
  override name = 'StateStoreError';

  constructor(
    message: string,
    /** `deadline`: the load or the save had not finished when change tracking's time ran out. */
    readonly operation: 'load' | 'save' | 'deadline',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

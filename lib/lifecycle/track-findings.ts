import { classifyRun, type RunInput, type TrackedRun } from './classify-run';
import { regionOf } from './finding-record';
import type { StateStore } from './state-store';

export interface TrackFindingsInput extends RunInput {
  store: StateStore;
  /** Classify against the state but write nothing (a dry run): the next real run still reports these changes. */
  readOnly?: boolean;
}

/**
 * One run's change tracking, the call the Lambda makes once per run: load the state of the
 * regions the run touched, classify, save. A store failure rejects with a StateStoreError;
 * the caller can then fall back to `classifyRun(NO_STATE, input)` (suppressions still apply,
 * nothing is resolved) and alert every finding with a note that tracking failed.
 */
export async function trackFindings({ store, readOnly = false, ...input }: TrackFindingsInput): Promise<TrackedRun> {
  const regions = new Set([...input.coverage.regions.map((region) => region.region), ...input.findings.map(regionOf)]);
  const previous = await store.load([...regions]);
  const { run, writes } = classifyRun(previous, input);
  if (!readOnly) await store.save(writes);
  return run;
}

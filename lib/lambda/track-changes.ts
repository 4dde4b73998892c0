import type { AuditInput, AuditResult } from '../engine/audit-result';
import { classifyRun, type Lifecycle, type RunInput, type TrackedRun } from '../lifecycle/classify-run';
import { coverageOf, type RunScope } from '../lifecycle/coverage';
import { NO_STATE, StateStoreError } from '../lifecycle/state-store';
import { trackFindings } from '../lifecycle/track-findings';
import type { AuditRequest } from './audit-request';
import type { TrackingSetup } from './tracking-setup';

/** Whether this run's findings were compared with the previous runs'. */
export type ChangeTracking = { status: 'on' } | { status: 'off' } | { status: 'failed'; error: StateStoreError };

export interface TrackedAudit {
  /**
   * The run's findings classified. Without tracking (off or failed) it is classified against
   * no history: suppressions still apply, nothing is resolved, and every other finding counts
   * as new, which is why `tracking` must be read before `run.firstRun` or a lifecycle.
   */
  run: TrackedRun;
  tracking: ChangeTracking;
}

export interface TrackChangesInput {
  inputs: readonly AuditInput[];
  result: AuditResult;
  request: AuditRequest;
  now: Date;
  retentionDays: number;
  /** How long the table may take, load and save together, before the run goes on without it. */
  timeoutMs: number;
  /** Named APIs found deleted (a change audit after DeleteApi): their findings are resolved. */
  deletedApis?: RunScope['deletedApis'];
}

/**
 * Classifies the run against the state table, and saves the new state unless it is a dry run.
 * The coverage comes from what the run read and every error it met, so a finding on an API or
 * a region the run could not read is never resolved. A table that fails (missing, denied,
 * unreachable, or slower than `timeoutMs`) does not fail the run, nor does anything else that
 * goes wrong here: the findings are still valid, still logged and still alerted.
 */
export async function trackChanges(setup: TrackingSetup, { inputs, result, request, now, retentionDays, timeoutMs, deletedApis }: TrackChangesInput): Promise<TrackedAudit> {
  const runInput: RunInput = {
    findings: result.findings,
    coverage: coverageOf(inputs, result.errors, { narrowed: request.narrowed, minSeverity: request.minSeverity, ...(deletedApis === undefined ? {} : { deletedApis }) }),
    suppressions: setup.suppressions,
    now,
    retentionDays,
  };
  if (setup.store === undefined) return { run: classifyRun(NO_STATE, runInput).run, tracking: { status: 'off' } };
  let timer: NodeJS.Timeout | undefined;
  const outOfTime = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new StateStoreError(`change tracking did not finish within ${Math.round(timeoutMs / 1000)} s (the state table is slow or unreachable)`, 'deadline')), timeoutMs);
  });
  try {
    const run = await Promise.race([trackFindings({ store: setup.store, readOnly: request.dryRun, ...runInput }), outOfTime]);
    return { run, tracking: { status: 'on' } };
  } catch (error) {
    const failure = error instanceof StateStoreError ? error : new StateStoreError(`change tracking failed: ${error instanceof Error ? error.message : String(error)}`, 'load', { cause: error });
    return { run: classifyRun(NO_STATE, runInput).run, tracking: { status: 'failed', error: failure } };
  } finally {
    clearTimeout(timer);
  }
}

/** A run's change tracking in numbers: the summary line, the metrics and the invoke response. */
export interface TrackingSummary {
  status: ChangeTracking['status'];
  /** Why tracking failed. */
  error?: string;
  /** Only when tracking is on: without history every finding would count as new. */
  lifecycle?: { new: number; open: number; reopened: number; resolved: number };
  /** Suppressions apply with or without tracking. */
  suppressed: number;
  expiredSuppressions: number;
  staleSuppressions: number;
}

export function trackingSummary({ run, tracking }: TrackedAudit): TrackingSummary {
  const count = (lifecycle: Lifecycle) => run.classified.filter((classified) => classified.lifecycle === lifecycle).length;
  return {
    status: tracking.status,
    ...(tracking.status === 'failed' ? { error: tracking.error.message } : {}),
    ...(tracking.status === 'on'
      ? { lifecycle: { new: count('new'), open: count('open'), reopened: count('reopened'), resolved: run.changes.filter((change) => change.kind === 'resolved').length } }
      : {}),
    suppressed: count('suppressed'),
    expiredSuppressions: run.expiredSuppressions.length,
    staleSuppressions: run.staleSuppressions.length,
  };
}

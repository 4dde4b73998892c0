import type { Logger } from '@aws-lambda-powertools/logger';
import type { SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { runAudit } from '../engine/audit-result';
import type { AuditError } from '../model/finding';
import type { AuditRequest } from '../lambda/audit-request';
import { planDigest } from '../lambda/digest-plan';
import { logFindings, logLifecycle } from '../lambda/run-log';
import { exportToSecurityHub } from '../lambda/security-hub-export';
import { trackChanges, trackingSummary } from '../lambda/track-changes';
import type { TrackingSetup } from '../lambda/tracking-setup';
import { createDynamoStateStore } from '../lifecycle/dynamo-state-store';
import { outcomeKey, statePartitionOf, type FleetItem } from './fleet-item';
import type { FleetSettings } from './fleet-settings';
import { failedOutcome, type ItemOutcome, type ItemResult } from './item-outcome';
import { fleetCredentials } from './member-credentials';
import { readWalk } from './read-walk';
import type { WalkStore } from './walk-store';

export interface AuditItemDependencies {
  settings: FleetSettings;
  store: WalkStore;
  logger: Logger;
  /** The suppressions shipped with the stack, loaded once per container. */
  suppressions: () => Promise<TrackingSetup['suppressions']>;
  /** Security Hub in the item's region with the member role's credentials (param securityHub). */
  securityHub: (region: string, deadline: number, credentials: AwsCredentialIdentityProvider | undefined) => SecurityHubClient;
  /** Epoch ms at which the invocation must be done with the export. */
  exportDeadline: number;
}

/** Change tracking's limit per item: the table answers in milliseconds; 30 s means it is failing. */
const TRACKING_TIMEOUT_MS = 30_000;

/**
 * The item's last step, after its walk: what the single-account function does with one
 * region, with the same lib code: evaluate, log every finding (each line carries the account
 * and region), track changes in the item's own partition of the state table, log where each
 * finding stands, export to Security Hub with the member role when enabled, and plan what this
 * account-region adds to the run's digest. Or, for an item whose walk failed (`failure`),
 * record why. The outcome goes to the walk bucket for the digest step; the small result is
 * returned to the state machine.
 */
export async function auditItem(item: FleetItem, deps: AuditItemDependencies): Promise<ItemResult> {
  const { scope, target } = item;
  const { settings, logger } = deps;
  logger.appendKeys({ runId: scope.runId, runStartedAt: scope.startedAt, accountId: target.accountId, region: target.region });
  const outcome = item.failure !== undefined || item.cursor === undefined ? failedOutcome(target, failureReason(item.failure), item.cursor?.invocations ?? 0) : await audit(item, deps);
  await deps.store.put(outcomeKey(scope.runId, target), outcome);
  const { summary: _summary, changeTracking: _tracking, digest: _digest, ...result } = outcome;
  logger.info(`account-region ${outcome.status}`, { kind: 'fleet-item', ...result });
  return result;
}

async function audit(item: FleetItem, deps: AuditItemDependencies): Promise<ItemOutcome> {
  const { scope, target } = item;
  const { settings, logger } = deps;
  const cursor = item.cursor;
  if (cursor === undefined) throw new Error('unreachable: an item without a cursor is recorded as failed');
  const collected = await readWalk(deps.store, cursor);
  const listing = collected.errors.find((error) => error.operation === 'GetApis' && error.apiId === undefined);
  const walked = { walkInvocations: cursor.invocations, calls: collected.stats.calls };
  if (listing !== undefined) {
    logger.error(listing.message, { kind: 'audit-error', ...listing });
    return failedOutcome(target, listing.message, walked.walkInvocations, walked.calls);
  }
  const now = new Date(scope.startedAt);
  const request: AuditRequest = {
    trigger: scope.trigger,
    accountId: target.accountId,
    regions: [target.region],
    ...(scope.apiIds === undefined ? {} : { apiIds: scope.apiIds }),
    minSeverity: scope.minSeverity,
    dryRun: scope.dryRun,
    narrowed: scope.narrowed,
  };
  const inputs = [{ snapshot: { ...collected.snapshot, accountId: target.accountId }, errors: collected.errors, complete: collected.complete }];
  const result = runAudit(inputs, settings.rules, request.minSeverity);
  // Every finding has its line before anything that can stall or fail.
  logFindings(logger, result, collected.warnings);
  const setup: TrackingSetup = {
    suppressions: await deps.suppressions(),
    ...(settings.stateTable === undefined ? {} : { store: createDynamoStateStore(settings.stateTable, statePartitionOf(target.accountId, target.region)) }),
  };
  const tracked = await trackChanges(setup, { inputs, result, request, now, retentionDays: settings.retentionDays, timeoutMs: TRACKING_TIMEOUT_MS });
  logLifecycle(logger, result, tracked, now);
  let exportErrors = 0;
  if (settings.securityHub && !request.dryRun) {
    const credentials = await fleetCredentials(target, settings, scope.runId);
    exportErrors = (await exportToSecurityHub(tracked.run, now, (region) => deps.securityHub(region, deps.exportDeadline, credentials), logger)).errors;
  }
  const digest = planDigest(tracked, settings.alertMode, settings.alertThreshold);
  return {
    accountId: target.accountId,
    region: target.region,
    status: result.summary.complete ? 'audited' : 'incomplete',
    ...(result.summary.complete ? {} : { reason: incompleteReason(result.errors) }),
    apisAudited: result.summary.apisAudited,
    findings: result.summary.findings,
    errors: result.errors.length + exportErrors + (tracked.tracking.status === 'failed' ? 1 : 0),
    ...walked,
    summary: result.summary,
    changeTracking: trackingSummary(tracked),
    ...(digest === undefined ? {} : { digest }),
  };
}

function incompleteReason(errors: readonly AuditError[]): string {
  const [first] = errors;
  const text = `${errors.length} ${errors.length === 1 ? 'error' : 'errors'}${first === undefined ? '' : `, the first: ${[first.operation, first.apiId].filter(Boolean).join(' ')}: ${first.message}`}`;
  return clipReason(text);
}

function clipReason(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 299)}…` : flat;
}

/** The error message of a caught step failure, never its stack trace (Lambda puts it in Cause). */
export function failureReason(failure: FleetItem['failure']): string {
  if (failure === undefined) return 'the walk did not run';
  let message = failure.Cause ?? '';
  try {
    const cause = JSON.parse(message) as { errorMessage?: unknown };
    if (typeof cause.errorMessage === 'string') message = cause.errorMessage;
  } catch {
    // Not Lambda's JSON: a Step Functions error such as States.Timeout has a plain cause.
  }
  return clipReason(`${failure.Error ?? 'Error'}: ${message}`);
}

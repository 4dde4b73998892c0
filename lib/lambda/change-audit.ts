import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse } from 'aws-lambda';
import { groupChanges, type ChangeGroup, type QueueMessage } from '../change/change-batch';
import { redact } from '../model/redact';
import type { AuditRequest } from './audit-request';
import { runAuditRequest, type AuditRunDependencies } from './audit-run';
import type { AuditResponse } from './invoke-response';

/**
 * The most API Gateway requests/s one change audit sends: a quarter of the account-region's
 * quota (10/s). The event source mapping runs at most 2 change audits at once
 * (maximumConcurrency in serverless.yml, the least SQS allows), so together they take at most
 * half of the quota, and the scheduled walk, which backs off when throttled, keeps the rest.
 * A change names a handful of APIs: a few dozen calls, seconds at this rate.
 */
export const CHANGE_AUDIT_MAX_RATE = 2.5;

/**
 * Calls listed on a change-audit line: a batch from the queue holds at most 100 (the event
 * source mapping's batch size); a larger manual invoke must not make a line CloudWatch would cut.
 */
const MAX_LOGGED_CALLS = 100;

/** What the event source mapping delivers: SQS messages, each the body of one EventBridge event. */
export interface QueueEvent {
  Records: (QueueMessage & { eventSource: 'aws:sqs' })[];
}

/**
 * How change audits reach accounts other than the function's own: only in fleet mode
 * (lib/fleet/fleet-change-access.ts, packaged with functions/audit-in-fleet.ts), where member
 * accounts forward their changes to this account's bus.
 */
export interface ChangeAccess {
  /**
   * The run's dependencies for auditing one account-region (its credentials, its state
   * partition, its Security Hub export), or why this deployment does not audit that account.
   * Rejects when the account's role cannot be assumed. `runId` names the role session.
   */
  open(accountId: string, region: string, deps: AuditRunDependencies, runId: string): Promise<{ deps: AuditRunDependencies } | { refusal: string }>;
}

/**
 * Whether the event is a batch from an SQS event source mapping; anything else is the
 * scheduled or manual run's event, checked there.
 */
export function isQueueEvent(event: unknown): event is QueueEvent {
  const records: unknown = typeof event === 'object' && event !== null ? (event as Record<string, unknown>)['Records'] : undefined;
  return (
    Array.isArray(records) &&
    records.length > 0 &&
    records.every((record: unknown) => {
      const fields = typeof record === 'object' && record !== null ? (record as Record<string, unknown>) : {};
      return fields['eventSource'] === 'aws:sqs' && typeof fields['messageId'] === 'string' && typeof fields['body'] === 'string';
    })
  );
}

/**
 * A batch of CloudTrail change events from the queue: one narrowed audit per account and
 * region, of exactly the APIs the calls named (lib/lifecycle's narrowed-run rules: nothing
 * else is resolved or reopened; an API found deleted has its findings resolved). Audits run
 * one after the other, each with what is left of the invocation's time.
 *
 * A message comes back (a batch item failure: SQS delivers it again, and after the queue's
 * maxReceiveCount moves it to the dead-letter queue, where it is kept) when it is not a change
 * event, when this deployment cannot audit its account or region, or when its audit failed or
 * was incomplete: a change whose API was not read completely is not done with. Each such case
 * is an `audit-error` line and counts in AuditErrors, so the audit-errors alarm fires.
 */
export async function auditChangesFromLambda(event: QueueEvent, context: Context, deps: AuditRunDependencies, access?: ChangeAccess): Promise<SQSBatchResponse> {
  const { logger, metrics, settings } = deps;
  const { groups, rejected } = groupChanges(event.Records);
  const failed: string[] = [];
  const fail = (messageIds: readonly string[], message: string, facts: Record<string, unknown>) => {
    logger.error(message, { kind: 'audit-error', source: 'change-event', ...facts });
    metrics.addMetric('AuditErrors', MetricUnit.Count, 1);
    for (const messageId of messageIds) failed.push(messageId);
  };
  for (const { messageId, reason } of rejected) fail([messageId], reason, { messageId });

  for (const group of groups) {
    const where = { accountId: group.accountId, region: group.region, apiIds: group.apiIds };
    let opened: { deps: AuditRunDependencies } | { refusal: string };
    try {
      opened = await openGroup(group, context, deps, access);
    } catch (error) {
      fail(group.messageIds, `change audit not started: ${error instanceof Error ? error.message : String(error)}`, where);
      continue;
    }
    if ('refusal' in opened) {
      fail(group.messageIds, opened.refusal, where);
      continue;
    }
    const request: AuditRequest = {
      trigger: 'change',
      accountId: group.accountId,
      regions: [group.region],
      apiIds: group.apiIds,
      minSeverity: settings.minSeverity,
      dryRun: false,
      narrowed: true,
      maxRate: CHANGE_AUDIT_MAX_RATE,
    };
    let response: AuditResponse;
    try {
      response = await runAuditRequest(request, context, opened.deps, group.changes);
    } catch (error) {
      // The findings are in the logs already (runAuditRequest logs them before it alerts).
      fail(group.messageIds, `change audit failed: ${error instanceof Error ? error.message : String(error)}`, where);
      continue;
    }
    logChangeAudit(deps, group, response);
    if (!response.summary.complete) fail(group.messageIds, 'change audit incomplete: the changed APIs were not all read; the events will be delivered again', where);
  }
  // What is left (this batch's errors, the last audit's latency) is flushed by the logMetrics middleware.
  return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
}

/**
 * The dependencies a group is audited with, or why this deployment cannot audit it. Without
 * fleet mode the function's role reads API Gateway only in its own account and the configured
 * regions; in fleet mode, also in the fleet's accounts, with their member role. An event from
 * elsewhere (another account, another region's bus) waits in the queue, then the dead-letter
 * queue, rather than being audited against the wrong account or dropped.
 */
async function openGroup(group: ChangeGroup, context: Context, deps: AuditRunDependencies, access: ChangeAccess | undefined): Promise<{ deps: AuditRunDependencies } | { refusal: string }> {
  const { settings } = deps;
  if (!settings.regions.includes(group.region)) return { refusal: `change events from ${group.region}: this deployment audits ${settings.regions.join(', ')} (AUDIT_REGIONS)` };
  if (access !== undefined) return access.open(group.accountId, group.region, deps, `change-${context.awsRequestId}`);
  if (group.accountId !== settings.accountId) return { refusal: `change events from account ${group.accountId}: this deployment audits account ${settings.accountId} only` };
  return { deps };
}

/**
 * One `change-audit` line per audit: the calls, and how long after the first of them the
 * audit ended. `changeToAlertSeconds`, also the EMF metric ChangeToAlertSeconds, is the time
 * from the first call's eventTime to the digest's publication, when one was published.
 */
function logChangeAudit({ logger, metrics, now }: AuditRunDependencies, group: ChangeGroup, response: AuditResponse): void {
  const first = group.changes[0]?.eventTime ?? now();
  const seconds = (now().getTime() - first.getTime()) / 1000;
  const published = response.digest.status === 'published';
  logger.info('change audit', {
    kind: 'change-audit',
    accountId: group.accountId,
    region: group.region,
    apiIds: group.apiIds,
    calls: group.changes.slice(0, MAX_LOGGED_CALLS).map(({ eventId, eventName, eventTime, apiId, principal }) => ({ eventId, eventName, eventTime: eventTime.toISOString(), apiId, ...(principal === undefined ? {} : { principal: redact(principal) }) })),
    ...(group.changes.length > MAX_LOGGED_CALLS ? { callsNotListed: group.changes.length - MAX_LOGGED_CALLS } : {}),
    firstEventTime: first.toISOString(),
    complete: response.summary.complete,
    digest: response.digest.status,
    ...(published ? { changeToAlertSeconds: seconds } : { changeToAuditSeconds: seconds }),
  });
  if (published) metrics.addMetric('ChangeToAlertSeconds', MetricUnit.Seconds, seconds);
}

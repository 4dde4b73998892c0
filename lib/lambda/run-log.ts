import type { Logger } from '@aws-lambda-powertools/logger';
import type { AlertMode } from '../config/lambda-settings';
import type { AuditResult } from '../engine/audit-result';
import type { CollectWarning } from '../collect/collect-account';
import { severityRank, type Severity } from '../model/severity';
import type { DigestContent } from '../report/digest';
import { logsInsightsLink } from '../report/logs-insights-link';
import type { ClassifiedFinding } from '../lifecycle/classify-run';
import { daysBetween } from '../suppressions/days';
import type { AuditRequest } from './audit-request';
import type { SecurityHubSummary } from './security-hub-export';
import type { TrackedAudit, TrackingSummary } from './track-changes';

/**
 * The run's finding lines, written as soon as the findings are evaluated: before change
 * tracking, the Security Hub export or the digest, so nothing that stalls or fails later can
 * cost a finding its line. One JSON object each, with a `kind` to filter on; a finding's fields
 * sit at the top level (Powertools reserves `message`, so the finding's message is the line's
 * message), and `runStartedAt`, which every line of a run carries (appended by the run), lets
 * queries group and order runs. Then the errors that kept the audit from being complete and
 * the collector's warnings.
 */
export function logFindings(logger: Logger, result: AuditResult, warnings: readonly CollectWarning[]): void {
  for (const { message, ...finding } of result.findings) {
    // severityRank lets a query sort most severe first (severity names sort alphabetically).
    logger.info(message, { kind: 'finding', ...finding, severityRank: severityRank(finding.severity) });
  }
  for (const { message, ...error } of result.errors) logger.error(message, { kind: 'audit-error', ...error });
  for (const { message, ...warning } of warnings) logger.warn(message, { kind: 'audit-warning', ...warning });
}

/**
 * Where each finding stands once change tracking is done: one `finding-lifecycle` line per
 * finding with what identifies it and its history, which is what the saved Logs Insights
 * queries in serverless.yml read: `lifecycle` (new, open, reopened, suppressed; "untracked"
 * when the run had no history to compare with), `firstSeen`, `ageDays`, and the suppression
 * that covers it. Findings the run resolved get a `finding-resolved` line each; a table that
 * failed gets an `audit-error` line.
 */
export function logLifecycle(logger: Logger, result: AuditResult, tracked: TrackedAudit, now: Date): void {
  const byFingerprint = new Map(tracked.run.classified.map((classified) => [classified.finding.fingerprint, classified]));
  const historyKnown = tracked.tracking.status === 'on';
  for (const { message, ruleId, severity, fingerprint, resource } of result.findings) {
    logger.info(message, {
      kind: 'finding-lifecycle',
      ruleId,
      severity,
      severityRank: severityRank(severity),
      fingerprint,
      resource: { arn: resource.arn, apiId: resource.apiId, ...(resource.region === undefined ? {} : { region: resource.region }) },
      ...historyOf(byFingerprint.get(fingerprint), historyKnown, now),
    });
  }
  for (const change of tracked.run.changes) {
    if (change.kind !== 'resolved') continue;
    const { message, arn, apiId, region, accountId, ...record } = change.record;
    logger.info(message, { kind: 'finding-resolved', ...record, resource: { arn, apiId, region, ...(accountId === undefined ? {} : { accountId }) } });
  }
  // The findings are valid without the table; this line (and the AuditErrors metric) is how the failure is noticed.
  if (tracked.tracking.status === 'failed') logger.error(tracked.tracking.error.message, { kind: 'audit-error', source: 'state', operation: tracked.tracking.error.operation });
}

/**
 * Where a finding stands: `lifecycle` (new, open, reopened, suppressed; "untracked" when the
 * run had no history to compare with), `firstSeen` and `ageDays` (whole days since first
 * seen), and the suppression that covers it or the expired one that no longer does.
 */
function historyOf(classified: ClassifiedFinding | undefined, historyKnown: boolean, now: Date): Record<string, unknown> {
  if (classified === undefined) return {};
  const { lifecycle, firstSeen, suppression, expiredSuppression } = classified;
  return {
    ...(historyKnown ? { lifecycle, firstSeen, ageDays: Math.floor(daysBetween(new Date(firstSeen), now)) } : { lifecycle: lifecycle === 'suppressed' ? 'suppressed' : 'untracked' }),
    ...(suppression === undefined ? {} : { suppression }),
    ...(expiredSuppression === undefined ? {} : { expiredSuppression }),
  };
}

export interface RunFacts {
  request: AuditRequest;
  unreached: string[];
  alertMode: AlertMode;
  alertThreshold: Severity;
  changeTracking: TrackingSummary;
  /** What this run's digest reports, or "none" when it sends none. */
  digest: DigestContent['kind'] | 'none';
  durationMs: number;
  securityHub: SecurityHubSummary;
}

export function logSummary(logger: Logger, result: AuditResult, facts: RunFacts): void {
  const { request, ...rest } = facts;
  logger.info('audit summary', { kind: 'audit-summary', ...result.summary, ...request, ...rest });
}

/** This run's lines in Logs Insights: they all carry the invocation's request id. */
export function runLogsLink(logGroup: string, region: string, requestId: string, startedAt: Date): string {
  return logsInsightsLink({
    region,
    logGroup,
    query: `fields @timestamp, kind, severity, ruleId, resource.arn, lifecycle, @message\n| filter function_request_id = "${requestId}"\n| sort @timestamp asc\n| limit 10000`,
    start: new Date(startedAt.getTime() - 60_000),
    // Generous: the link is opened later, and log lines arrive with a delay.
    end: new Date(startedAt.getTime() + 60 * 60_000),
  });
}

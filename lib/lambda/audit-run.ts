import type { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { Context } from 'aws-lambda';
import type { ApiChange } from '../change/api-change';
import { AlertError, publishDigest } from '../alert/publish-digest';
import { collectAccount } from '../collect/collect-account';
import { ConfigError } from '../config/audit-config';
import { parseAuditEvent } from '../config/audit-event';
import type { LambdaSettings } from '../config/lambda-settings';
import { runAudit } from '../engine/audit-result';
import { buildDigest, type DigestPart } from '../report/digest';
import { resolveRequest, type AuditRequest } from './audit-request';
import { planDigest } from './digest-plan';
import { invokeResponse, type AuditResponse, type DigestOutcome } from './invoke-response';
import { logFindings, logLifecycle, logSummary, runLogsLink } from './run-log';
import { recordRunMetrics } from './run-metrics';
import type { SecurityHubExport, SecurityHubSummary } from './security-hub-export';
import { trackChanges, trackingSummary } from './track-changes';
import type { TrackingSetup } from './tracking-setup';

export interface AuditRunDependencies {
  settings: LambdaSettings;
  /** The alert topic's client, created at the first digest. */
  sns: () => SNSClient;
  logger: Logger;
  metrics: Metrics;
  /** Suppressions and the state store, prepared once per container (tracking-setup.ts). */
  tracking: () => Promise<TrackingSetup>;
  /** The run's time: when its findings are seen, resolved, and whether a suppression has expired. */
  now: () => Date;
  /**
   * The Security Hub export (param `securityHub`), only in the handler packaged with it
   * (functions/audit-with-security-hub.ts), so the default package carries no Security Hub client.
   */
  securityHub?: SecurityHubExport;
  /** Another account's credentials for the walk (a fleet member's role, for its change audits); the function's own when absent. */
  credentials?: AwsCredentialIdentityProvider;
}

/**
 * Time kept back from the collector's deadline for evaluating, tracking, logging and
 * publishing: a quarter of what is left, at most 60 s.
 */
const MAX_RESERVE_MS = 60_000;
/**
 * Change tracking's share of the time after the walk: it must end with time left to log every
 * finding and publish the digest. The table answers in milliseconds; a table that has not
 * answered in 30 s is failing.
 */
const MAX_TRACKING_MS = 30_000;
/** Kept back after the walk for logging every finding and publishing, before tracking gets half of the rest. */
const AFTER_TRACKING_MS = 5_000;

/**
 * Time kept back after the Security Hub export's last attempt may start: that attempt (at most
 * its 10 s request timeout), then the summary, the metrics and the digest.
 */
const EXPORT_RESERVE_MS = 20_000;

/**
 * One audit run of the deployed function: validate the event (before any AWS call), collect
 * each region until the deadline, evaluate, compare with the state of earlier runs (within a
 * time limit, falling back to "change tracking failed"), write every finding to CloudWatch
 * with where it stands, export them to Security Hub when enabled, then the summary and the
 * metrics, and only then alert. A digest SNS refuses fails the invocation, after the findings
 * are safely in the logs; a state table that fails does not (the digest then lists every finding).
 */
export async function auditFromLambda(event: unknown, context: Context, deps: AuditRunDependencies): Promise<AuditResponse> {
  return runAuditRequest(resolveRequest(parseAuditEvent(event), deps.settings), context, deps);
}

/**
 * One audit of a resolved request: the scheduled or manual run above, or a change audit
 * (lib/lambda/change-audit.ts), which passes the calls that triggered it for the digest.
 */
export async function runAuditRequest(request: AuditRequest, context: Context, deps: AuditRunDependencies, changes?: readonly ApiChange[]): Promise<AuditResponse> {
  const { settings, logger, metrics } = deps;
  if (settings.securityHub && deps.securityHub === undefined) {
    throw new ConfigError('SECURITY_HUB: "true", but this handler was packaged without the Security Hub export; deploy with --param="securityHub=true", which packages functions/audit-with-security-hub.handler');
  }
  const startedAt = deps.now();
  // Real time, apart from the run's clock: the deadline and the duration are about this invocation.
  const invokedAt = Date.now();
  // On every line of this run; the middleware's clearState removes it after the invocation.
  logger.appendKeys({ runStartedAt: startedAt.toISOString() });
  const setup = await deps.tracking();

  const remaining = context.getRemainingTimeInMillis();
  const deadline = Date.now() + remaining - Math.min(MAX_RESERVE_MS, remaining / 4);
  const collected = await Promise.all(
    request.regions.map((region) => collectAccount({
      region,
      deadline,
      ...(request.apiIds === undefined ? {} : { apiIds: request.apiIds }),
      ...(request.trigger === 'change' ? { apiIdsMayBeDeleted: true } : {}),
      ...maxRateOf(request, settings),
      ...(deps.credentials === undefined ? {} : { credentials: deps.credentials }),
    })),
  );
  const inputs = collected.map((run) => ({ snapshot: { ...run.snapshot, accountId: request.accountId }, errors: run.errors, complete: run.complete }));
  const result = runAudit(inputs, settings.rules, request.minSeverity);
  // Every finding has its line before anything that can stall or fail: tracking, export, alert.
  logFindings(logger, result, collected.flatMap((run) => run.warnings));
  const trackingMs = Math.max(1_000, Math.min(MAX_TRACKING_MS, (context.getRemainingTimeInMillis() - AFTER_TRACKING_MS) / 2));
  // Bounded, and never throws: the lifecycle lines below are written before any alert.
  const deletedApis = collected.map((run) => ({ region: run.snapshot.region ?? '', apiIds: run.deleted }));
  const tracked = await trackChanges(setup, { inputs, result, request, now: startedAt, retentionDays: settings.retentionDays, timeoutMs: trackingMs, deletedApis });
  const changeTracking = trackingSummary(tracked);
  const plan = planDigest(tracked, settings.alertMode, settings.alertThreshold);
  const unreached = collected.flatMap((run) => run.unreached);
  const durationMs = Date.now() - invokedAt;

  logLifecycle(logger, result, tracked, startedAt);
  // After the findings are logged, before the summary and metrics that count its failures.
  const exportDeadline = Date.now() + context.getRemainingTimeInMillis() - EXPORT_RESERVE_MS;
  const exported =
    settings.securityHub && deps.securityHub !== undefined && !request.dryRun
      ? await deps.securityHub(tracked.run, startedAt, exportDeadline, logger)
      : { summary: { status: 'off' } as SecurityHubSummary, errors: 0 };
  logSummary(logger, result, {
    request,
    unreached,
    alertMode: settings.alertMode,
    alertThreshold: settings.alertThreshold,
    changeTracking,
    digest: plan?.content.kind ?? 'none',
    durationMs,
    securityHub: exported.summary,
  });
  recordRunMetrics(metrics, result.summary, changeTracking, unreached.length, durationMs, exported.errors);
  metrics.publishStoredMetrics();

  let digest: DigestOutcome = { status: 'nothing to alert' };
  if (plan !== undefined) {
    const parts = buildDigest({
      ...plan,
      threshold: settings.alertThreshold,
      summary: result.summary,
      errors: result.errors,
      unreached: unreached.length,
      accountId: request.accountId,
      regions: request.regions,
      startedAt,
      logsLink: runLogsLink(context.logGroupName, settings.topicRegion, context.awsRequestId, startedAt),
      ...(changes === undefined ? {} : { changes }),
    });
    digest = await alert(deps, request, parts);
  }
  return invokeResponse(result, unreached, digest, changeTracking);
}

/** The walk's rate: the request's own cap (a change audit's share of the quota), else the deployment's maxRate, else the quota. */
function maxRateOf(request: AuditRequest, settings: LambdaSettings): { ratePerSecond?: number } {
  const rate = Math.min(request.maxRate ?? Infinity, settings.maxRate ?? Infinity);
  return rate === Infinity ? {} : { ratePerSecond: rate };
}

async function alert({ settings, sns, logger, metrics }: AuditRunDependencies, request: AuditRequest, parts: DigestPart[]): Promise<DigestOutcome> {
  if (request.dryRun) {
    logger.info('dry run: digest not published', { kind: 'alert', parts: parts.length });
    return { status: 'dry run', parts: parts.length };
  }
  let delivered = 0;
  try {
    const messageIds = await publishDigest(sns(), settings.topicArn, parts);
    delivered = messageIds.length;
    logger.info('digest published', { kind: 'alert', topicArn: settings.topicArn, parts: parts.length, messageIds });
    return { status: 'published', parts: parts.length, messageIds };
  } catch (error) {
    if (error instanceof AlertError) delivered = error.delivered.length;
    throw error;
  } finally {
    // Flushed by the logMetrics middleware whether the publish worked or not.
    metrics.addMetric('DigestPartsPublished', MetricUnit.Count, delivered);
  }
}

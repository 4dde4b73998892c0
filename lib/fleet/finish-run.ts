import type { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { SNSClient } from '@aws-sdk/client-sns';
import { publishDigest } from '../alert/publish-digest';
import { concurrencyLimit } from '../collect/concurrency-limit';
import type { AuditSummary } from '../engine/audit-result';
import { recordRunMetrics } from '../lambda/run-metrics';
import type { TrackingSummary } from '../lambda/track-changes';
import { SEVERITIES } from '../model/severity';
import { outcomeKey } from './fleet-item';
import type { FleetSettings } from './fleet-settings';
import { buildFleetDigest } from './fleet-digest';
import { failedOutcome, type ItemOutcome } from './item-outcome';
import type { FleetPlan } from './plan-run';
import { readWalkSizes, updatedWalkSizes, WALK_SIZES_KEY } from './walk-sizes';
import type { WalkStore } from './walk-store';

/** Outcome objects read at once: small objects, and S3 serves thousands of GETs a second per prefix. */
const READS_AT_ONCE = 16;

export interface FinishRunDependencies {
  settings: FleetSettings;
  store: WalkStore;
  sns: SNSClient;
  logger: Logger;
  metrics: Metrics;
}

export interface FleetRunSummary {
  runId: string;
  accountRegions: number;
  audited: number;
  incomplete: number;
  failed: number;
  findings: number;
  calls: number;
  digestParts: number;
  digest: 'published' | 'dry run' | 'nothing to alert';
}

/**
 * The run's last step: read every item's outcome (an item with none did not finish, and is
 * named as not audited), log the fleet's summary line and metrics (the single-account metrics
 * summed over the fleet, plus account-regions audited, incomplete and failed: the alarm on
 * failed items reads FleetItemsFailed), then send the one digest. A digest SNS refuses fails
 * the step after the summary is logged.
 */
export async function finishRun(plan: FleetPlan, deps: FinishRunDependencies): Promise<FleetRunSummary> {
  const { settings, logger, metrics } = deps;
  logger.appendKeys({ runId: plan.scope.runId, runStartedAt: plan.scope.startedAt });
  const slots = concurrencyLimit(READS_AT_ONCE);
  const outcomes = await Promise.all(plan.targets.map((target) => slots(() => readOutcome(deps.store, plan.scope.runId, target))));
  const count = (status: ItemOutcome['status']) => outcomes.filter((outcome) => outcome.status === status).length;
  const parts = buildFleetDigest({ runId: plan.scope.runId, startedAt: new Date(plan.scope.startedAt), threshold: settings.alertThreshold, outcomes });
  const summary: FleetRunSummary = {
    runId: plan.scope.runId,
    accountRegions: outcomes.length,
    audited: count('audited'),
    incomplete: count('incomplete'),
    failed: count('failed'),
    findings: outcomes.reduce((sum, outcome) => sum + outcome.findings, 0),
    calls: outcomes.reduce((sum, outcome) => sum + outcome.calls, 0),
    digestParts: parts.length,
    digest: parts.length === 0 ? 'nothing to alert' : plan.scope.dryRun ? 'dry run' : 'published',
  };
  for (const outcome of outcomes.filter((candidate) => candidate.status !== 'audited')) {
    logger.error(outcome.reason ?? outcome.status, { kind: 'fleet-item-not-audited', accountId: outcome.accountId, region: outcome.region, status: outcome.status });
  }
  logger.info('fleet run summary', { kind: 'fleet-summary', ...summary, trigger: plan.scope.trigger, narrowed: plan.scope.narrowed, dryRun: plan.scope.dryRun });
  const fleet = fleetTotals(outcomes);
  recordRunMetrics(metrics, fleet.summary, fleet.tracking, 0, Date.now() - Date.parse(plan.scope.startedAt));
  metrics.addMetric('FleetItemsAudited', MetricUnit.Count, summary.audited);
  metrics.addMetric('FleetItemsIncomplete', MetricUnit.Count, summary.incomplete);
  metrics.addMetric('FleetItemsFailed', MetricUnit.Count, summary.failed);
  metrics.publishStoredMetrics();
  // The next run's order (walk-sizes.ts); losing it costs only that optimisation, never the run.
  await deps.store.put(WALK_SIZES_KEY, updatedWalkSizes(await readWalkSizes(deps.store), outcomes)).catch((error: unknown) => {
    logger.warn(`the walk sizes could not be saved: ${error instanceof Error ? error.message : String(error)}`, { kind: 'fleet-sizes' });
  });
  if (summary.digest === 'published') {
    const messageIds = await publishDigest(deps.sns, settings.topicArn, parts);
    logger.info('digest published', { kind: 'alert', topicArn: settings.topicArn, parts: parts.length, messageIds });
  }
  return summary;
}

async function readOutcome(store: WalkStore, runId: string, target: FleetPlan['targets'][number]): Promise<ItemOutcome> {
  let value: unknown;
  try {
    value = await store.get(outcomeKey(runId, target));
  } catch (error) {
    const missing = error instanceof Error && error.name === 'NoSuchKey';
    return failedOutcome(target, missing ? 'no outcome recorded: the item did not finish (see the execution\'s map run)' : `its outcome could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const outcome = value as Partial<ItemOutcome>;
  if (outcome.accountId !== target.accountId || outcome.region !== target.region || !['audited', 'incomplete', 'failed'].includes(String(outcome.status))) {
    return failedOutcome(target, `${outcomeKey(runId, target)}: not an outcome of this account-region`);
  }
  return value as ItemOutcome;
}

/** The single-account summary and tracking figures, summed over the account-regions evaluated. */
function fleetTotals(outcomes: readonly ItemOutcome[]): { summary: AuditSummary; tracking: TrackingSummary } {
  const summaries = outcomes.flatMap((outcome) => (outcome.summary === undefined ? [] : [outcome.summary]));
  const trackings = outcomes.flatMap((outcome) => (outcome.changeTracking === undefined ? [] : [outcome.changeTracking]));
  const sum = <T>(items: readonly T[], value: (item: T) => number) => items.reduce((total, item) => total + value(item), 0);
  const summary: AuditSummary = {
    apisAudited: sum(summaries, (item) => item.apisAudited),
    rulesRun: summaries[0]?.rulesRun ?? 0,
    findings: sum(summaries, (item) => item.findings),
    bySeverity: Object.fromEntries(SEVERITIES.map((severity) => [severity, sum(summaries, (item) => item.bySeverity[severity])])) as AuditSummary['bySeverity'],
    // Each item not evaluated counts as one error, as its walk's failure would in a single-account run.
    errors: sum(outcomes, (item) => item.errors),
    complete: outcomes.every((outcome) => outcome.status === 'audited'),
  };
  const allOn = trackings.length > 0 && trackings.every((item) => item.status === 'on');
  const tracking: TrackingSummary = {
    status: allOn ? 'on' : trackings.some((item) => item.status === 'failed') ? 'failed' : 'off',
    ...(allOn
      ? {
          lifecycle: {
            new: sum(trackings, (item) => item.lifecycle?.new ?? 0),
            open: sum(trackings, (item) => item.lifecycle?.open ?? 0),
            reopened: sum(trackings, (item) => item.lifecycle?.reopened ?? 0),
            resolved: sum(trackings, (item) => item.lifecycle?.resolved ?? 0),
          },
        }
      : {}),
    suppressed: sum(trackings, (item) => item.suppressed),
    expiredSuppressions: sum(trackings, (item) => item.expiredSuppressions),
    staleSuppressions: sum(trackings, (item) => item.staleSuppressions),
  };
  return { summary, tracking };
}

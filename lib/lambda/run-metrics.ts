import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { AuditSummary } from '../engine/audit-result';
import { SEVERITIES } from '../model/severity';
import type { TrackingSummary } from './track-changes';

/**
 * The run's EMF metrics. Every severity is written, zeros included, so graphs and alarms see
 * a value each run instead of missing data. `AuditErrors` drives the audit-errors alarm: it
 * counts what the audit could not read and a state table that failed, since both mean the
 * digest is not what it should be; and a Security Hub export that failed (`exportErrors`). Lifecycle counts are written only when change tracking
 * worked: without history they would be guesses.
 */
export function recordRunMetrics(metrics: Metrics, summary: AuditSummary, tracking: TrackingSummary, unreached: number, durationMs: number, exportErrors = 0): void {
  for (const severity of SEVERITIES) {
    const single = metrics.singleMetric();
    single.addDimension('severity', severity);
    single.addMetric('Findings', MetricUnit.Count, summary.bySeverity[severity]);
  }
  metrics.addMetric('ApisAudited', MetricUnit.Count, summary.apisAudited);
  metrics.addMetric('AuditErrors', MetricUnit.Count, summary.errors + (tracking.status === 'failed' ? 1 : 0) + exportErrors);
  metrics.addMetric('UnreachedApis', MetricUnit.Count, unreached);
  metrics.addMetric('AuditDuration', MetricUnit.Milliseconds, durationMs);
  metrics.addMetric('SuppressedFindings', MetricUnit.Count, tracking.suppressed);
  if (tracking.lifecycle !== undefined) {
    metrics.addMetric('NewFindings', MetricUnit.Count, tracking.lifecycle.new + tracking.lifecycle.reopened);
    metrics.addMetric('ResolvedFindings', MetricUnit.Count, tracking.lifecycle.resolved);
  }
}

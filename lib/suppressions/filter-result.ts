import { countBySeverity, type AuditResult, type AuditSummary } from '../engine/audit-result';
import type { Severity } from '../model/severity';
import { applySuppressions, type ExpiredSuppression } from './apply-suppressions';
import type { SuppressionEntry } from './suppression-entry';
import { markSuppressionUse, staleSuppressions, type StaleSuppression } from './suppression-use';

/** What narrows a one-off report (the CLI): suppressions and a baseline, both optional. */
export interface ReportFilters {
  suppressions?: readonly SuppressionEntry[];
  /** Fingerprints of an earlier report. */
  baseline?: ReadonlySet<string>;
}

/** A finding left out of the report, with the entry that accepted it: suppressed is not hidden. */
export interface SuppressedFinding {
  fingerprint: string;
  ruleId: string;
  severity: Severity;
  arn: string;
  path: string;
  suppression: SuppressionEntry;
}

export interface SuppressionReport {
  suppressed: SuppressedFinding[];
  expired: ExpiredSuppression[];
  stale: StaleSuppression[];
}

/**
 * The report after suppressions and the baseline: suppressed findings and findings in the
 * baseline leave `findings` (so they are neither printed nor gated on) and are counted in the
 * summary. A one-off run has no history, so an active entry that matched nothing is stale at
 * once, but only when the audit was complete.
 */
export function filterResult(result: AuditResult, filters: ReportFilters, now: Date): { result: AuditResult; suppressions?: SuppressionReport } {
  let findings = result.findings;
  const summary: AuditSummary = { ...result.summary };
  let suppressions: SuppressionReport | undefined;
  if (filters.suppressions !== undefined) {
    const entries = filters.suppressions;
    const outcome = applySuppressions(findings, entries, now);
    const marks = markSuppressionUse(entries, outcome.matched, [], now);
    suppressions = {
      suppressed: findings.flatMap((finding): SuppressedFinding[] => {
        const suppression = outcome.suppressedBy.get(finding.fingerprint);
        if (suppression === undefined) return [];
        return [{ fingerprint: finding.fingerprint, ruleId: finding.ruleId, severity: finding.severity, arn: finding.resource.arn, path: finding.path, suppression }];
      }),
      expired: outcome.expired,
      stale: staleSuppressions(entries, marks, outcome.matched, { now, staleAfterDays: 0, runComplete: result.summary.complete }),
    };
    findings = findings.filter((finding) => !outcome.suppressedBy.has(finding.fingerprint));
    summary.suppressed = suppressions.suppressed.length;
  }
  if (filters.baseline !== undefined) {
    const baseline = filters.baseline;
    const fresh = findings.filter((finding) => !baseline.has(finding.fingerprint));
    summary.baselined = findings.length - fresh.length;
    findings = fresh;
  }
  summary.findings = findings.length;
  summary.bySeverity = countBySeverity(findings);
  return { result: { ...result, findings, summary }, ...(suppressions === undefined ? {} : { suppressions }) };
}

import type { AlertMode } from '../config/lambda-settings';
import { atLeast, type Severity } from '../model/severity';
import type { DigestInput } from '../report/digest';
import type { TrackedAudit } from './track-changes';

/** The part of a digest that depends on the alert mode and on change tracking. */
export type DigestPlan = Pick<DigestInput, 'content' | 'trackingProblem' | 'expiredSuppressions' | 'staleSuppressions'>;

/**
 * What this run's digest reports, or undefined when it sends none. Suppressed findings and
 * findings below the threshold are never alerted.
 * - `every-run`, or tracking off or failed: every finding, when there is one. A failure says
 *   so at the top: alerting everything beats going silent when the changes are unknown.
 * - `changes`, first tracked run: one baseline digest (totals and the most severe findings).
 * - `changes` after that: only when a finding appeared, came back or was resolved. Expired
 *   and stale suppressions are housekeeping: mentioned in a digest that is sent anyway. (An
 *   expired entry's findings come back as changes, which does send one.)
 */
export function planDigest({ run, tracking }: TrackedAudit, mode: AlertMode, threshold: Severity): DigestPlan | undefined {
  const alerting = run.classified.filter((classified) => classified.lifecycle !== 'suppressed' && atLeast(classified.finding.severity, threshold));
  const housekeeping = { expiredSuppressions: run.expiredSuppressions, staleSuppressions: run.staleSuppressions };

  if (tracking.status !== 'on' || mode === 'every-run') {
    if (alerting.length === 0) return undefined;
    const content = { kind: 'findings', findings: alerting, tracked: tracking.status === 'on' } as const;
    if (tracking.status === 'failed') return { content, trackingProblem: { kind: 'failed', message: tracking.error.message }, ...housekeeping };
    if (tracking.status === 'off' && mode === 'changes') return { content, trackingProblem: { kind: 'off' }, ...housekeeping };
    return { content, ...housekeeping };
  }

  if (run.firstRun) return { content: { kind: 'baseline', findings: alerting }, ...housekeeping };

  const appeared = alerting.filter((classified) => classified.lifecycle === 'new' || classified.lifecycle === 'reopened');
  const resolved = run.changes.flatMap((change) => (change.kind === 'resolved' && atLeast(change.record.severity, threshold) ? [change.record] : []));
  if (appeared.length === 0 && resolved.length === 0) return undefined;
  const stillOpen = alerting.filter((classified) => classified.lifecycle === 'open').map((classified) => classified.finding);
  return { content: { kind: 'changes', appeared, resolved, stillOpen }, ...housekeeping };
}

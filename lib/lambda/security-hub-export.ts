import type { Logger } from '@aws-lambda-powertools/logger';
import type { SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { TrackedRun } from '../lifecycle/classify-run';
import { importFindings } from '../securityhub/import-findings';
import { planExport } from '../securityhub/export-plan';

/** What the run sent to Security Hub, for the summary line; `off` when the param is off or the run is dry. */
export type SecurityHubSummary =
  | { status: 'off' }
  | { status: 'exported' | 'failed'; active: number; archived: number; imported: number; failed: number; skipped: number; calls: number };

/** The export step a run calls when the param is on: the run's tracked findings, its clock, the deadline of the last attempt. */
export type SecurityHubExport = (run: TrackedRun, now: Date, deadline: number, logger: Logger) => Promise<{ summary: SecurityHubSummary; errors: number }>;

/**
 * The export step over clients from `clientFor` (one per region and run, no attempt starting at
 * or after the deadline); tests pass clients with a shorter retry backoff.
 */
export function securityHubExport(clientFor: (region: string, deadline: number) => SecurityHubClient): SecurityHubExport {
  return (run, now, deadline, logger) => exportToSecurityHub(run, now, (region) => clientFor(region, deadline), logger);
}

/** Audit-error lines written per run at most: the rest are counted in the summary line. */
const MAX_ERROR_LINES = 20;

/**
 * The export step of a run (param `securityHub`): plan the ASFF findings from the classified
 * run, import them, and log what failed as `audit-error` lines (`"source": "security-hub"`).
 * It runs after the findings are logged and never throws for Security Hub's sake. Returns the
 * summary and how many errors count in `AuditErrors` (each failed call or refused finding, and
 * findings that could not be written without an account or region).
 */
export async function exportToSecurityHub(run: TrackedRun, now: Date, clientFor: (region: string) => SecurityHubClient, logger: Logger): Promise<{ summary: SecurityHubSummary; errors: number }> {
  const plan = planExport(run, now);
  const outcome = await importFindings(plan.findings, clientFor);
  for (const { message, ...error } of outcome.errors.slice(0, MAX_ERROR_LINES)) logger.error(message, { kind: 'audit-error', source: 'security-hub', operation: 'BatchImportFindings', ...error });
  if (plan.skipped > 0) logger.error(`${plan.skipped} findings name no account or region and were not exported`, { kind: 'audit-error', source: 'security-hub' });
  const archived = plan.findings.filter((finding) => finding.RecordState === 'ARCHIVED').length;
  const errors = outcome.errors.length + (plan.skipped > 0 ? 1 : 0);
  return {
    summary: {
      status: errors === 0 ? 'exported' : 'failed',
      active: plan.findings.length - archived,
      archived,
      imported: outcome.imported,
      failed: outcome.failed,
      skipped: plan.skipped,
      calls: outcome.calls,
    },
    errors,
  };
}

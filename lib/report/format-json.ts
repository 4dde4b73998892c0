import type { AuditResult } from '../engine/audit-result';
import type { SnapshotWarning } from '../model/load-snapshot';

/** The `--format json` contract of design.md: one object with findings, summary and errors. */
export function formatJson(result: AuditResult, warnings: readonly SnapshotWarning[] = []): string {
  return `${JSON.stringify({ findings: result.findings, summary: result.summary, errors: result.errors, warnings }, null, 2)}\n`;
}

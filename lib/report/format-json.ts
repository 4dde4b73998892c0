import type { AuditResult } from '../engine/audit-result';
import type { SnapshotWarning } from '../model/load-snapshot';
import type { SuppressionReport } from '../suppressions/filter-result';
import { jsonPieces } from './json-pieces';

/**
 * The `--format json` contract of docs/design.md: one object with findings, summary and errors.
 * With suppressions, a `suppressions` key is added (what was suppressed and why, expired and
 * stale entries); the other keys keep their meaning.
 */
export function formatJson(result: AuditResult, warnings: readonly SnapshotWarning[] = [], suppressions?: SuppressionReport): string[] {
  const report = { findings: result.findings, summary: result.summary, errors: result.errors, warnings, ...(suppressions === undefined ? {} : { suppressions }) };
  // In pieces (json-pieces.ts): a million findings do not fit in one string.
  return jsonPieces(report);
}

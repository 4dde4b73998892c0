import type { AuditResult } from '../engine/audit-result';
import type { SnapshotWarning } from '../model/load-snapshot';
import { oneLine } from '../report/escape';
import { formatJson } from '../report/format-json';
import { formatText } from '../report/format-text';
import { formatSarif } from '../report/sarif';
import type { Rule } from '../rules/rule';
import type { SuppressionReport } from '../suppressions/filter-result';
import type { CliIo } from './command';

export const REPORT_FORMATS = ['text', 'json', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What a report says beside the findings. */
export interface ReportContext {
  /** The rules that ran (SARIF describes each). */
  rules: readonly Rule[];
  warnings: readonly SnapshotWarning[];
  suppressions?: SuppressionReport | undefined;
}

/** Prints a result in the chosen format on stdout (text shows suppressions as counts and stderr notes). */
export function writeReport(format: ReportFormat, result: AuditResult, { rules, warnings, suppressions }: ReportContext, io: CliIo): void {
  if (format === 'text') return void io.stdout(formatText(result));
  for (const piece of format === 'sarif' ? formatSarif(result, rules) : formatJson(result, warnings, suppressions)) io.stdout(piece);
}

/** Snapshot and scan warnings (fields the rules cannot read, values a scan could not resolve) on stderr. */
export function printWarnings(warnings: readonly SnapshotWarning[], io: CliIo): void {
  // Field names and paths come from the files: one line each, escapes written out.
  for (const warning of warnings) io.stderr(`${oneLine(`warning: ${warning.file}: ${warning.path}: ${warning.message}`)}\n`);
}

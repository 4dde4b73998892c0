import type { AuditResult } from '../engine/audit-result';
import type { SnapshotWarning } from '../model/load-snapshot';
import { formatJson } from '../report/format-json';
import { formatText } from '../report/format-text';
import type { CliIo } from './command';

export const REPORT_FORMATS = ['text', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Prints a result in the chosen format on stdout. */
export function writeReport(format: ReportFormat, result: AuditResult, warnings: readonly SnapshotWarning[], io: CliIo): void {
  io.stdout(format === 'json' ? formatJson(result, warnings) : formatText(result));
}

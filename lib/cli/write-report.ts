import type { AuditResult } from '../engine/audit-result';
import type { ActiveRule } from '../engine/evaluate';
import type { Finding } from '../model/finding';
import type { SnapshotWarning } from '../model/load-snapshot';
import type { SnapshotPlace } from '../model/snapshot-places';
import { oneLine } from '../report/escape';
import { formatJson } from '../report/format-json';
import { formatText } from '../report/format-text';
import { formatSarif } from '../report/sarif';
import { AsffUnavailableError, formatAsff, formatOcsf } from '../report/security-documents';
import type { SuppressionReport } from '../suppressions/filter-result';
import type { CliIo } from './command';
import { UsageError } from './exit-codes';
import type { Verdict } from './gate';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'asff', 'ocsf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What a report says beside the findings. */
export interface ReportContext {
  /** The rules that ran, with their configured severities (SARIF describes each). */
  rules: readonly ActiveRule[];
  /** Where an `audit` finding sits in its snapshot file (SARIF locations). */
  placeOf?: (finding: Finding) => SnapshotPlace | undefined;
  /** Warnings already printed on stderr (the text report counts them). */
  printedWarnings: readonly SnapshotWarning[];
  /** Values a scan could not resolve (the text report lists them). */
  unresolved: readonly SnapshotWarning[];
  suppressions?: SuppressionReport | undefined;
  /** The exit code and why (the text report's last line). */
  verdict: Verdict;
  /** The run's time (ASFF and OCSF timestamps). */
  now: Date;
}

/** Prints a result in the chosen format on stdout (text shows suppressions as counts and stderr notes). */
export function writeReport(format: ReportFormat, result: AuditResult, { rules, placeOf, printedWarnings, unresolved, suppressions, verdict, now }: ReportContext, io: CliIo): void {
  // SARIF and JSON come in pieces: a report of a million findings is more than one string holds.
  if (format === 'sarif') for (const piece of formatSarif(result, rules, placeOf)) io.stdout(piece);
  else if (format === 'asff') io.stdout(asffOrUsageError(result, now));
  else if (format === 'ocsf') io.stdout(formatOcsf(result, now));
  else if (format === 'json') for (const piece of formatJson(result, [...printedWarnings, ...unresolved], suppressions)) io.stdout(piece);
  else io.stdout(formatText(result, { exitReason: verdict.reason, warnings: printedWarnings.length, unresolved }));
}

/** A finding without an account (a template's) is a mistake of the command line: exit 2, saying what to do instead. */
function asffOrUsageError(result: AuditResult, now: Date): string {
  try {
    return formatAsff(result, now);
  } catch (error) {
    if (error instanceof AsffUnavailableError) throw new UsageError(error.message);
    throw error;
  }
}

/** Snapshot and scan warnings (fields the rules cannot read, values a scan could not resolve) on stderr. */
export function printWarnings(warnings: readonly SnapshotWarning[], io: CliIo): void {
  // Field names and paths come from the files: one line each, escapes written out.
  for (const warning of warnings) io.stderr(`${oneLine(`warning: ${warning.file}: ${warning.path}: ${warning.message}`)}\n`);
}

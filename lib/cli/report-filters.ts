import type { AuditResult } from '../engine/audit-result';
import { oneLine } from '../report/escape';
import { RULES } from '../rules';
import { loadBaselineFile } from '../suppressions/baseline';
import { filterResult, type ReportFilters, type SuppressionReport } from '../suppressions/filter-result';
import { loadSuppressionsFile } from '../suppressions/load-suppressions-file';
import { describeEntry } from '../suppressions/suppression-entry';
import type { CliIo } from './command';

/** `--suppressions FILE` and `--baseline FILE`, read and validated. */
export interface CliFilters {
  suppressionsFile?: string;
  filters: ReportFilters;
}

/** Reads both files before any snapshot, so a bad one fails the run at once (exit 2). */
export async function loadCliFilters(suppressionsFile: string | undefined, baselineFile: string | undefined): Promise<CliFilters> {
  const filters: ReportFilters = {};
  if (suppressionsFile !== undefined) filters.suppressions = await loadSuppressionsFile(suppressionsFile, RULES.map((rule) => rule.meta));
  if (baselineFile !== undefined) filters.baseline = await loadBaselineFile(baselineFile);
  return suppressionsFile === undefined ? { filters } : { suppressionsFile, filters };
}

/** Applies the filters and says on stderr which entries expired or matched nothing. */
export function applyCliFilters(result: AuditResult, { suppressionsFile, filters }: CliFilters, io: CliIo, now: Date): { result: AuditResult; suppressions?: SuppressionReport } {
  const filtered = filterResult(result, filters, now);
  for (const { entry, fingerprints } of filtered.suppressions?.expired ?? []) {
    const back = fingerprints.length === 0 ? 'it matches nothing now either' : `its ${fingerprints.length} finding${fingerprints.length === 1 ? ' is' : 's are'} reported again`;
    io.stderr(`${oneLine(`warning: ${suppressionsFile}: ${describeEntry(entry)} expired after ${entry.expires}; ${back}`)}\n`);
  }
  for (const { entry } of filtered.suppressions?.stale ?? []) {
    io.stderr(`${oneLine(`warning: ${suppressionsFile}: ${describeEntry(entry)} matched no finding (stale): remove it if the problem is fixed, or correct its rule or resource`)}\n`);
  }
  return filtered;
}

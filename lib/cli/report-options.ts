import { activeRules } from '../config/active-rules';
import { FAIL_ON_VALUES, type FailOn } from '../config/audit-config';
import { loadConfigFile } from '../config/load-config-file';
import type { ActiveRule } from '../engine/evaluate';
import type { Severity } from '../model/severity';
import { RULES } from '../rules';
import { choiceOption, severityOption } from './options';
import { loadCliFilters, type CliFilters } from './report-filters';
import { REPORT_FORMATS, type ReportFormat } from './write-report';

/** The options `audit` and `scan` share: what to report, what fails the run, which rules. */
export const REPORT_OPTIONS = {
  format: { type: 'string' },
  'min-severity': { type: 'string' },
  'fail-on': { type: 'string' },
  config: { type: 'string' },
  suppressions: { type: 'string' },
  baseline: { type: 'string' },
} as const;

export interface ReportOptionValues {
  format?: string | undefined;
  'min-severity'?: string | undefined;
  'fail-on'?: string | undefined;
  config?: string | undefined;
  suppressions?: string | undefined;
  baseline?: string | undefined;
}

export interface ReportSettings {
  format: ReportFormat;
  minSeverity: Severity;
  failOn: FailOn;
  rules: ActiveRule[];
  filters: CliFilters;
}

/**
 * Reads and validates the shared options and every file they name (configuration,
 * suppressions, baseline) before any input is read, so a mistake fails the run at once.
 * Command-line values win over the configuration file's.
 */
export async function readReportOptions(values: ReportOptionValues): Promise<ReportSettings> {
  const format = choiceOption(values.format, '--format', REPORT_FORMATS, 'text');
  const config = await loadConfigFile(values.config);
  const minSeverity = severityOption(values['min-severity'], '--min-severity', config.minSeverity ?? 'info');
  const failOn = choiceOption(values['fail-on'], '--fail-on', FAIL_ON_VALUES, config.failOn ?? 'high');
  const rules = activeRules(RULES, config, values.config ?? 'configuration');
  const filters = await loadCliFilters(values.suppressions, values.baseline);
  return { format, minSeverity, failOn, rules, filters };
}

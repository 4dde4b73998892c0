import { activeRules } from '../config/active-rules';
import { loadConfigFile } from '../config/load-config-file';
import { runAudit, type AuditInput } from '../engine/audit-result';
import { loadSnapshotFile, type SnapshotWarning } from '../model/load-snapshot';
import { RULES } from '../rules';
import type { Command, CliIo } from './command';
import { gateExitCode } from './gate';
import { UsageError } from './exit-codes';
import { choiceOption, parseOptions, severityOption } from './options';
import { writeReport, REPORT_FORMATS } from './write-report';

const HELP = `Usage: apigw-audit audit --snapshot FILE [--snapshot FILE ...] [options]

Audits API Gateway V2 configurations saved as snapshot files (see README, "Snapshot files").

Options:
  --snapshot FILE      a snapshot to audit (repeatable)
  --format F           text (default) | json
  --min-severity S     report only findings at or above S (default info)
  --fail-on S          exit 1 when a finding at or above S is reported (default high;
                       "none": never, e.g. for a report-only run)
  --config FILE        JSON configuration: {"rules": {"IR014": "off", "IR013": "low"}}
  -h, --help           this help

Severities: critical, high, medium, low, info.
Exit codes: 0 clean, 1 findings at or above --fail-on, 2 bad input or usage, 3 audit incomplete.
`;

export const auditCommand: Command = {
  name: 'audit',
  summary: 'audit snapshot files (or a live account) and report findings',
  help: HELP,
  async run(args: string[], io: CliIo) {
    const { values } = parseOptions(args, {
      snapshot: { type: 'string', multiple: true },
      format: { type: 'string' },
      'min-severity': { type: 'string' },
      'fail-on': { type: 'string' },
      config: { type: 'string' },
    });
    if (values.help) {
      io.stdout(HELP);
      return 0;
    }
    const format = choiceOption(values.format, '--format', REPORT_FORMATS, 'text');
    const config = await loadConfigFile(values.config);
    const minSeverity = severityOption(values['min-severity'], '--min-severity', config.minSeverity ?? 'info');
    const failOn = values['fail-on'] === 'none' ? 'none' : severityOption(values['fail-on'], '--fail-on', config.failOn ?? 'high');
    const rules = activeRules(RULES, config, values.config ?? 'configuration');
    const files = values.snapshot ?? [];
    if (files.length === 0) throw new UsageError('audit needs at least one --snapshot FILE (see --help)');

    const inputs: AuditInput[] = [];
    const warnings: SnapshotWarning[] = [];
    for (const file of files) {
      const loaded = await loadSnapshotFile(file);
      inputs.push({ snapshot: loaded.snapshot });
      warnings.push(...loaded.warnings);
    }
    for (const warning of warnings) io.stderr(`warning: ${warning.file}: ${warning.path}: ${warning.message}\n`);
    const result = runAudit(inputs, rules, minSeverity);
    writeReport(format, result, warnings, io);
    return gateExitCode(result, failOn);
  },
};

import { runAudit, type AuditInput } from '../engine/audit-result';
import { loadSnapshotFile, type SnapshotWarning } from '../model/load-snapshot';
import type { Command, CliIo } from './command';
import { gateExitCode } from './gate';
import { collectLive, liveScope } from './live-collect';
import { UsageError } from './exit-codes';
import { parseOptions } from './options';
import { applyCliFilters } from './report-filters';
import { readReportOptions, REPORT_OPTIONS } from './report-options';
import { printWarnings, writeReport } from './write-report';

const HELP = `Usage: apigw-audit audit --snapshot FILE [--snapshot FILE ...] [options]
       apigw-audit audit --region R [--region R ...] [--api ID ...] [options]

Audits API Gateway V2 configurations saved as snapshot files (see README, "Snapshot files"),
or read live from an account with the standard AWS credential chain (AWS_PROFILE, ...);
AWS_ENDPOINT_URL_APIGATEWAYV2 points it at an emulator.

Options:
  --snapshot FILE      a snapshot to audit (repeatable)
  --region R           audit the live APIs of region R (repeatable)
  --api ID             only this API of the live regions (repeatable)
  --timeout T          stop a live walk after T (90s, 15m, 1h; default 15m): what is
                       not read by then is listed and the audit is incomplete (exit 3)
  --format F           text (default) | json | sarif
  --min-severity S     report only findings at or above S (default info)
  --fail-on S          exit 1 when a finding at or above S is reported (default high;
                       "none": never, e.g. for a report-only run)
  --config FILE        JSON configuration: {"rules": {"IR014": "off", "IR013": "low"}}
  --suppressions FILE  YAML or JSON list of accepted findings, each with a reason and an
                       expiry date (README, "Suppressions and baselines")
  --baseline FILE      an earlier --format json report: report and gate only on findings
                       not in it
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
      ...REPORT_OPTIONS,
      snapshot: { type: 'string', multiple: true },
      region: { type: 'string', multiple: true },
      api: { type: 'string', multiple: true },
      timeout: { type: 'string' },
    });
    if (values.help) {
      io.stdout(HELP);
      return 0;
    }
    const { format, minSeverity, failOn, rules, filters } = await readReportOptions(values);
    const files = values.snapshot ?? [];
    const live = liveScope(values.region, values.api, values.timeout);
    if (files.length === 0 && live === undefined) throw new UsageError('audit needs at least one --snapshot FILE or --region R (see --help)');

    const inputs: AuditInput[] = [];
    const warnings: SnapshotWarning[] = [];
    for (const file of files) {
      const loaded = await loadSnapshotFile(file);
      inputs.push({ snapshot: loaded.snapshot });
      for (const warning of loaded.warnings) warnings.push(warning);
    }
    printWarnings(warnings, io);
    // Last, after every local input checked out: a live walk takes minutes at the quota.
    if (live !== undefined) for (const { snapshot, errors, complete } of await collectLive(live, io)) inputs.push({ snapshot, errors, complete });
    const { result, suppressions } = applyCliFilters(runAudit(inputs, rules, minSeverity), filters, io, new Date());
    writeReport(format, result, { rules: rules.map(({ rule }) => rule), warnings, suppressions }, io);
    return gateExitCode(result, failOn);
  },
};

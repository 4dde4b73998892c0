import { realpathSync } from 'node:fs';
import { runAudit, type AuditInput } from '../engine/audit-result';
import { distinctBy } from '../model/distinct-by';
import { loadSnapshotFile, type LoadedSnapshot } from '../model/load-snapshot';
import { snapshotPlaces } from '../model/snapshot-places';
import type { Command, CliIo } from './command';
import { gate } from './gate';
import { collectLive, liveScope } from './live-collect';
import { UsageError } from './exit-codes';
import { parseOptions } from './options';
import { assumeRoles, parseRoleArns } from './role-accounts';
import { applyCliFilters } from './report-filters';
import { readReportOptions, REPORT_OPTIONS } from './report-options';
import { printWarnings, writeReport } from './write-report';

const HELP = `Usage: apigw-audit audit --snapshot FILE [--snapshot FILE ...] [options]
       apigw-audit audit --region R [--region R ...] [--api ID ...] [options]
       apigw-audit audit --region R [--region R ...] --role-arn ARN [--role-arn ARN ...] [options]

Audits API Gateway V2 configurations saved as snapshot files (see README, "Snapshot files"),
or read live from an account with the standard AWS credential chain (AWS_PROFILE, ...);
AWS_ENDPOINT_URL_APIGATEWAYV2 points it at an emulator (AWS_ENDPOINT_URL_STS for --role-arn).

Options:
  --snapshot FILE      a snapshot to audit (repeatable)
  --region R           audit the live APIs of region R (repeatable)
  --api ID             only this API of the live regions (repeatable)
  --role-arn ARN       audit the account of this role instead, assumed with the standard
                       chain's credentials (repeatable: every account-region is walked at
                       once; a role that cannot be assumed is an error, the audit incomplete)
  --max-rate N         at most N requests/s per region (default 10, the quota, shared
                       with every caller of the account; the walk backs off when throttled)
  --timeout T          stop a live walk after T (90s, 15m, 1h; default 15m): what is
                       not read by then is listed and the audit is incomplete (exit 3)
  --format F           text (default) | json | sarif | asff (Security Hub's
                       BatchImportFindings body) | ocsf (OCSF Detection Findings)
  --min-severity S     report only findings at or above S (default info)
  --fail-on S          exit 1 when a finding at or above S is reported (default high;
                       "none": never, e.g. for a report-only run)
  --config FILE        JSON configuration: {"rules": {"IR014": "off", "IR013": "low"}}
  --suppressions FILE  YAML or JSON list of accepted findings, each with a reason and an
                       expiry date (README, "Suppressions and baselines")
  --baseline FILE      an earlier --format json report: report and gate only on findings
                       not in it
  --strict             a snapshot field the rules do not know (a warning otherwise, e.g.
                       "integrationType") is bad input: exit 2
  -h, --help           this help

Severities: critical, high, medium, low, info.
A file given twice is audited once.
Exit codes: 0 clean, 1 findings at or above --fail-on, 2 bad input or usage (or a warning
with --strict), 3 audit incomplete. The text report's last line says which, and why.
`;

export const auditCommand: Command = {
  help: HELP,
  async run(args: string[], io: CliIo) {
    const { values } = parseOptions(args, {
      ...REPORT_OPTIONS,
      snapshot: { type: 'string', multiple: true },
      region: { type: 'string', multiple: true },
      api: { type: 'string', multiple: true },
      'role-arn': { type: 'string', multiple: true },
      strict: { type: 'boolean' },
      'max-rate': { type: 'string' },
      timeout: { type: 'string' },
    });
    if (values.help) {
      io.stdout(HELP);
      return 0;
    }
    const { format, minSeverity, failOn, rules, filters } = await readReportOptions(values);
    const files = values.snapshot ?? [];
    const live = liveScope(values.region, values.api, values['max-rate'], values.timeout);
    if (files.length === 0 && live === undefined) throw new UsageError('audit needs at least one --snapshot FILE or --region R (see --help)');
    const roles = parseRoleArns(values['role-arn'] ?? []);
    if (roles.length > 0 && live === undefined) throw new UsageError('--role-arn needs --region: it reads live accounts');
    if (roles.length > 1 && (values.api ?? []).length > 0) throw new UsageError('--api names APIs of one account: give at most one --role-arn with it');

    const loaded: LoadedSnapshot[] = [];
    for (const file of uniqueFiles(files)) loaded.push(await loadSnapshotFile(file));
    rejectSharedApis(loaded);
    const inputs: AuditInput[] = loaded.map(({ snapshot, errors }) => ({ snapshot, errors, complete: errors.length === 0 }));
    const warnings = loaded.flatMap((snapshot) => snapshot.warnings);
    printWarnings(warnings, io);
    // Last, after every local input checked out: a live walk takes minutes at the quota.
    if (live !== undefined) {
      const assumed = roles.length === 0 ? undefined : await assumeRoles(roles, live.regions);
      for (const failed of assumed?.failed ?? []) inputs.push(failed);
      for (const { snapshot, errors, complete } of await collectLive(live, io, assumed?.accounts)) inputs.push({ snapshot, errors, complete });
    }
    const now = new Date();
    const { result, suppressions } = applyCliFilters(runAudit(inputs, rules, minSeverity), filters, io, now);
    const verdict = gate(result, failOn, values.strict === true ? warnings.length : 0);
    writeReport(format, result, { rules, placeOf: snapshotPlaces(loaded), printedWarnings: warnings, unresolved: [], suppressions, verdict, now }, io);
    return verdict.code;
  },
};

/** The same file named twice (or through two paths) would double every finding: each is read once. */
function uniqueFiles(files: readonly string[]): string[] {
  return distinctBy(files, canonical);
}

/**
 * Two snapshots of one account and region (yesterday's and today's) would report every
 * finding of the APIs they share twice, under the same fingerprint: refused, naming both files,
 * as the loader refuses one API twice in one file.
 */
function rejectSharedApis(loaded: readonly LoadedSnapshot[]): void {
  const fileOf = new Map<string, string>();
  for (const { file, snapshot } of loaded) {
    for (const api of snapshot.apis) {
      const key = JSON.stringify([snapshot.accountId, snapshot.region, api.ApiId]);
      const other = fileOf.get(key);
      if (other !== undefined) {
        throw new UsageError(`${other} and ${file} both hold API ${api.ApiId}${snapshot.region === undefined ? '' : ` of ${snapshot.region}`}: give one snapshot of an account and region at a time`);
      }
      fileOf.set(key, file);
    }
  }
}

/** A missing file keeps its name: loading it then reports it. */
function canonical(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

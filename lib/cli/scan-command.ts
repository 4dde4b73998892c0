import { missingPaths } from '../iac/detect';
import { scan, unresolvedWarnings } from '../iac/scan';
import type { Command, CliIo } from './command';
import { UsageError } from './exit-codes';
import { gate } from './gate';
import { parseOptions } from './options';
import { applyCliFilters } from './report-filters';
import { readReportOptions, REPORT_OPTIONS } from './report-options';
import { printWarnings, writeReport } from './write-report';

const HELP = `Usage: apigw-audit scan PATH [PATH ...] [options]

Audits API Gateway V2 configuration written as code, before it is deployed, with the same
rules and configuration as a live account. PATH is a file or a folder (searched):
  - CloudFormation and SAM templates, YAML or JSON, with the short tags (!Ref, !Sub, ...),
    and the nested stacks whose template is a local file (read through their parent, with
    its Parameters); a CDK cdk.out folder (its *.template.json files)
  - Terraform configurations: every folder with .tf files, with the local modules it calls
  - Serverless Framework services: the template \`serverless package\` writes
    (.serverless/cloudformation-template-update-stack.json), else serverless.yml's own
    resources and websocket events (an error says what was not read)
  - Terraform plans as JSON (terraform show -json PLAN > plan.json)
  - snapshot files (README, "Snapshot files")
Values that depend on a deployment (!GetAtt ...Arn, !ImportValue, data sources, variables
without a default) are not guessed: findings that depend on one are withheld, and the
summary counts them. SAM resources other than AWS::Serverless::HttpApi are not read.

Options:
  --format F           text (default; each finding with file:line:column) | json | sarif |
                       asff (snapshots only: a template names no account) | ocsf
  --min-severity S     report only findings at or above S (default info)
  --fail-on S          exit 1 when a finding at or above S is reported (default high;
                       "none": never)
  --config FILE        JSON configuration: {"rules": {"IR014": "off", "IR013": "low"}}
  --suppressions FILE  accepted findings (README, "Suppressions and baselines")
  --baseline FILE      an earlier --format json report: report only new findings
  -h, --help           this help

A file that cannot be read (bad YAML, an unknown tag, a reference cycle, a missing file in
file()), a path with nothing to scan, a CDK app without cdk.out or a Serverless service
without its packaged template is reported as an error naming it, and the other paths are
still scanned.
Exit codes: 0 clean, 1 findings at or above --fail-on, 2 bad usage (a PATH that does not
exist too), 3 something could not be read. The text report lists the values it could not
resolve (the first 10) and its last line says which exit code, and why.
`;

export const scanCommand: Command = {
  help: HELP,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = parseOptions(args, REPORT_OPTIONS, true);
    if (values.help) {
      io.stdout(HELP);
      return 0;
    }
    const { format, minSeverity, failOn, rules, filters } = await readReportOptions(values);
    if (positionals.length === 0) throw new UsageError('scan needs at least one PATH (see --help)');
    // A path that does not exist is a mistake on the command line (exit 2), not a scan that
    // could not read something (exit 3).
    const missing = await missingPaths(positionals);
    if (missing.length > 0) throw new UsageError(missing.map((path) => `${path}: no such file or folder`).join('; '));

    const scanned = await scan(positionals, rules, minSeverity);
    printWarnings(scanned.warnings, io);
    const now = new Date();
    const { result, suppressions } = applyCliFilters(scanned, filters, io, now);
    const verdict = gate(result, failOn);
    writeReport(format, result, { rules, printedWarnings: scanned.warnings, unresolved: unresolvedWarnings(scanned), suppressions, verdict, now }, io);
    return verdict.code;
  },
};

import { readFileSync } from 'node:fs';
import type { Log } from 'sarif';
import { version } from '../../package.json';
import { SECURITY_SEVERITY } from '../../lib/report/sarif';
import { runCli } from '../support/run-cli';
import { tempFiles } from '../support/temp-files';

/** The CLI explains itself (issue 11, point 4): each item, as a user meets it. */
const DEMO = 'examples/demo-account.json';
const TEMPLATE = 'test/fixtures/iac/cloudformation/mock-default-route-mistakes.yaml';
const UNRESOLVED = 'test/fixtures/iac/cloudformation/unresolved-references.yaml';
const { file } = tempFiles('cli-first-contact-');
const lastLine = (text: string) => text.trim().split('\n').at(-1);

describe('apigw-audit, first contact', () => {
  test('--version prints the package version', async () => {
    expect(await runCli('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  test('an unknown command names the one it most likely meant and the commands', async () => {
    const { code, stderr } = await runCli('scna', 'x');
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "scna" (did you mean "scan"?); the commands are audit, scan, snapshot, rules');
  });

  test('a mistyped --version is suggested as such, and `help COMMAND` prints that command\'s help', async () => {
    const { code, stderr } = await runCli('--verison');
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "--verison" (did you mean "--version"?)');
    const help = await runCli('help', 'scan');
    expect(help).toEqual({ code: 0, stdout: (await runCli('scan', '--help')).stdout, stderr: '' });
    expect(help.stdout).toContain('Usage: apigw-audit scan PATH');
  });

  test('"none" is accepted by --fail-on and by the configuration failOn alike', async () => {
    const config = file('none.json', { failOn: 'none' });
    expect((await runCli('audit', '--snapshot', DEMO)).code).toBe(1);
    expect((await runCli('audit', '--snapshot', DEMO, '--fail-on', 'none')).code).toBe(0);
    expect((await runCli('audit', '--snapshot', DEMO, '--config', config)).code).toBe(0);
  });

  test('a bad rule setting names the value, the allowed ones and the likely one', async () => {
    const config = file('of.json', { rules: { IR014: 'of' } });
    const { code, stderr } = await runCli('audit', '--snapshot', DEMO, '--config', config);
    expect(code).toBe(2);
    expect(stderr).toContain('rules.IR014: must be "off", a severity (critical, high, medium, low, info), {"enabled": false} or {"severity": "low"}; got "of" (did you mean "off"?)');
  });

  test('a misspelt rule id gets a suggestion', async () => {
    const config = file('ir.json', { rules: { IR04: 'off' } });
    expect((await runCli('audit', '--snapshot', DEMO, '--config', config)).stderr).toContain('rules.IR04: no rule has this id or name (did you mean "IR004"?)');
  });

  test('a misspelt snapshot field gets a suggestion, by case or by spelling', async () => {
    const typo = file('typo-fields.json', { apis: [{ ApiId: 'a', ProtocolTyp: 'WEBSOCKET', routeSelectionExpression: '$request.body.action' }] });
    const { stderr } = await runCli('audit', '--snapshot', typo);
    expect(stderr).toContain('$.apis[0].ProtocolTyp: unknown field "ProtocolTyp", did you mean "ProtocolType"?');
    expect(stderr).toContain('did you mean "RouteSelectionExpression"?');
  });

  test.each([
    ['a YAML CloudFormation template', file('template.yaml', "# a template\nAWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n")],
    ['a JSON CloudFormation template', file('template.json', { Resources: { Api: { Type: 'AWS::ApiGatewayV2::Api' } } })],
    ['Terraform', file('main.tf', 'resource "aws_apigatewayv2_api" "chat" {\n  name = "chat"\n}\n')],
    ['a Terraform plan', file('plan.json', { format_version: '1.2', planned_values: {} })],
  ])('%s given to audit --snapshot points at scan (exit 2)', async (_kind, path) => {
    const { code, stderr } = await runCli('audit', '--snapshot', path);
    expect(code).toBe(2);
    expect(stderr).toContain('use `apigw-audit scan FILE` for infrastructure code');
  });

  test.each([
    ['a snapshot without --snapshot', ['audit', DEMO], `apigw-audit audit: unexpected argument "${DEMO}" (did you mean --snapshot ${DEMO}?): this command takes only options (see --help)`],
    ['an argument where none belongs', ['rules', 'extra'], 'apigw-audit rules: unexpected argument "extra": this command takes only options (see --help)'],
    ['an option without its value', ['audit', '--snapshot', DEMO, '--format'], 'apigw-audit audit: --format needs a value after it (see --help)'],
    ['an option whose value is the next option', ['audit', '--snapshot', '--strict'], 'apigw-audit audit: --snapshot needs a value after it (see --help)'],
  ])('%s is a usage error (exit 2) that says what to write', async (_, args, message) => {
    const { code, stderr } = await runCli(...args);
    expect(code).toBe(2);
    expect(stderr).toBe(`${message}\n`);
  });

  test.each([
    ['the YAML suppression file', 'examples/demo-suppressions.yml', 'this is a suppression file, not a snapshot: give it with `--suppressions FILE`'],
    ['a suppression file in JSON', file('suppressions.json', { suppressions: [] }), '$.apis: missing; this is a suppression file, not a snapshot: give it with `--suppressions FILE`'],
    ['a JSON report', file('report.json', { findings: [], summary: {}, errors: [], warnings: [] }), '$.apis: missing; this is a report of `apigw-audit audit --format json`, not a snapshot: give it with `--baseline FILE`'],
  ])('%s given to audit --snapshot names the option that reads it (exit 2)', async (_kind, path, message) => {
    const { code, stderr } = await runCli('audit', '--snapshot', path);
    expect(code).toBe(2);
    expect(stderr).toContain(`${path}: ${message}`);
  });

  test('scan of a path that does not exist is bad input (exit 2), not an incomplete scan', async () => {
    const { code, stderr } = await runCli('scan', 'nothere/');
    expect(code).toBe(2);
    expect(stderr).toContain('apigw-audit scan: nothere/: no such file or folder');
  });

  test('the same snapshot given twice is audited once', async () => {
    const once = JSON.parse((await runCli('audit', '--snapshot', DEMO, '--format', 'json')).stdout);
    const twice = JSON.parse((await runCli('audit', '--snapshot', DEMO, '--snapshot', `./${DEMO}`, '--format', 'json')).stdout);
    expect(twice.summary).toEqual(once.summary);
    expect(twice.findings).toHaveLength(once.findings.length);
  });

  test('two snapshots holding the same API of one account and region are refused, naming both (exit 2)', async () => {
    const copy = file('demo-copy.json', readFileSync(DEMO, 'utf8'));
    const { code, stderr } = await runCli('audit', '--snapshot', DEMO, '--snapshot', copy);
    expect(code).toBe(2);
    expect(stderr).toBe(`apigw-audit audit: ${DEMO} and ${copy} both hold API k3chat7ws1 of eu-west-1: give one snapshot of an account and region at a time\n`);
    // Another account's snapshot with the same API ids is another API.
    const otherAccount = file('other-account.json', { ...JSON.parse(readFileSync(DEMO, 'utf8')), accountId: '210987654321' });
    expect((await runCli('audit', '--snapshot', DEMO, '--snapshot', otherAccount, '--fail-on', 'none')).code).toBe(0);
  });

  test('--strict turns snapshot-field warnings into exit 2; the last line counts the warnings either way', async () => {
    const typo = file('typo-strict.json', { apis: [{ ApiId: 'a', ProtocolType: 'HTTP', integrationType: 'MOCK' }] });
    const lenient = await runCli('audit', '--snapshot', typo);
    expect(lenient.code).toBe(0);
    expect(lastLine(lenient.stdout)).toBe('exit 0: no finding at or above high (--fail-on high), and the audit is complete; 1 warning (on stderr).');
    const strict = await runCli('audit', '--snapshot', typo, '--strict');
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('integrationType');
    expect(lastLine(strict.stdout)).toBe('exit 2: 1 snapshot warning and --strict (fix the field names, or drop --strict); 1 warning (on stderr).');
  });

  test('the text report ends with the reason for the exit code', async () => {
    expect(lastLine((await runCli('audit', '--snapshot', DEMO)).stdout)).toMatch(/^exit 1: \d+ findings at or above high \(--fail-on high\); 0 warnings\.$/);
  });

  test('the text report lists the unresolved values, the first 10 and a count of the rest', async () => {
    const json = JSON.parse((await runCli('scan', UNRESOLVED, '--format', 'json')).stdout);
    const total = json.summary.unresolved as number;
    expect(total).toBeGreaterThan(10);
    const { stdout } = await runCli('scan', UNRESOLVED);
    const listed = stdout.split('\n').filter((line) => line.includes('not resolved, so no rule judges it'));
    expect(listed).toHaveLength(10);
    expect(stdout).toContain(`  ... and ${total - 10} more (--format json lists them all)`);
  });

  test('scan lines start with file:line:column', async () => {
    const { stdout } = await runCli('scan', TEMPLATE);
    const entries = stdout.split('\n').filter((line) => / (HIGH|MEDIUM|LOW|INFO|CRITICAL) /.test(line));
    expect(entries.length).toBeGreaterThan(0);
    for (const line of entries) expect(line).toMatch(/^test\/fixtures\/iac\/cloudformation\/mock-default-route-mistakes\.yaml:\d+:\d+ /);
  });

  describe('SARIF', () => {
    const sarif = async (...args: string[]) => JSON.parse((await runCli(...args, '--format', 'sarif')).stdout) as Log;

    test('carries the severity the configuration gave a rule, not its default', async () => {
      const config = file('raise.json', { rules: { IR004: 'critical', IR014: 'info' } });
      const run = (await sarif('audit', '--snapshot', DEMO, '--config', config)).runs[0]!;
      const ir004 = run.tool.driver.rules!.find((rule) => rule.id === 'IR004')!;
      expect(ir004.properties?.['security-severity']).toBe(SECURITY_SEVERITY.critical);
      expect(ir004.defaultConfiguration?.level).toBe('error');
      const ir014 = run.tool.driver.rules!.find((rule) => rule.id === 'IR014')!;
      expect(ir014.properties?.['security-severity']).toBe(SECURITY_SEVERITY.info);
      const result = run.results!.find((candidate) => candidate.ruleId === 'IR004')!;
      expect(result.properties).toMatchObject({ severity: 'critical', 'security-severity': SECURITY_SEVERITY.critical });
    });

    test('helpUri is an absolute link to the rule page in the package repository', async () => {
      const run = (await sarif('audit', '--snapshot', DEMO)).runs[0]!;
      for (const rule of run.tool.driver.rules!) expect(rule.helpUri).toMatch(new RegExp(`^https://github\\.com/[\\w-]+/[\\w-]+/blob/main/docs/rules/${rule.id}\\.md$`));
    });

    test('audit results point at the snapshot file, with the JSON path of the resource', async () => {
      const run = (await sarif('audit', '--snapshot', DEMO)).runs[0]!;
      expect(run.results!.length).toBeGreaterThan(0);
      for (const result of run.results!) {
        expect(result.locations![0]!.physicalLocation?.artifactLocation?.uri).toBe(DEMO);
        expect(result.properties?.jsonPath).toMatch(/^\$\.apis\[\d+\]/);
      }
      const ir004 = run.results!.find((result) => result.ruleId === 'IR004')!;
      expect(ir004.properties?.jsonPath).toMatch(/^\$\.apis\[\d+\]\.integrations\[\d+\]\.integrationResponses\[\d+\]$/);
    });
  });
});

describe('README and --help agree', () => {
  /** The README's usage block, each command with the options its lines name. */
  const usage = readFileSync('README.md', 'utf8').split('## Command line')[1]!.split('```')[3]!;
  const readmeOptions = new Map<string, Set<string>>();
  let command = '';
  for (const line of usage.split('\n')) {
    command = /^apigw-audit (\w+)/.exec(line)?.[1] ?? (/^apigw-audit --/.test(line) ? '' : command);
    for (const option of line.match(/--[a-z-]+/g) ?? []) readmeOptions.set(command, (readmeOptions.get(command) ?? new Set()).add(option));
  }

  test.each(['audit', 'scan', 'snapshot', 'rules'])('%s: the README names every option --help lists, and --help every option the README names', async (name) => {
    const help = (await runCli(name, '--help')).stdout;
    const helpOptions = new Set((help.split('Options:')[1] ?? help).match(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)?.map((option) => option.replace(/^ +(-\w, )?/, '')) ?? help.match(/--[a-z-]+/g) ?? []);
    helpOptions.delete('--help');
    expect([...(readmeOptions.get(name) ?? [])].sort()).toEqual([...helpOptions].sort());
  });

  test('the top-level usage and the README both show --version', async () => {
    expect((await runCli('--help')).stdout).toContain('apigw-audit --version');
    expect(usage).toContain('apigw-audit --version');
  });
});

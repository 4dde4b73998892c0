import { join } from 'node:path';
import { RULES } from '../../lib/rules';
import { runCli } from '../support/run-cli';
import { tempFiles } from '../support/temp-files';

const DEMO = 'examples/demo-account.json';
const { dir, file } = tempFiles('cli-');
const clean = file('clean.json', { region: 'eu-west-1', apis: [{ ApiId: 'a1', ProtocolType: 'HTTP', RouteSelectionExpression: '$request.method $request.path' }] });

describe('apigw-audit audit', () => {
  test('the JSON report of the demo account is the contract object (snapshot)', async () => {
    const { code, stdout } = await runCli('audit', '--snapshot', DEMO, '--format', 'json', '--fail-on', 'none');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['findings', 'summary', 'errors', 'warnings']);
    expect(report.summary).toMatchObject({ apisAudited: 3, complete: true, errors: 0, rulesRun: RULES.filter((rule) => rule.meta.enabledByDefault !== false).length });
    expect(report).toMatchSnapshot();
  });

  test('the text report groups findings by API and ends with the summary', async () => {
    const { stdout } = await runCli('audit', '--snapshot', DEMO, '--fail-on', 'none');
    expect(stdout).toContain('chat-ws (k3chat7ws1, WEBSOCKET, eu-west-1)');
    expect(stdout).toMatch(/HIGH +IR004 +integrations\/ping01\/integrationresponses\/pr1 +ResponseParameters\["method.response.headr.X-Request-Id"\]/);
    const [summary, exit] = stdout.trim().split('\n').slice(-2);
    expect(summary).toMatch(/^\d+ findings \(.*\) in 3 APIs, \d+ rules; audit complete\.$/);
    expect(exit).toBe('exit 0: findings never fail the run (--fail-on none), and the audit is complete; 0 warnings.');
  });

  test('exit 1 when a finding is at or above --fail-on (default high), 0 below it', async () => {
    expect((await runCli('audit', '--snapshot', DEMO)).code).toBe(1);
    expect((await runCli('audit', '--snapshot', DEMO, '--fail-on', 'critical', '--min-severity', 'high')).code).toBe(RULES.some((r) => r.meta.severity === 'critical') ? 1 : 0);
    expect((await runCli('audit', '--snapshot', clean)).code).toBe(0);
  });

  test('--format sarif describes the rules that ran and reports each finding with its fingerprint', async () => {
    const { stdout } = await runCli('audit', '--snapshot', DEMO, '--format', 'sarif', '--fail-on', 'none');
    const run = JSON.parse(stdout).runs[0];
    // Rules off by default (HP109, IR115) do not run, so they are not listed.
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(RULES.filter((rule) => rule.meta.enabledByDefault !== false).map((rule) => rule.meta.id));
    const json = JSON.parse((await runCli('audit', '--snapshot', DEMO, '--format', 'json')).stdout);
    expect(run.results.map((r: { partialFingerprints: Record<string, string> }) => Object.values(r.partialFingerprints)[0]).sort()).toEqual(json.findings.map((f: { fingerprint: string }) => f.fingerprint).sort());
  });

  test('--min-severity hides lower findings', async () => {
    const { stdout } = await runCli('audit', '--snapshot', DEMO, '--format', 'json', '--min-severity', 'high');
    const severities = new Set(JSON.parse(stdout).findings.map((f: { severity: string }) => f.severity));
    expect([...severities].every((s) => s === 'high' || s === 'critical')).toBe(true);
  });

  test('--config turns a rule off', async () => {
    const config = file('config.json', { rules: { IR004: 'off' } });
    const { stdout } = await runCli('audit', '--snapshot', DEMO, '--format', 'json', '--config', config);
    expect(JSON.parse(stdout).findings.some((f: { ruleId: string }) => f.ruleId === 'IR004')).toBe(false);
  });

  test('several snapshots are audited together', async () => {
    const { stdout } = await runCli('audit', '--snapshot', DEMO, '--snapshot', clean, '--format', 'json');
    expect(JSON.parse(stdout).summary.apisAudited).toBe(4);
  });

  test.each([
    ['no snapshot', [], 'audit needs at least one --snapshot FILE'],
    ['an unknown option', ['--snapshot', DEMO, '--formt', 'json'], 'unknown option "--formt" (did you mean --format?); the options are --format, '],
    ['a mistyped option', ['--snapshots', DEMO], 'unknown option "--snapshots" (did you mean --snapshot?)'],
    ['a bad format', ['--snapshot', DEMO, '--format', 'xml'], '--format must be one of text, json, sarif, asff, ocsf; got "xml"'],
    ['a bad severity', ['--snapshot', DEMO, '--fail-on', 'urgent'], '--fail-on must be one of critical, high, medium, low, info, none; got "urgent"'],
    ['a mistyped severity', ['--snapshot', DEMO, '--min-severity', 'meduim'], '--min-severity must be one of critical, high, medium, low, info; got "meduim" (did you mean "medium"?)'],
    ['a malformed snapshot', ['--snapshot', file('bad.json', '{"apis": [{"ApiId": 1}]}')], 'bad.json: $.apis[0].ApiId: must be a string id'],
    ['a missing snapshot', ['--snapshot', join(dir, 'missing.json')], 'missing.json: cannot read the file: no such file or folder (ENOENT)'],
    ['a bad config', ['--snapshot', DEMO, '--config', file('cfg.json', { rules: { NOPE1: 'off' } })], 'cfg.json: rules.NOPE1: no rule has this id or name'],
  ])('exit 2 with a clear message for %s', async (_name, args, message) => {
    const { code, stderr, stdout } = await runCli('audit', ...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stdout).toBe('');
  });

  test('warnings about misspelt fields go to stderr', async () => {
    const typo = file('typo.json', { apis: [{ ApiId: 'a', protocolType: 'WEBSOCKET' }] });
    const { stderr } = await runCli('audit', '--snapshot', typo);
    expect(stderr).toContain('warning: ');
    expect(stderr).toContain('did you mean "ProtocolType"');
  });
});

describe('apigw-audit rules and help', () => {
  test('rules --format json lists every rule with its metadata', async () => {
    const { code, stdout } = await runCli('rules', '--format', 'json');
    expect(code).toBe(0);
    const { rules } = JSON.parse(stdout);
    expect(rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.meta.id));
    expect(rules[0]).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.any(String), severity: expect.any(String), title: expect.any(String), rationale: expect.any(String), remediation: expect.any(String), source: expect.any(String) }));
    expect(rules.find((r: { id: string }) => r.id === 'IR014')).toEqual(expect.objectContaining({ kind: 'policy', enabledByDefault: true }));
    expect(rules.find((r: { id: string }) => r.id === 'IR115')).toEqual(expect.objectContaining({ enabledByDefault: false }));
    expect(new Set(rules.map((r: { kind: string }) => r.kind))).toEqual(new Set(['certain', 'policy', 'heuristic', 'security']));
    // An engine hint, not something a user configures: the listing is the same as before rules declared it.
    expect(rules.filter((r: object) => 'reportsOnlyWith' in r || 'examples' in r)).toEqual([]);
  });

  test('rules as text, one line each and a count', async () => {
    const { stdout } = await runCli('rules');
    expect(stdout.trim().split('\n')).toHaveLength(RULES.length + 1);
    expect(stdout).toMatch(/^IR014 +low +policy +ir-content-handling-missing: /m);
    expect(stdout).toMatch(/^HP109 .* \(off by default\)$/m);
    expect(stdout).not.toMatch(/^IR004 .* \(off by default\)$/m);
  });

  test.each(['audit', 'rules'])('%s --help', async (command) => {
    const { code, stdout } = await runCli(command, '--help');
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: apigw-audit ${command}`);
  });

  test('rules --help points at the rule pages by their address, which an installed package can reach', async () => {
    const { stdout } = await runCli('rules', '--help');
    expect(stdout).toMatch(/on each rule's page,\nhttps:\/\/github\.com\/[\w-]+\/[\w-]+\/blob\/main\/docs\/rules\/ID\.md\)/);
    expect(stdout).not.toContain('page in docs/rules/');
  });

  test('no command prints the usage and exits 2; an unknown command too', async () => {
    expect(await runCli()).toMatchObject({ code: 2, stdout: expect.stringContaining('Commands:') });
    expect(await runCli('audti')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "audti"') });
  });
});

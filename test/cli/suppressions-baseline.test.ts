import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli';

const DEMO = 'examples/demo-account.json';
const dir = mkdtempSync(join(tmpdir(), 'cli-state-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

interface ReportFinding {
  ruleId: string;
  severity: string;
  fingerprint: string;
  resource: { apiId: string; integrationId?: string };
}
const audit = async (...args: string[]) => {
  const { code, stdout, stderr } = await runCli('audit', '--snapshot', DEMO, '--format', 'json', ...args);
  return { code, stderr, report: JSON.parse(stdout) as { findings: ReportFinding[]; summary: Record<string, unknown>; suppressions?: Record<string, unknown[]> } };
};

describe('apigw-audit audit --suppressions', () => {
  const accepted = file(
    'accepted.yaml',
    `suppressions:
  - rule: IR004
    resource: ping01
    reason: legacy clients read the misspelt header
    expires: 2999-12-31
    owner: chat-team@example.com
`,
  );

  test('a suppressed finding leaves the report, is counted, and is listed with its reason', async () => {
    const before = await audit('--fail-on', 'none');
    const { code, report, stderr } = await audit('--fail-on', 'none', '--suppressions', accepted);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const ir004 = before.report.findings.filter((f) => f.ruleId === 'IR004' && f.resource.integrationId === 'ping01');
    expect(ir004).toHaveLength(1);
    expect(report.findings).toHaveLength(before.report.findings.length - 1);
    expect(report.findings.map((f) => f.fingerprint)).not.toContain(ir004[0]?.fingerprint);
    expect(report.summary).toMatchObject({ findings: before.report.findings.length - 1, suppressed: 1 });
    expect(report.suppressions).toEqual({
      suppressed: [
        expect.objectContaining({
          fingerprint: ir004[0]?.fingerprint,
          ruleId: 'IR004',
          suppression: { index: 0, rule: 'IR004', resource: 'ping01', reason: 'legacy clients read the misspelt header', expires: '2999-12-31', owner: 'chat-team@example.com' },
        }),
      ],
      expired: [],
      stale: [],
    });
  });

  test('suppressed findings are not gated on; the text summary counts them', async () => {
    const everyApi = file(
      'every-api.yaml',
      `suppressions:\n${['k3chat7ws1', 'p9notify22', 'h4catalog3'].map((api) => `  - { rule: "*", resource: ${api}, reason: migration under way, expires: 2999-01-01 }\n`).join('')}`,
    );
    expect((await runCli('audit', '--snapshot', DEMO)).code).toBe(1);
    const { code, stdout } = await runCli('audit', '--snapshot', DEMO, '--suppressions', everyApi);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n').at(-2)).toMatch(/^No findings in 3 APIs, \d+ rules; \d+ suppressed; audit complete\.$/);
  });

  test('an expired entry suppresses nothing and is reported; an entry that matched nothing is reported stale', async () => {
    const old = file(
      'old.yaml',
      `suppressions:
  - { rule: IR004, resource: ping01, reason: accepted last year, expires: 2020-12-31 }
  - { rule: RR004, resource: gone123, reason: the API was deleted, expires: 2999-12-31 }
`,
    );
    const { code, report, stderr } = await audit('--fail-on', 'none', '--suppressions', old);
    expect(code).toBe(0);
    expect(report.findings.some((f) => f.ruleId === 'IR004' && f.resource.integrationId === 'ping01')).toBe(true);
    expect(report.summary.suppressed).toBe(0);
    expect(stderr).toContain(`warning: ${old}: suppressions[0] (IR004 on ping01) expired after 2020-12-31; its 1 finding is reported again`);
    expect(stderr).toContain(`warning: ${old}: suppressions[1] (RR004 on gone123) matched no finding (stale)`);
    expect(report.suppressions?.expired).toEqual([{ entry: expect.objectContaining({ rule: 'IR004' }), fingerprints: [expect.any(String)] }]);
    expect(report.suppressions?.stale).toEqual([{ entry: expect.objectContaining({ rule: 'RR004' }) }]);
  });

  test('a malformed file fails the run before any report (exit 2), naming the entry and the field', async () => {
    const bad = file('bad.yaml', 'suppressions:\n  - { rule: IR004, resource: "*", reason: everything, expires: 2999-01-01 }\n');
    const { code, stdout, stderr } = await runCli('audit', '--snapshot', DEMO, '--suppressions', bad);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${bad}: suppressions[0] (rule "IR004"): resource: "*" is only allowed inside an ARN pattern`);
    expect((await runCli('audit', '--snapshot', DEMO, '--suppressions', join(dir, 'missing.yaml'))).stderr).toContain('missing.yaml: cannot read the file: no such file or folder (ENOENT)');
  });
});

describe('apigw-audit audit --baseline', () => {
  test('only findings whose fingerprint is not in the baseline are reported and gated on', async () => {
    const { stdout } = await runCli('audit', '--snapshot', DEMO, '--format', 'json', '--fail-on', 'none');
    const all = JSON.parse(stdout) as { findings: ReportFinding[] };
    const unchanged = file('baseline-all.json', stdout);
    const clean = await audit('--baseline', unchanged);
    expect(clean.code).toBe(0);
    expect(clean.report.findings).toEqual([]);
    expect(clean.report.summary).toMatchObject({ findings: 0, baselined: all.findings.length, complete: true });
    expect(Object.keys(clean.report)).toEqual(['findings', 'summary', 'errors', 'warnings']);

    // A baseline taken before the critical finding existed: that one is new.
    const critical = all.findings.find((f) => f.severity === 'critical');
    const older = file('baseline-older.json', JSON.stringify({ ...all, findings: all.findings.filter((f) => f !== critical) }));
    const fresh = await audit('--baseline', older);
    expect(fresh.code).toBe(1);
    expect(fresh.report.findings.map((f) => f.fingerprint)).toEqual([critical?.fingerprint]);
    expect(fresh.report.summary).toMatchObject({ findings: 1, baselined: all.findings.length - 1, bySeverity: { critical: 1, high: 0 } });
    expect((await runCli('audit', '--snapshot', DEMO, '--baseline', older)).stdout).toMatch(/1 finding \(1 critical\) in 3 APIs, \d+ rules; \d+ in the baseline; audit complete\./);
  });

  test('suppressions and a baseline together: each finding is counted once', async () => {
    const { stdout } = await runCli('audit', '--snapshot', DEMO, '--format', 'json', '--fail-on', 'none');
    const baseline = file('baseline-both.json', stdout);
    const suppressions = file('one.yaml', 'suppressions:\n  - { rule: IR004, resource: ping01, reason: accepted, expires: 2999-12-31 }\n');
    const { report } = await audit('--baseline', baseline, '--suppressions', suppressions);
    const total = (JSON.parse(stdout) as { findings: unknown[] }).findings.length;
    expect(report.summary).toMatchObject({ findings: 0, suppressed: 1, baselined: total - 1 });
  });

  test.each([
    ['not JSON', 'findings: []', 'not valid JSON (a baseline is the output of `apigw-audit audit --format json`)'],
    ['not a report', '{"results": []}', 'findings: is required'],
    ['a finding without a fingerprint', '{"findings": [{"ruleId": "IR004"}]}', 'findings[0].fingerprint: '],
  ])('a baseline that is %s fails with exit 2', async (_case, content, message) => {
    const path = file('bad-baseline.json', content);
    const { code, stderr } = await runCli('audit', '--snapshot', DEMO, '--baseline', path);
    expect(code).toBe(2);
    expect(stderr).toContain(`${path}: `);
    expect(stderr).toContain(message);
  });
});

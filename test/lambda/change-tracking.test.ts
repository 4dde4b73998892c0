import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { AuditResponse } from '../../lib/lambda/invoke-response';
import { BASELINE_LISTED } from '../../lib/report/digest';
import { demoAccountNextDay } from '../support/demo-account-change';
import { useDynalite } from '../support/dynalite';
import { ACCOUNT, loadHandler, REGION, useLambdaHarness, type Entry } from '../support/lambda-harness';
import { deployTracked, deployedSuppressions as writeSuppressions } from '../support/tracked-deployment';

/**
 * The deployed handler with change tracking, end to end: API Gateway V2 and SNS from the
 * loopback fake, the state table in dynalite (a real DynamoDB implementation) on 127.0.0.1,
 * all reached through the standard AWS_ENDPOINT_URL_* variables. Each test deploys its own
 * table and moves the run's clock across days.
 */
const harness = useLambdaHarness();
const { sns } = harness;

useDynalite();

const dir = mkdtempSync(join(tmpdir(), 'apigw-audit-tracking-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const day = (n: number) => new Date(Date.UTC(2026, 2, n, 6));
const IR004_ARN = `arn:aws:apigateway:${REGION}::/apis/k3chat7ws1/integrations/ping01/integrationresponses/pr1`;
const RR001_ARN = `arn:aws:apigateway:${REGION}::/apis/k3chat7ws1/routes/rping1/routeresponses/rrp2`;
const isMetric = (name: string) => (entry: Entry) => entry.kind === 'log' && entry.line._aws !== undefined && name in entry.line;
const finding = (arn: string) => harness.lines('finding-lifecycle').find((line) => (line.resource as { arn: string }).arn === arn);

const deploy = (env?: Record<string, string>) => deployTracked(harness, env);
const deployedSuppressions = (name: string, yaml: string) => writeSuppressions(dir, name, yaml);

describe('alert mode "changes"', () => {
  test('the first run sends one baseline digest; a second run on the unchanged account sends none, but logs every finding again', async () => {
    const { run } = await deploy();
    const first = await run(day(1));
    expect(first.digest).toMatchObject({ status: 'published', parts: 1 });
    expect(sns.published).toHaveLength(1);
    const [baseline] = sns.published;
    expect(baseline!.subject).toBe(`apigw-audit: baseline, 1 critical, 11 high, 2 medium | ${ACCOUNT} ${REGION}`);
    expect(baseline!.message).toMatch(/^apigw-audit: baseline of account 123456789012 \(eu-west-1\): 14 findings at or above medium open\n/);
    expect(baseline!.message).toContain('This is the first run that tracks changes: from now on a digest comes only when a finding appears, comes back or is resolved.');
    expect([...baseline!.message.matchAll(/^ {4}Remediation: /gm)]).toHaveLength(BASELINE_LISTED);
    expect(harness.lines('finding')).toHaveLength(first.summary.findings);
    expect(harness.lines('finding-lifecycle').every((line) => line.lifecycle === 'new' && line.firstSeen === day(1).toISOString() && line.ageDays === 0)).toBe(true);

    const second = await run(day(2));
    expect(second.digest).toEqual({ status: 'nothing to alert' });
    expect(sns.published).toHaveLength(0);
    expect(harness.lines('finding')).toHaveLength(second.summary.findings);
    expect(harness.lines('finding-lifecycle').every((line) => line.lifecycle === 'open' && line.firstSeen === day(1).toISOString() && line.ageDays === 1)).toBe(true);
    expect(second.changeTracking).toEqual({
      status: 'on',
      lifecycle: { new: 0, open: second.summary.findings, reopened: 0, resolved: 0 },
      suppressed: 0,
      expiredSuppressions: 0,
      staleSuppressions: 0,
    });
    expect(harness.lines('audit-summary')[0]).toMatchObject({ alertMode: 'changes', digest: 'none', changeTracking: { status: 'on' } });
  });

  test('fixing one problem (and adding another) sends a digest naming it resolved and the other new', async () => {
    const { run } = await deploy();
    await run(day(1));
    harness.serve(demoAccountNextDay(harness.demo));
    const response = await run(day(2));

    expect(sns.published).toHaveLength(1);
    const [digest] = sns.published;
    expect(digest!.subject).toBe(`apigw-audit: 1 new, 1 resolved | ${ACCOUNT} ${REGION}`);
    expect(digest!.message).toContain('New: 1 high. Reopened: none. Resolved: 1 high.\nStill open, not listed: 1 critical, 10 high, 2 medium.');
    expect([...digest!.message.matchAll(/^== (.*) ==$/gm)].map((match) => match[1])).toEqual(['NEW: HIGH', 'RESOLVED: HIGH']);
    expect(digest!.message).toContain(`  RR001 route-response-key-not-default (certain): Route response key is not $default\n    Resource:    routes/rping1/routeresponses/rrp2 (${RR001_ARN})`);
    expect(digest!.message).toContain(`  IR004: Integration response parameter key is not method.response.header.{name}\n    Resource:    integrations/ping01/integrationresponses/pr1 (${IR004_ARN})`);
    expect(digest!.message).toContain('    Status:      resolved; first seen 2026-03-01, last seen 2026-03-01');
    expect(Object.fromEntries(Object.entries(digest!.attributes).map(([name, { value }]) => [name, value]))).toMatchObject({ highestSeverity: 'high', findings: '1', high: '1' });

    // The resolved findings are logged too (the low IR114 on the same response as well), and counted.
    expect(harness.lines('finding-resolved').map((line) => line.ruleId).sort()).toEqual(['IR004', 'IR114']);
    expect(harness.lines('finding-resolved')[0]).toMatchObject({ resolvedAt: day(2).toISOString(), firstSeen: day(1).toISOString(), resource: { arn: IR004_ARN, apiId: 'k3chat7ws1' } });
    expect(finding(RR001_ARN)).toMatchObject({ lifecycle: 'new', firstSeen: day(2).toISOString() });
    expect(response.changeTracking.lifecycle).toMatchObject({ new: 1, resolved: 2 });
    expect(harness.timeline.find(isMetric('NewFindings'))).toMatchObject({ line: { NewFindings: 1, ResolvedFindings: 2 } });
  });

  test('an incomplete run resolves nothing it could not read, and its digest says the audit was incomplete', async () => {
    const { run } = await deploy();
    await run(day(1));
    // notify-ws cannot be read (its findings are missing from the run), and chat-ws changed.
    harness.serve(demoAccountNextDay(harness.demo), { faults: [{ kind: 'deny', operation: 'GetRoutes', apiId: 'p9notify22' }] });
    const incomplete = await run(day(2));

    expect(incomplete.summary).toMatchObject({ complete: false, apisAudited: 2 });
    // IR004 is fixed on chat-ws, which was read: resolved. Nothing on notify-ws is.
    expect(harness.lines('finding-resolved').map((line) => line.resource)).toEqual([
      expect.objectContaining({ apiId: 'k3chat7ws1' }),
      expect.objectContaining({ apiId: 'k3chat7ws1' }),
    ]);
    const [digest] = sns.published;
    expect(digest!.subject).toBe(`apigw-audit: 1 new, 1 resolved | ${ACCOUNT} ${REGION} | INCOMPLETE`);
    expect(digest!.message).toMatch(/^THE AUDIT IS INCOMPLETE \(1 error\): .* None of them is reported resolved\.\n {2}- collector GetRoutes p9notify22: /m);

    // Read again, notify-ws still has its findings: they were open all along, not resolved and back.
    harness.serve(demoAccountNextDay(harness.demo));
    const complete = await run(day(3));
    expect(complete.digest).toEqual({ status: 'nothing to alert' });
    expect(harness.lines('finding-lifecycle').filter((line) => (line.resource as { apiId: string }).apiId === 'p9notify22').map((line) => line.lifecycle)).toEqual(['open', 'open']);
  });

  test('a dry run compares but saves nothing: the next real run is still the first', async () => {
    const { run } = await deploy();
    expect((await run(day(1), { dryRun: true })).digest).toEqual({ status: 'dry run', parts: 1 });
    await run(day(2));
    expect(sns.published.map((message) => message.subject)).toEqual([expect.stringMatching(/^apigw-audit: baseline, /)]);
  });
});

describe('suppressions', () => {
  test('a suppressed finding is logged with its reason but never alerted; the day after it expires it comes back, and the digest says so', async () => {
    const file = await deployedSuppressions(
      'expiring',
      'suppressions:\n  - rule: IR004\n    resource: ping01\n    reason: legacy clients read the misspelt header until the v2 rollout\n    expires: 2026-03-02\n    owner: chat-team@example.com\n',
    );
    const { run } = await deploy({ SUPPRESSIONS_FILE: file });

    await run(day(1));
    expect(finding(IR004_ARN)).toMatchObject({ lifecycle: 'suppressed', suppression: { rule: 'IR004', resource: 'ping01', reason: 'legacy clients read the misspelt header until the v2 rollout', expires: '2026-03-02' } });
    expect(sns.published[0]!.subject).toBe(`apigw-audit: baseline, 1 critical, 10 high, 2 medium | ${ACCOUNT} ${REGION}`);
    expect(sns.published[0]!.message).not.toContain(IR004_ARN);

    // Its last day: still suppressed, nothing changed.
    expect((await run(new Date('2026-03-02T23:30:00Z'))).digest).toEqual({ status: 'nothing to alert' });
    expect(finding(IR004_ARN)).toMatchObject({ lifecycle: 'suppressed' });

    const dayAfter = await run(day(3));
    expect(dayAfter.digest).toMatchObject({ status: 'published' });
    const [digest] = sns.published;
    expect(digest!.subject).toBe(`apigw-audit: 1 reopened | ${ACCOUNT} ${REGION}`);
    expect([...digest!.message.matchAll(/^== (.*) ==$/gm)].map((match) => match[1])).toEqual(['REOPENED: HIGH']);
    expect(digest!.message).toContain(`(${IR004_ARN})`);
    expect(digest!.message).toContain('    Status:      back: suppressions[0] (IR004 on ping01) expired after 2026-03-02; first seen 2026-03-01');
    expect(digest!.message).toContain(
      'Suppressions past their expiry date (renew the date if the risk is still accepted, or remove the entry):\n  - suppressions[0] (IR004 on ping01) expired after 2026-03-02 (owner chat-team@example.com; reason: legacy clients read the misspelt header until the v2 rollout): 1 finding reported again',
    );
    expect(finding(IR004_ARN)).toMatchObject({ lifecycle: 'reopened', firstSeen: day(1).toISOString(), expiredSuppression: { rule: 'IR004', expires: '2026-03-02' } });

    // From then on it is an open finding like any other: no digest.
    expect((await run(day(4))).digest).toEqual({ status: 'nothing to alert' });
  });

  test('a stale entry is mentioned in a digest sent anyway, and is never a reason to send one', async () => {
    const file = await deployedSuppressions('stale', 'suppressions:\n  - { rule: RR001, resource: gone1234, reason: the API is being retired, expires: 2027-01-31 }\n');
    const { run } = await deploy({ SUPPRESSIONS_FILE: file });
    await run(day(1));
    const quiet = await run(day(9));
    expect(quiet.changeTracking.staleSuppressions).toBe(1);
    expect(quiet.digest).toEqual({ status: 'nothing to alert' });

    harness.serve(demoAccountNextDay(harness.demo));
    await run(day(10));
    expect(sns.published[0]!.message).toContain('Stale suppressions, matching no finding for days (fixed, or a wrong rule or resource: remove or correct them):\n  - suppressions[0] (RR001 on gone1234): never matched a finding');
  });

  test('a malformed suppression file fails the cold start, naming the entry, before any AWS call', async () => {
    // Packaging refuses this file (test/stack/template.test.ts), so it is deployed here as JSON
    // without that check: the function must refuse it on its own.
    const file = join(dir, 'malformed.json');
    writeFileSync(file, JSON.stringify(parseYaml(readFileSync('test/fixtures/suppressions/malformed.yml', 'utf8'))));
    const { handler } = await loadHandler({ SUPPRESSIONS_FILE: file });
    const before = harness.fake.requests.length;
    const failure = { name: 'ConfigError', message: `${file}: suppressions[1] (rule "WS001"): expires: is required` };
    await expect(harness.invoke(undefined, handler)).rejects.toMatchObject(failure);
    // The file ships with the function: every run of the container refuses it, none suppresses anything.
    await expect(harness.invoke(undefined, handler)).rejects.toMatchObject(failure);
    expect(harness.fake.requests.length).toBe(before);
  });
});

describe('without working change tracking', () => {
  test('the table unavailable: every finding is still logged and alerted, with a note, an audit-error line and the AuditErrors metric', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { createHandler } = await loadHandler({ STATE_TABLE: 'apigw-audit-test-unreachable' });
    const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB;
    process.env.AWS_ENDPOINT_URL_DYNAMODB = `http://127.0.0.1:${port}`;
    let response: AuditResponse;
    try {
      response = await harness.invoke(undefined, createHandler(() => day(1)));
    } finally {
      process.env.AWS_ENDPOINT_URL_DYNAMODB = endpoint;
    }

    expect(harness.lines('finding')).toHaveLength(response.summary.findings);
    expect(harness.lines('finding-lifecycle').every((line) => line.lifecycle === 'untracked' && line.firstSeen === undefined)).toBe(true);
    expect(harness.lines('audit-error')).toEqual([
      expect.objectContaining({ level: 'ERROR', source: 'state', operation: 'load', message: expect.stringMatching(/^state table "apigw-audit-test-unreachable": cannot load the finding state: .*ECONNREFUSED/) }),
    ]);
    expect(harness.timeline.find(isMetric('AuditErrors'))).toMatchObject({ line: { AuditErrors: 1 } });
    expect(response.changeTracking).toMatchObject({ status: 'failed', error: expect.stringContaining('ECONNREFUSED') });

    const [digest] = sns.published;
    expect(digest!.subject).toBe(`apigw-audit: 1 critical, 11 high, 2 medium | ${ACCOUNT} ${REGION}`);
    expect(digest!.message).toMatch(/^CHANGE TRACKING FAILED: state table "apigw-audit-test-unreachable": cannot load the finding state: .*ECONNREFUSED.*\. This digest lists every finding at or above medium, not only what changed\.$/m);
  }, 20_000);

  test('no STATE_TABLE: every run alerts every finding, saying that change tracking is off', async () => {
    const response = await harness.invoke();
    expect(response.changeTracking).toEqual({ status: 'off', suppressed: 0, expiredSuppressions: 0, staleSuppressions: 0 });
    expect(harness.lines('finding-lifecycle').every((line) => line.lifecycle === 'untracked')).toBe(true);
    expect(sns.published[0]!.message).toContain('Change tracking is off (the function has no STATE_TABLE): this digest lists every finding at or above medium.');
  });

  test('alert mode "every-run" with a table: every run alerts every finding, each with where it stands', async () => {
    const { run } = await deploy({ ALERT_MODE: 'every-run' });
    await run(day(1));
    await run(day(2));
    const [digest] = sns.published;
    expect(digest!.subject).toBe(`apigw-audit: 1 critical, 11 high, 2 medium | ${ACCOUNT} ${REGION}`);
    expect([...digest!.message.matchAll(/^ {4}Status: +(.*)$/gm)].map((match) => match[1])).toEqual(Array(14).fill('open since 2026-03-01'));
    expect(digest!.message).not.toContain('Change tracking');
  });
});

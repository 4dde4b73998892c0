import type { Snapshot } from '../../lib/model/snapshot';
import { CHANGE_AUDIT_MAX_RATE } from '../../lib/lambda/change-audit';
import { ALICE, cloudTrailEvent, queueBatch, v2WriteCalls, type CloudTrailCall } from '../support/cloudtrail-events';
import { demoAccountNextDay } from '../support/demo-account-change';
import { useDynalite } from '../support/dynalite';
import { lambdaContext } from '../support/lambda-context';
import { ACCOUNT, FUNCTION, REGION, useLambdaHarness, type Entry } from '../support/lambda-harness';
import { deployTracked } from '../support/tracked-deployment';

/**
 * Change audits end to end: batches of CloudTrail events as the change queue delivers them,
 * the deployed handler with change tracking, API Gateway V2 and SNS from the loopback fake,
 * the state table in dynalite, all on 127.0.0.1. Each test deploys its own table, audits the
 * demo account on a schedule first (the baseline), then changes it and delivers the events.
 */
const harness = useLambdaHarness();
const { sns } = harness;
// A change audit walks at CHANGE_AUDIT_MAX_RATE (2.5 requests/s after a burst of 10): 3 APIs take seconds.
jest.setTimeout(30_000);

useDynalite();

const BASELINE_DAY = new Date('2026-11-26T06:00:00Z');
const CHANGED_AT = '2026-11-27T10:00:00Z';
/** When the change audit runs: 95 s after the change (CloudTrail's delivery, the batching window). */
const AUDITED_AT = new Date(Date.parse(CHANGED_AT) + 95_000);

const chatCall = (eventName: string, extra: Record<string, unknown> = {}): CloudTrailCall => ({
  eventName,
  requestParameters: { apiId: 'k3chat7ws1', ...extra },
  eventTime: CHANGED_AT,
});
const withoutApi = (snapshot: Snapshot, apiId: string): Snapshot => ({ ...snapshot, apis: snapshot.apis.filter((api) => api.ApiId !== apiId) });
/** API Gateway calls the fake answered since the timeline was last cleared, as `Operation path`. */
const apiGatewayCalls = (since: number) => harness.fake.requests.slice(since).filter((request) => request.service === 'apigateway').map((request) => `${request.operation} ${request.url.split('?')[0]}`);
const isMetric = (name: string) => (entry: Entry) => entry.kind === 'log' && entry.line._aws !== undefined && name in entry.line;

async function deployWithBaseline() {
  const deployment = await deployTracked(harness);
  const baseline = await deployment.run(BASELINE_DAY);
  expect(baseline.summary).toMatchObject({ apisAudited: 3, complete: true });
  return { ...deployment, baseline };
}

test('a change to one API audits that API alone: its new and fixed findings are in a digest that names the calls, their time and who made them', async () => {
  const { deliver, run, baseline } = await deployWithBaseline();
  // Overnight the chat API changes (one problem fixed, one made), and notify-ws is deleted
  // without any event reaching the queue: only the next full walk may notice that.
  harness.serve(withoutApi(demoAccountNextDay(harness.demo), 'p9notify22'));
  const before = harness.fake.requests.length;

  const result = await deliver(AUDITED_AT, queueBatch([cloudTrailEvent(chatCall('UpdateIntegrationResponse', { integrationId: 'ping01', integrationResponseId: 'pr1' })), cloudTrailEvent({ ...chatCall('CreateRouteResponse', { routeId: 'rping1', routeResponseKey: '200' }), eventTime: '2026-11-27T10:00:30Z' })]));

  expect(result).toEqual({ batchItemFailures: [] });
  // Exactly the calls of the changed API, after the one listing that finds it.
  const calls = apiGatewayCalls(before);
  expect(calls[0]).toBe('GetApis /v2/apis');
  expect(calls.slice(1).every((call) => / \/v2\/apis\/k3chat7ws1\//.test(call))).toBe(true);
  expect(calls.filter((call) => call.startsWith('GetIntegrations '))).toEqual(['GetIntegrations /v2/apis/k3chat7ws1/integrations']);
  // The listing, GetIntegrations and GetRoutes, and one call per integration (5) and route (5): what README says a change costs.
  expect(calls).toHaveLength(13);

  expect(harness.lines('audit-summary')[0]).toMatchObject({ trigger: 'change', accountId: ACCOUNT, regions: [REGION], apiIds: ['k3chat7ws1'], narrowed: true, maxRate: CHANGE_AUDIT_MAX_RATE, apisAudited: 1, complete: true });
  // The fix removed the ping response's mapping: IR004 (high) and IR114 (low, below the digest's threshold) are resolved.
  const resolved = harness.lines('finding-resolved');
  expect(resolved.map((line) => `${line.ruleId} ${(line.resource as { apiId: string }).apiId}`).sort()).toEqual(['IR004 k3chat7ws1', 'IR114 k3chat7ws1']);

  expect(sns.published).toHaveLength(1);
  const { subject, message } = sns.published[0]!;
  expect(subject).toBe(`apigw-audit: 1 new, 1 resolved | ${ACCOUNT} ${REGION}`);
  expect(message).toContain(
    [
      'Triggered by a change: 2 API Gateway calls on 1 API (CloudTrail); this audit covers only that API:',
      `  - 2026-11-27T10:00:00.000Z UpdateIntegrationResponse on k3chat7ws1 by ${ALICE}`,
      `  - 2026-11-27T10:00:30.000Z CreateRouteResponse on k3chat7ws1 by ${ALICE}`,
    ].join('\n'),
  );
  expect(message).toMatch(/== NEW: HIGH ==\n[\s\S]*RR001/);
  expect(message).toMatch(/== RESOLVED/);
  expect(message).not.toContain('p9notify22');

  // Measured from the first call's eventTime to the digest's publication, logged and as a metric.
  expect(harness.lines('change-audit')[0]).toMatchObject({ apiIds: ['k3chat7ws1'], firstEventTime: '2026-11-27T10:00:00.000Z', digest: 'published', complete: true, changeToAlertSeconds: 95 });
  expect(harness.timeline.find(isMetric('ChangeToAlertSeconds'))).toMatchObject({ line: { ChangeToAlertSeconds: 95 } });

  // notify-ws's findings were left open by the change audit: the next full walk resolves them.
  const notifyFindings = baseline.findings.filter((finding) => finding.resource.apiId === 'p9notify22').length;
  expect(notifyFindings).toBeGreaterThan(0);
  await run(new Date('2026-11-28T06:00:00Z'));
  expect(harness.lines('finding-resolved').filter((line) => (line.resource as { apiId: string }).apiId === 'p9notify22')).toHaveLength(notifyFindings);
});

test('a batch of 50 events on 3 APIs is one audit that walks each of the 3 once', async () => {
  const { deliver } = await deployWithBaseline();
  const apis = ['k3chat7ws1', 'p9notify22', 'h4catalog3'];
  const events = Array.from({ length: 50 }, (_, index) => {
    const shapes = v2WriteCalls(apis[index % 3]!).filter((call) => call.eventName !== 'DeleteApi');
    return cloudTrailEvent({ ...shapes[index % shapes.length]!, eventTime: new Date(Date.parse(CHANGED_AT) + index * 1000).toISOString() });
  });
  const before = harness.fake.requests.length;

  const result = await deliver(AUDITED_AT, queueBatch(events));

  expect(result).toEqual({ batchItemFailures: [] });
  const calls = apiGatewayCalls(before);
  expect(calls.filter((call) => call.startsWith('GetApis '))).toHaveLength(1);
  for (const apiId of apis) {
    expect(calls.filter((call) => call === `GetIntegrations /v2/apis/${apiId}/integrations`)).toHaveLength(1);
    expect(calls.filter((call) => call === `GetRoutes /v2/apis/${apiId}/routes`)).toHaveLength(1);
  }
  expect(harness.lines('audit-summary')).toEqual([expect.objectContaining({ trigger: 'change', apiIds: apis, apisAudited: 3 })]);
  // Nothing changed in the account: no digest, and the audit says how long after the first call it ended.
  expect(sns.published).toHaveLength(0);
  expect(harness.lines('change-audit')).toEqual([expect.objectContaining({ digest: 'nothing to alert', changeToAuditSeconds: 95 })]);
  expect((harness.lines('change-audit')[0]!.calls as unknown[]).length).toBe(50);
});

test('DeleteApi: the deleted API\'s findings are resolved, and no other API is read or resolved', async () => {
  const { deliver, baseline } = await deployWithBaseline();
  harness.serve(withoutApi(harness.demo, 'p9notify22'));
  const before = harness.fake.requests.length;

  const result = await deliver(AUDITED_AT, queueBatch([cloudTrailEvent({ eventName: 'DeleteApi', requestParameters: { apiId: 'p9notify22' }, eventTime: CHANGED_AT })]));

  expect(result).toEqual({ batchItemFailures: [] });
  expect(apiGatewayCalls(before)).toEqual(['GetApis /v2/apis']);
  const resolved = harness.lines('finding-resolved');
  expect(resolved).toHaveLength(baseline.findings.filter((finding) => finding.resource.apiId === 'p9notify22').length);
  expect(resolved.every((line) => (line.resource as { apiId: string }).apiId === 'p9notify22')).toBe(true);
  expect(harness.lines('audit-warning')).toEqual([expect.objectContaining({ operation: 'GetApis', apiId: 'p9notify22', message: 'API p9notify22 no longer exists in eu-west-1: its findings are resolved' })]);
  expect(sns.published[0]!.message).toContain(`DeleteApi on p9notify22 by ${ALICE}`);
});

test('the principal is escaped and redacted in the digest, as every value from the account is', async () => {
  const { deliver } = await deployWithBaseline();
  harness.serve(demoAccountNextDay(harness.demo));
  const principal = `arn:aws:iam::${ACCOUNT}:user/mallory\n== CRITICAL == AKIAIOSFODNN7EXAMPLE\u001b[2J`;

  await deliver(AUDITED_AT, queueBatch([cloudTrailEvent({ ...chatCall('UpdateRoute', { routeId: 'rping1' }), principal })]));

  const { message } = sns.published[0]!;
  expect(message).toContain(`UpdateRoute on k3chat7ws1 by arn:aws:iam::${ACCOUNT}:user/mallory\\n== CRITICAL == [redacted]\\x1b[2J`);
  expect(message).not.toContain('AKIAIOSFODNN7EXAMPLE');
  expect(message).not.toMatch(/^== CRITICAL ==/m);
  expect(JSON.stringify(harness.lines('change-audit'))).not.toContain('AKIAIOSFODNN7EXAMPLE');
});

test('messages it cannot audit come back as batch item failures, each named in an audit-error line; the rest of the batch is audited', async () => {
  const { deliver } = await deployWithBaseline();
  const batch = queueBatch([
    cloudTrailEvent(chatCall('UpdateIntegration', { integrationId: 'ping01' })),
    '{"detail-type": "AWS API Call via CloudTrail", "detail": {"eventSource": "apigateway.amazonaws.com", "eventName": "UpdateIntegration", "requestParameters": {"restApiId": "a1b2c3d4e5"}',
    cloudTrailEvent({ eventName: 'UpdateIntegration', requestParameters: { restApiId: 'a1b2c3d4e5' }, eventTime: CHANGED_AT }),
    cloudTrailEvent({ ...chatCall('UpdateRoute'), account: '210987654321' }),
    cloudTrailEvent({ ...chatCall('UpdateRoute'), region: 'ap-south-2' }),
  ]);

  const result = await deliver(AUDITED_AT, batch);

  expect(result.batchItemFailures.map((failure) => failure.itemIdentifier)).toEqual(['msg-2', 'msg-3', 'msg-4', 'msg-5']);
  const errors = harness.lines('audit-error');
  expect(errors.map((line) => line.message)).toEqual([
    expect.stringMatching(/^not an API Gateway V2 change event: not JSON: /),
    'not an API Gateway V2 change event: detail.requestParameters.apiId (or responseElements.apiId): missing',
    `change events from account 210987654321: this deployment audits account ${ACCOUNT} only`,
    `change events from ap-south-2: this deployment audits ${REGION} (AUDIT_REGIONS)`,
  ]);
  expect(errors.every((line) => line.source === 'change-event')).toBe(true);
  // Powertools writes a metric added several times in one flush as a list of values.
  const auditErrors = harness.timeline.filter(isMetric('AuditErrors')).flatMap((entry) => [(entry as { line: Record<string, unknown> }).line.AuditErrors].flat());
  expect(auditErrors.reduce((sum: number, value) => sum + Number(value), 0)).toBe(4);
  expect(harness.lines('audit-summary')).toEqual([expect.objectContaining({ trigger: 'change', apiIds: ['k3chat7ws1'], complete: true })]);
});

test('an audit that cannot read the changed API resolves nothing and hands its messages back', async () => {
  const { deliver } = await deployWithBaseline();
  harness.serve(demoAccountNextDay(harness.demo), { faults: [{ kind: 'deny', operation: 'GetRoutes', apiId: 'k3chat7ws1' }] });

  const result = await deliver(AUDITED_AT, queueBatch([cloudTrailEvent(chatCall('UpdateRoute', { routeId: 'rping1' }))]));

  expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'msg-1' }] });
  expect(harness.lines('finding-resolved')).toEqual([]);
  expect(harness.lines('audit-error').map((line) => line.source)).toEqual(['collector', 'change-event']);
});

test('change-to-digest time with the real clock: the batching window already spent, plus the walk of the changed API', async () => {
  harness.serve(demoAccountNextDay(harness.demo));
  // As if the event had waited out the whole batching window (60 s) before the batch was delivered.
  const windowSeconds = 60;
  const eventTime = new Date(Date.now() - windowSeconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  const before = harness.fake.requests.length;

  // The deployed handler as the harness loaded it: the real clock, no state table (every finding is alerted).
  const { handler } = await import('../../functions/audit');
  await handler(queueBatch([cloudTrailEvent({ ...chatCall('UpdateRoute', { routeId: 'rping1' }), eventTime })]), lambdaContext(FUNCTION));

  const [line] = harness.lines('change-audit');
  expect(line).toMatchObject({ digest: 'published' });
  const seconds = line!.changeToAlertSeconds as number;
  // The walk's calls at the change audit's rate bound its time; the margin is for a loaded machine.
  const walkSeconds = apiGatewayCalls(before).length / CHANGE_AUDIT_MAX_RATE;
  expect(seconds).toBeGreaterThanOrEqual(windowSeconds - 1);
  expect(seconds).toBeLessThan(windowSeconds + walkSeconds + 30);
});

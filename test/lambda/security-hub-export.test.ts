import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecurityHubClient } from '../../lib/securityhub/client';
import { importFindings } from '../../lib/securityhub/import-findings';
import { toAsff } from '../../lib/report/asff';
import { subjectOf } from '../../lib/report/finding-subject';
import { makeFinding } from '../lifecycle/make-finding';
import { demoAccountNextDay } from '../support/demo-account-change';
import { startDynalite } from '../support/dynalite';
import { scaledSdkBackoff } from '../support/fake-aws/scaled-backoff';
import { ACCOUNT, loadHandler, REGION, useLambdaHarness, type Entry } from '../support/lambda-harness';
import type { Snapshot } from '../../lib/model/snapshot';
import { deployTracked, deployedSuppressions } from '../support/tracked-deployment';

/**
 * The Security Hub export (param securityHub) end to end: the deployed handler with change
 * tracking (dynalite), the real SDK's BatchImportFindings over HTTP to the loopback fake of
 * Security Hub, which checks every finding as ASFF and keeps the latest import of each Id.
 */
const harness = useLambdaHarness();
const { securityHub, sns } = harness;

let dynamo: Awaited<ReturnType<typeof startDynalite>>;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(() => dynamo.stop());
const dir = mkdtempSync(join(tmpdir(), 'apigw-audit-securityhub-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const day = (n: number) => new Date(Date.UTC(2026, 2, n, 6));
/** The SDK's backoff a hundred times shorter: the retries happen, without their seconds. */
const fastClient = (region: string, deadline: number) => createSecurityHubClient({ region, deadline, backoff: scaledSdkBackoff(100) });
const deploy = (env: Record<string, string> = {}) => deployTracked(harness, { SECURITY_HUB: 'true', ...env }, fastClient);
const IR004_ARN = `arn:aws:apigateway:${REGION}::/apis/k3chat7ws1/integrations/ping01/integrationresponses/pr1`;
const RR001_NEW_ARN = `arn:aws:apigateway:${REGION}::/apis/k3chat7ws1/routes/rping1/routeresponses/rrp2`;
const held = () => [...securityHub.findings.values()];
const onSubResource = (arn: string) => held().find((finding) => finding.Resources?.[0]?.Details?.Other?.subResource === arn);
const auditErrors = () => harness.timeline.flatMap((entry: Entry) => (entry.kind === 'log' && entry.line._aws !== undefined && 'AuditErrors' in entry.line ? [entry.line.AuditErrors] : []));

test('off by default: no call to Security Hub', async () => {
  const { run } = await deployTracked(harness, {}, fastClient);
  await run(day(1));
  expect(securityHub.calls).toHaveLength(0);
  expect(harness.lines('audit-summary')[0]).toMatchObject({ securityHub: { status: 'off' } });
});

test('three runs: new findings imported, unchanged ones imported again under the same ids, a resolved one archived, a suppressed one archived with its reason', async () => {
  const { run, table } = await deploy();
  const first = await run(day(1));
  const ids = held().map((finding) => finding.Id).sort();
  expect(ids).toHaveLength(first.summary.findings);
  expect(held().every((finding) => finding.RecordState === 'ACTIVE' && finding.CreatedAt === day(1).toISOString() && finding.AwsAccountId === ACCOUNT)).toBe(true);
  expect(harness.lines('audit-summary')[0]).toMatchObject({ securityHub: { status: 'exported', active: ids.length, archived: 0, imported: ids.length, failed: 0 } });

  // Day 2, nothing changed: the same ids again, updated, still first seen on day 1.
  securityHub.calls.length = 0;
  await run(day(2));
  expect(securityHub.calls.flatMap((call) => call.findings.map((finding) => finding.Id)).sort()).toEqual(ids);
  expect(held().every((finding) => finding.RecordState === 'ACTIVE' && finding.CreatedAt === day(1).toISOString() && finding.UpdatedAt === day(2).toISOString())).toBe(true);

  // Day 3: IR004 fixed, a new RR001, and WS001 on the SQS API accepted with a reason.
  const suppressions = await deployedSuppressions(dir, 'accepted', 'suppressions:\n  - { rule: WS001, resource: p9notify22, reason: the queue consumer reads version 1.0 until March, expires: 2027-01-31 }\n');
  // A new container with the suppression file, on the same state table.
  const { run: runWithSuppression } = await deploy({ SUPPRESSIONS_FILE: suppressions, STATE_TABLE: table });
  harness.serve(demoAccountNextDay(harness.demo));
  await runWithSuppression(day(3));
  expect(onSubResource(IR004_ARN)).toMatchObject({ RecordState: 'ARCHIVED', CreatedAt: day(1).toISOString(), UpdatedAt: day(3).toISOString() });
  expect(onSubResource(RR001_NEW_ARN)).toMatchObject({ RecordState: 'ACTIVE', CreatedAt: day(3).toISOString() });
  const suppressed = held().filter((finding) => finding.GeneratorId === 'apigw-audit/WS001');
  expect(suppressed.length).toBeGreaterThan(0);
  expect(suppressed.every((finding) => finding.RecordState === 'ARCHIVED' && finding.ProductFields?.['apigw-audit/SuppressionReason'] === 'the queue consumer reads version 1.0 until March')).toBe(true);
  // Exactly the findings of day 3 that are not suppressed are active; every other finding ever imported is archived.
  const openOnDay3 = harness.lines('finding-lifecycle').filter((line) => line.lifecycle !== 'suppressed').map((line) => `apigw-audit/${String(line.fingerprint)}`);
  expect(held().filter((finding) => finding.RecordState === 'ACTIVE').map((finding) => finding.Id).sort()).toEqual(openOnDay3.sort());
  expect(harness.lines('finding-resolved').length).toBeGreaterThan(0);
  expect(held().filter((finding) => finding.RecordState === 'ARCHIVED')).toHaveLength(suppressed.length + harness.lines('finding-resolved').length);
});

test('250 findings: three calls of at most 100, every finding imported', async () => {
  harness.serve(manyFindings(harness.demo, 250));
  const { run } = await deploy();
  const response = await run(day(1));
  expect(response.summary.findings).toBeGreaterThanOrEqual(250);
  expect(securityHub.calls.map((call) => call.findings.length)).toEqual(batchesOf(response.summary.findings));
  expect(securityHub.findings.size).toBe(response.summary.findings);
  expect(auditErrors()).toEqual([0]);
});

test.each(['TooManyRequestsException', 'LimitExceededException'] as const)('throttled (429 %s) twice: retried with backoff, everything imported, no audit error', async (kind) => {
  securityHub.failWith({ kind, times: 2 });
  const { run } = await deploy();
  const response = await run(day(1));
  const attempts = harness.fake.requests.filter((request) => request.service === 'securityhub').slice(-3);
  expect(attempts.map((request) => request.status)).toEqual([429, 429, 200]);
  expect(securityHub.findings.size).toBe(response.summary.findings);
  expect(auditErrors()).toEqual([0]);
});

test('throttled past every retry: the failure is an audit error, and the state and the digest are still saved and sent', async () => {
  securityHub.failWith({ kind: 'TooManyRequestsException' });
  const { run } = await deploy();
  const first = await run(day(1));
  expect(securityHub.findings.size).toBe(0);
  expect(harness.lines('audit-error')).toEqual([expect.objectContaining({ source: 'security-hub', operation: 'BatchImportFindings', region: REGION, message: expect.stringContaining('TooManyRequestsException') })]);
  expect(harness.lines('audit-summary')[0]).toMatchObject({ securityHub: { status: 'failed', imported: 0, failed: first.summary.findings } });
  expect(auditErrors()).toEqual([1]);
  expect(first.digest).toMatchObject({ status: 'published' });
  expect(sns.published).toHaveLength(1);
  // The state was saved: the next run knows every finding as open.
  securityHub.failWith(undefined);
  await run(day(2));
  expect(harness.lines('finding-lifecycle').every((line) => line.lifecycle === 'open')).toBe(true);
  expect(securityHub.findings.size).toBe(first.summary.findings);
});

test('the default handler, packaged without the export, refuses SECURITY_HUB=true before any call instead of skipping the export', async () => {
  const { createHandler } = await loadHandler({ SECURITY_HUB: 'true' });
  const requestsBefore = harness.fake.requests.length;
  await expect(harness.invoke(undefined, createHandler())).rejects.toMatchObject({
    name: 'ConfigError',
    message: expect.stringContaining('SECURITY_HUB: "true", but this handler was packaged without the Security Hub export; deploy with --param="securityHub=true"'),
  });
  expect(harness.fake.requests).toHaveLength(requestsBefore);
  expect(securityHub.calls).toHaveLength(0);
});

test('a dry run exports nothing', async () => {
  const { run } = await deploy();
  await run(day(1), { dryRun: true });
  expect(securityHub.calls).toHaveLength(0);
});

test('past the run\'s export deadline no call starts: the batch is counted failed, nothing hangs', async () => {
  const finding = toAsff({ ...subjectOf(makeFinding()), accountId: ACCOUNT, region: REGION }, { now: day(1), recordState: 'ACTIVE' });
  const outcome = await importFindings([finding], (region) => createSecurityHubClient({ region, deadline: Date.now() - 1 }));
  expect(outcome).toMatchObject({ calls: 1, imported: 0, failed: 1, errors: [{ region: REGION, message: expect.stringContaining('failed after retries') }] });
  expect(securityHub.calls).toHaveLength(0);
});

/** The demo account with `count` extra integration responses, each a mistake (IR004 on its misspelt header key). */
function manyFindings(demo: Snapshot, count: number): Snapshot {
  const next = structuredClone(demo);
  const ping = next.apis.find((api) => api.ApiId === 'k3chat7ws1')!.integrations!.find((integration) => integration.IntegrationId === 'ping01')!;
  for (let i = 0; i < count; i += 1) {
    ping.integrationResponses!.push({ IntegrationResponseId: `many${i}`, IntegrationResponseKey: `/${400 + (i % 100)}${i}/`, ResponseParameters: { 'method.response.headr.X-Many': "'x'" } });
  }
  return next;
}

function batchesOf(total: number): number[] {
  const sizes: number[] = [];
  for (let left = total; left > 0; left -= 100) sizes.push(Math.min(100, left));
  return sizes;
}

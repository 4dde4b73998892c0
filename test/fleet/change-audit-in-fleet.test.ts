import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { SQSBatchResponse } from 'aws-lambda';
import type { QueueEvent } from '../../lib/lambda/change-audit';
import { loadSnapshotFile } from '../../lib/model/load-snapshot';
import type { Snapshot } from '../../lib/model/snapshot';
import { cloudTrailEvent, queueBatch } from '../support/cloudtrail-events';
import { createStateTable, useDynalite } from '../support/dynalite';
import { startFakeAws, type FakeAws } from '../support/fake-aws';
import { FleetApiGateway } from '../support/fake-aws/fleet-api-gateway';
import { FakeSns } from '../support/fake-aws/sns';
import { FakeSts } from '../support/fake-aws/sts';
import { lambdaContext } from '../support/lambda-context';

/**
 * Change audits in fleet mode, end to end: CloudTrail events a member account forwarded to the
 * auditor's bus, delivered from the change queue to the fleet deployment's audit handler
 * (functions/audit-in-fleet.ts), which assumes the member role through the STS fake and reads
 * that account's API Gateway (the fake tells accounts apart by the assumed role's keys, as AWS
 * does by the caller's credentials). State in dynalite, everything on 127.0.0.1.
 */
const REGION = 'eu-west-1';
const AUDITOR = '000000000000';
const MEMBER = '222222222222';
/** In the fleet, but its member role does not trust the auditor (a StackSet that failed there). */
const LOCKED = '333333333333';
/** In the organization, maybe, but not one of the fleet's accounts. */
const OUTSIDE = '444444444444';
const TOPIC = `arn:aws:sns:${REGION}:${AUDITOR}:apigw-audit-test-alerts`;
const FUNCTION = { region: REGION, accountId: AUDITOR, name: 'apigw-audit-test-audit', timeoutMs: 120_000 };
const TABLE = 'apigw-audit-fleet-change-state';
jest.setTimeout(60_000);

useDynalite();

type Handler = (event: QueueEvent, context: ReturnType<typeof lambdaContext>) => Promise<SQSBatchResponse>;
let fake: FakeAws;
let sts: FakeSts;
let apiGateway: FleetApiGateway;
let sns: FakeSns;
let handler: Handler;
let demo: Snapshot;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  demo = (await loadSnapshotFile('examples/demo-account.json')).snapshot;
  sts = new FakeSts(new Set([LOCKED]));
  sns = new FakeSns([TOPIC]);
  // The member account holds the demo APIs; the auditor's own account and the locked one hold none.
  apiGateway = new FleetApiGateway(
    [
      { accountId: MEMBER, region: REGION, snapshot: demo },
      { accountId: AUDITOR, region: REGION, snapshot: { version: 1, apis: [] } },
    ],
    AUDITOR,
    {},
  );
  fake = await startFakeAws([apiGateway, sts, sns]);
  process.env['AWS_ENDPOINT_URL'] = fake.url;
  const saved = { ...process.env };
  Object.assign(process.env, {
    ALERT_TOPIC_ARN: TOPIC,
    AUDIT_REGIONS: REGION,
    ALERT_THRESHOLD: 'medium',
    STATE_TABLE: TABLE,
    FLEET_ACCOUNTS: `${MEMBER},${LOCKED}`,
    MEMBER_ROLE_NAME: 'apigw-audit-member',
  });
  await createStateTable(TABLE);
  try {
    await jest.isolateModulesAsync(async () => {
      ({ handler } = (await import('../../functions/audit-in-fleet')) as unknown as { handler: Handler });
    });
  } finally {
    // Only the settings are read at import; the endpoints (the fake's, dynalite's) stay, as the clients read them when they are created.
    process.env = saved;
  }
});
afterAll(() => fake.close());
beforeEach(() => {
  lines.length = 0;
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      const line = String(args[0]);
      if (line.startsWith('{')) lines.push(JSON.parse(line) as Record<string, unknown>);
    });
  }
});
afterEach(() => jest.restoreAllMocks());

const linesOf = (kind: string) => lines.filter((line) => line['kind'] === kind);
const change = (account: string, eventName = 'UpdateIntegrationResponse') =>
  cloudTrailEvent({ eventName, account, region: REGION, requestParameters: { apiId: 'k3chat7ws1', integrationId: 'ping01', integrationResponseId: 'pr1' }, principal: `arn:aws:sts::${account}:assumed-role/platform-deployer/alice@example.com` });

test('a change forwarded from a member account is audited with its member role, against that account, in its fleet partition of the state table', async () => {
  const assumedBefore = sts.assumed.length;
  const answeredBefore = apiGateway.answered.get(`${MEMBER}/${REGION}`) ?? 0;

  const result = await handler(queueBatch([change(MEMBER)]), lambdaContext(FUNCTION));

  expect(result).toEqual({ batchItemFailures: [] });
  expect(sts.assumed.slice(assumedBefore)).toEqual([`arn:aws:iam::${MEMBER}:role/apigw-audit-member`]);
  // The member account's API Gateway answered the walk of the one changed API; the auditor's was not read.
  expect((apiGateway.answered.get(`${MEMBER}/${REGION}`) ?? 0) - answeredBefore).toBeGreaterThan(1);
  expect(apiGateway.answered.get(`${AUDITOR}/${REGION}`) ?? 0).toBe(0);
  expect(linesOf('audit-summary')).toEqual([expect.objectContaining({ trigger: 'change', accountId: MEMBER, regions: [REGION], apiIds: ['k3chat7ws1'], apisAudited: 1, complete: true })]);
  expect(linesOf('change-audit')).toEqual([expect.objectContaining({ accountId: MEMBER, region: REGION, complete: true })]);
  // Findings carry the member account, and are kept where the fleet's runs keep that account-region's.
  const findings = linesOf('finding');
  expect(findings.length).toBeGreaterThan(0);
  expect(findings.map((line) => line['resource'])).toEqual(findings.map(() => expect.objectContaining({ accountId: MEMBER, region: REGION, apiId: 'k3chat7ws1' })));
  const items = await new DynamoDBClient({}).send(new ScanCommand({ TableName: TABLE }));
  const partitions = new Set((items.Items ?? []).map((item) => item['pk']?.S));
  expect([...partitions].sort()).toEqual([`${MEMBER}/${REGION}#FINDINGS#${REGION}`, `${MEMBER}/${REGION}#META`]);
  // The digest names the member account.
  expect(sns.published.at(-1)?.subject).toContain(`| ${MEMBER} ${REGION}`);
});

test('an account outside the fleet\'s targets is refused, and a member role that cannot be assumed is named; the other messages of the batch are audited', async () => {
  const assumedBefore = sts.assumed.length;

  const result = await handler(queueBatch([change(OUTSIDE), change(LOCKED), change(MEMBER, 'CreateRouteResponse')]), lambdaContext(FUNCTION));

  // msg-1 (outside) and msg-2 (locked) come back, to the dead-letter queue after their retries; msg-3 is done.
  expect(result.batchItemFailures.map((failure) => failure.itemIdentifier).sort()).toEqual(['msg-1', 'msg-2']);
  const errors = linesOf('audit-error');
  expect(errors).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ source: 'change-event', accountId: OUTSIDE, message: `change events from account ${OUTSIDE}: not one of the 2 accounts this fleet audits (FLEET_ACCOUNTS)` }),
      expect.objectContaining({ source: 'change-event', accountId: LOCKED, message: expect.stringContaining(`cannot assume arn:aws:iam::${LOCKED}:role/apigw-audit-member`) }),
    ]),
  );
  // No role of the outside account was even asked for.
  expect(sts.assumed.slice(assumedBefore)).toEqual([`arn:aws:iam::${MEMBER}:role/apigw-audit-member`]);
  expect(linesOf('audit-summary')).toEqual([expect.objectContaining({ accountId: MEMBER, complete: true })]);
});

test('the auditor\'s own account is audited with the function\'s own role, in its fleet partition', async () => {
  const assumedBefore = sts.assumed.length;
  const result = await handler(queueBatch([cloudTrailEvent({ eventName: 'DeleteApi', account: AUDITOR, region: REGION, requestParameters: { apiId: 'gone1' } })]), lambdaContext(FUNCTION));
  expect(result).toEqual({ batchItemFailures: [] });
  expect(sts.assumed.length).toBe(assumedBefore);
  expect(linesOf('audit-summary')).toEqual([expect.objectContaining({ accountId: AUDITOR, complete: true })]);
  const items = await new DynamoDBClient({}).send(new ScanCommand({ TableName: TABLE }));
  expect((items.Items ?? []).some((item) => item['pk']?.S === `${AUDITOR}/${REGION}#META`)).toBe(true);
});

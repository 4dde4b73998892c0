import { SecurityHubClient, type AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import type { SQSBatchResponse } from 'aws-lambda';
import type { QueueEvent } from '../../lib/lambda/change-audit';
import { loadSnapshotFile } from '../../lib/model/load-snapshot';
import { importFindings } from '../../lib/securityhub/import-findings';
import { cloudTrailEvent, queueBatch } from '../support/cloudtrail-events';
import { createStateTable, startDynalite } from '../support/dynalite';
import { startFakeAws, type FakeAws } from '../support/fake-aws';
import { FleetApiGateway } from '../support/fake-aws/fleet-api-gateway';
import { FakeSecurityHub } from '../support/fake-aws/securityhub';
import { FakeSns } from '../support/fake-aws/sns';
import { FakeSts, memberAccessKeyId } from '../support/fake-aws/sts';
import { AUDITOR, simulateFleet, type FleetSimulation } from '../support/fleet-simulation';
import { lambdaContext } from '../support/lambda-context';

/**
 * Security Hub's account rule in fleet mode (issue 18): a custom product's findings are
 * accepted only from the account they belong to, so each account's findings must be imported
 * with that account's credentials. The Security Hub fake enforces the rule by the signing
 * credentials (FakeSts's member keys name their account; the default keys are the auditor's),
 * so these tests fail if any fleet path exports with the auditor's own role.
 */
jest.setTimeout(120_000);

const REGION = 'eu-west-1';
const productOf = (account: string) => `arn:aws:securityhub:${REGION}:${account}:product/${account}/default`;
const accountsOf = (findings: readonly AwsSecurityFinding[]) => [...new Set(findings.map((finding) => finding.AwsAccountId))];

describe('a fleet run with param securityHub on', () => {
  const securityHub = new FakeSecurityHub(AUDITOR);
  let run: FleetSimulation;
  beforeAll(async () => {
    // 5 accounts in one region: the auditor's own, two members audited, one whose role cannot be assumed, one region not enabled.
    run = await simulateFleet({ members: 4, regions: [REGION], timeScale: 10, maxConcurrency: 4, lambdaTimeoutSeconds: 90, previousRun: false, large: { apis: 3, integrationsPerApi: 2, routesPerApi: 2 }, securityHub });
  });

  test('each account-region\'s findings are imported signed with that account\'s credentials (the member role\'s for members), and accepted', () => {
    const audited = [...run.outcomes.values()].filter((outcome) => outcome.status === 'audited');
    const membersWithFindings = audited.filter((outcome) => outcome.accountId !== AUDITOR && outcome.findings > 0);
    // Not vacuous: members' findings reached Security Hub.
    expect(membersWithFindings.length).toBeGreaterThan(0);
    expect(securityHub.refused).toEqual([]);
    for (const call of securityHub.calls) expect({ signedBy: call.account, findingsOf: accountsOf(call.findings) }).toEqual({ signedBy: call.account, findingsOf: [call.account] });
    for (const outcome of audited) {
      const held = [...securityHub.findings.values()].filter((finding) => finding.AwsAccountId === outcome.accountId);
      expect({ account: outcome.accountId, held: held.length, errors: outcome.errors }).toEqual({ account: outcome.accountId, held: outcome.findings, errors: 0 });
      expect(held.every((finding) => finding.ProductArn === productOf(outcome.accountId))).toBe(true);
    }
    // Nothing of the account whose role could not be assumed was exported, with any credentials.
    expect(securityHub.calls.some((call) => call.account === run.denied || call.findings.some((finding) => finding.AwsAccountId === run.denied))).toBe(false);
  });

  test('the same member findings imported with the auditor\'s own credentials are refused, as Security Hub refuses them', async () => {
    const member = [...run.outcomes.values()].find((outcome) => outcome.accountId !== AUDITOR && outcome.findings > 0)?.accountId;
    if (member === undefined) throw new Error('the fleet run exported no member findings');
    const memberFindings = [...securityHub.findings.values()].filter((finding) => finding.AwsAccountId === member);
    expect(memberFindings.length).toBeGreaterThan(0);
    const fresh = new FakeSecurityHub(AUDITOR);
    const fake = await startFakeAws([fresh]);
    try {
      const clientWith = (accessKeyId: string | undefined) => () =>
        new SecurityHubClient({ region: REGION, endpoint: fake.url, maxAttempts: 1, ...(accessKeyId === undefined ? {} : { credentials: { accessKeyId, secretAccessKey: 'fake-secret' } }) });

      // The function's own credentials (the test's default keys: the auditor's account).
      const asAuditor = await importFindings(memberFindings, clientWith(undefined));
      expect(asAuditor.imported).toBe(0);
      expect(asAuditor.errors).toEqual([expect.objectContaining({ region: REGION, message: expect.stringContaining(`AccessDeniedException: User of account ${AUDITOR} is not authorized to perform: securityhub:BatchImportFindings on resource: ${productOf(member)}`) })]);
      expect(fresh.findings.size).toBe(0);
      expect(fresh.refused.map((call) => call.account)).toEqual([AUDITOR]);

      // The member role's credentials: accepted.
      const asMember = await importFindings(memberFindings, clientWith(memberAccessKeyId(member)));
      expect(asMember).toMatchObject({ imported: memberFindings.length, failed: 0, errors: [] });
      expect(fresh.findings.size).toBe(memberFindings.length);
    } finally {
      await fake.close();
    }
  });
});

describe('a change audit in fleet mode with param securityHub on', () => {
  /** The auditor of this deployment, and a member account that forwards its changes. */
  const OWN = '000000000000';
  const MEMBER = '222222222222';
  const TOPIC = `arn:aws:sns:${REGION}:${OWN}:apigw-audit-test-alerts`;
  const TABLE = 'apigw-audit-fleet-change-state';
  type Handler = (event: QueueEvent, context: ReturnType<typeof lambdaContext>) => Promise<SQSBatchResponse>;
  const securityHub = new FakeSecurityHub(OWN);
  const sts = new FakeSts();
  let fake: FakeAws;
  let dynamo: Awaited<ReturnType<typeof startDynalite>>;
  let handler: Handler;
  const saved = { ...process.env };

  beforeAll(async () => {
    const demo = (await loadSnapshotFile('examples/demo-account.json')).snapshot;
    const apiGateway = new FleetApiGateway([{ accountId: MEMBER, region: REGION, snapshot: demo }], OWN, {});
    fake = await startFakeAws([apiGateway, sts, new FakeSns([TOPIC]), securityHub]);
    dynamo = await startDynalite();
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: fake.url,
      ALERT_TOPIC_ARN: TOPIC,
      AUDIT_REGIONS: REGION,
      STATE_TABLE: TABLE,
      FLEET_ACCOUNTS: MEMBER,
      MEMBER_ROLE_NAME: 'apigw-audit-member',
      SECURITY_HUB: 'true',
      POWERTOOLS_METRICS_DISABLED: 'true',
    });
    await createStateTable(TABLE);
    await jest.isolateModulesAsync(async () => {
      ({ handler } = (await import('../../functions/audit-in-fleet')) as unknown as { handler: Handler });
    });
  });
  afterAll(async () => {
    await dynamo.stop();
    await fake.close();
    process.env = saved;
  });

  test('a member account\'s change audit exports its findings with the member role\'s credentials, and they are accepted', async () => {
    const summaries: Record<string, unknown>[] = [];
    for (const method of ['log', 'info', 'warn', 'error'] as const) {
      jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        const line = String(args[0]);
        const parsed = line.startsWith('{') ? (JSON.parse(line) as Record<string, unknown>) : undefined;
        if (parsed?.['kind'] === 'audit-summary') summaries.push(parsed);
      });
    }
    try {
      const event = cloudTrailEvent({ eventName: 'UpdateIntegrationResponse', account: MEMBER, region: REGION, requestParameters: { apiId: 'k3chat7ws1', integrationId: 'ping01', integrationResponseId: 'pr1' } });
      const result = await handler(queueBatch([event]), lambdaContext({ region: REGION, accountId: OWN, name: 'apigw-audit-test-audit', timeoutMs: 120_000 }));
      expect(result).toEqual({ batchItemFailures: [] });
    } finally {
      jest.restoreAllMocks();
    }

    expect(sts.assumed).toEqual([`arn:aws:iam::${MEMBER}:role/apigw-audit-member`]);
    expect(securityHub.refused).toEqual([]);
    expect(securityHub.calls.length).toBeGreaterThan(0);
    expect(securityHub.calls.map((call) => call.account)).toEqual(securityHub.calls.map(() => MEMBER));
    const held = [...securityHub.findings.values()];
    expect(accountsOf(held)).toEqual([MEMBER]);
    expect(held.every((finding) => finding.ProductArn === productOf(MEMBER))).toBe(true);
    expect(summaries).toEqual([expect.objectContaining({ accountId: MEMBER, complete: true, securityHub: expect.objectContaining({ status: 'exported', imported: held.length, failed: 0 }) })]);
  });
});

import { loadSnapshotFile } from '../../lib/model/load-snapshot';
import type { Snapshot } from '../../lib/model/snapshot';
import { startFakeAws, type FakeAws } from '../support/fake-aws';
import { FleetApiGateway } from '../support/fake-aws/fleet-api-gateway';
import { FakeSts } from '../support/fake-aws/sts';
import { runCli } from '../support/run-cli';

/**
 * `audit --role-arn` against the loopback fakes: STS (query protocol) hands out per-account
 * keys, and API Gateway answers per account (told apart by those keys, as AWS does by the
 * caller's credentials) and per region, each account-region with its own quota.
 */
const CALLER = '111111111111';
const SECOND = '222222222222';
const THIRD = '333333333333';
const LOCKED = '444444444444';
const roleOf = (account: string) => `arn:aws:iam::${account}:role/apigw-audit-member`;

let fake: FakeAws;
let sts: FakeSts;
let apiGateway: FleetApiGateway;
let demo: Snapshot;

beforeAll(async () => {
  demo = (await loadSnapshotFile('examples/demo-account.json')).snapshot;
  sts = new FakeSts(new Set([LOCKED]));
  const catalogOnly: Snapshot = { ...demo, apis: demo.apis.filter((api) => api.ApiId === 'h4catalog3') };
  apiGateway = new FleetApiGateway(
    [
      { accountId: CALLER, region: 'eu-west-1', snapshot: { version: 1, apis: [] } },
      { accountId: SECOND, region: 'eu-west-1', snapshot: demo },
      { accountId: SECOND, region: 'us-east-1', snapshot: catalogOnly },
      { accountId: THIRD, region: 'eu-west-1', snapshot: catalogOnly },
      { accountId: THIRD, region: 'us-east-1', snapshot: { version: 1, apis: [] } },
    ],
    CALLER,
    {},
  );
  fake = await startFakeAws([apiGateway, sts]);
  process.env.AWS_ENDPOINT_URL = fake.url;
});
afterAll(async () => {
  delete process.env.AWS_ENDPOINT_URL;
  await fake.close();
});

interface Report {
  summary: { apisAudited: number; complete: boolean; errors: number };
  findings: { resource: { accountId?: string; region?: string; apiId: string } }[];
  errors: { operation?: string; arn?: string; message: string }[];
}

test('each role\'s account is audited in every region, with that account\'s credentials; the caller\'s own account is not read', async () => {
  const answeredBefore = new Map(apiGateway.answered);
  const { code, stdout } = await runCli('audit', '--region', 'eu-west-1', '--region', 'us-east-1', '--role-arn', roleOf(SECOND), '--role-arn', roleOf(THIRD), '--format', 'json', '--fail-on', 'none');
  const report = JSON.parse(stdout) as Report;

  expect(code).toBe(0);
  expect(report.summary).toMatchObject({ apisAudited: demo.apis.length + 2, complete: true, errors: 0 });
  expect(sts.assumed.slice(-2).sort()).toEqual([roleOf(SECOND), roleOf(THIRD)]);
  const places = new Set(report.findings.map(({ resource }) => `${resource.accountId}/${resource.region}`));
  expect([...places].sort()).toEqual([`${SECOND}/eu-west-1`, `${SECOND}/us-east-1`, `${THIRD}/eu-west-1`]);
  const newlyAnswered = (key: string) => (apiGateway.answered.get(key) ?? 0) - (answeredBefore.get(key) ?? 0);
  expect(newlyAnswered(`${CALLER}/eu-west-1`)).toBe(0);
  for (const key of [`${SECOND}/eu-west-1`, `${SECOND}/us-east-1`, `${THIRD}/eu-west-1`, `${THIRD}/us-east-1`]) expect(newlyAnswered(key)).toBeGreaterThan(0);
});

test('a role that cannot be assumed is an error naming its ARN; the other account is audited; the run is incomplete', async () => {
  const { code, stdout } = await runCli('audit', '--region', 'eu-west-1', '--role-arn', roleOf(LOCKED), '--role-arn', roleOf(THIRD), '--format', 'json', '--fail-on', 'none');
  const report = JSON.parse(stdout) as Report;

  expect(code).toBe(3);
  expect(report.summary).toMatchObject({ apisAudited: 1, complete: false, errors: 1 });
  expect(report.errors).toEqual([expect.objectContaining({ operation: 'AssumeRole', arn: roleOf(LOCKED), message: expect.stringContaining(`cannot assume ${roleOf(LOCKED)}`) })]);
  expect(report.findings.every(({ resource }) => resource.accountId === THIRD)).toBe(true);

  const text = await runCli('audit', '--region', 'eu-west-1', '--role-arn', roleOf(LOCKED), '--fail-on', 'none');
  expect(text.code).toBe(3);
  expect(text.stdout).toContain(roleOf(LOCKED));
  expect(text.stdout.trim().split('\n').at(-1)).toContain('exit 3: the audit is incomplete (1 error)');
});

test.each([
  [['--region', 'eu-west-1', '--role-arn', 'arn:aws:iam::12345:role/x'], '--role-arn must be an IAM role ARN such as arn:aws:iam::123456789012:role/apigw-audit-member; got "arn:aws:iam::12345:role/x"'],
  [['--region', 'eu-west-1', '--role-arn', 'arn:aws:iam::222222222222:user/alice'], 'got "arn:aws:iam::222222222222:user/alice"'],
  [['--snapshot', 'examples/demo-account.json', '--role-arn', roleOf(SECOND)], '--role-arn needs --region'],
  [['--region', 'eu-west-1', '--api', 'h4catalog3', '--role-arn', roleOf(SECOND), '--role-arn', roleOf(THIRD)], '--api names APIs of one account'],
])('bad usage is refused before any call: %j', async (args, message) => {
  const assumedBefore = sts.assumed.length;
  const { code, stderr } = await runCli('audit', ...args);
  expect(code).toBe(2);
  expect(stderr).toContain(message);
  expect(sts.assumed.length).toBe(assumedBefore);
});

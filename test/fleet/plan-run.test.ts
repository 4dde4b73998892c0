import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { parseFleetAccounts, readFleetSettings, type FleetSettings } from '../../lib/fleet/fleet-settings';
import { memberRoleOf } from '../../lib/fleet/member-credentials';
import { planRun } from '../../lib/fleet/plan-run';
import { updatedWalkSizes } from '../../lib/fleet/walk-sizes';
import { startFakeAws, type FakeAws } from '../support/fake-aws';
import { FakeOrganizations } from '../support/fake-aws/organizations';

const AUDITOR = '100000000000';
const ENV = { ALERT_TOPIC_ARN: `arn:aws:sns:us-east-1:${AUDITOR}:alerts`, AUDIT_REGIONS: 'eu-west-1,us-east-1', MEMBER_ROLE_NAME: 'apigw-audit-member', WALK_BUCKET: 'walks-bucket' };
const settings = (accounts: string): FleetSettings => readFleetSettings({ ...ENV, FLEET_ACCOUNTS: accounts });
const startedAt = new Date('2026-12-06T06:00:00Z');

let fake: FakeAws;
let organizations: OrganizationsClient;
beforeAll(async () => {
  fake = await startFakeAws([
    new FakeOrganizations({
      units: { 'ou-ab12-aaaaaaaa': ['ou-ab12-bbbbbbbb'], 'ou-ab12-bbbbbbbb': [] },
      accounts: {
        'r-ab12': [{ Id: AUDITOR, State: 'ACTIVE' }],
        'ou-ab12-aaaaaaaa': [
          { Id: '200000000001', State: 'ACTIVE' },
          { Id: '200000000002', State: 'SUSPENDED' },
          { Id: '200000000003', State: 'ACTIVE' },
        ],
        'ou-ab12-bbbbbbbb': [{ Id: '200000000004', State: 'ACTIVE' }],
      },
    }),
  ]);
  organizations = new OrganizationsClient({ region: 'us-east-1', endpoint: fake.url });
});
afterAll(() => fake.close());

describe('planning a fleet run', () => {
  test('organization: every ACTIVE account (paged), each in every region; the auditor with its own role, the others with the member role', async () => {
    const fleet = settings('organization');
    const plan = await planRun({ source: 'aws.events', 'detail-type': 'Scheduled Event' }, 'run-1', startedAt, fleet, () => organizations);
    expect(plan.targets.map((target) => `${target.accountId} ${target.region} ${memberRoleOf(target, fleet) ?? 'own role'}`)).toEqual([
      `${AUDITOR} eu-west-1 own role`,
      `${AUDITOR} us-east-1 own role`,
      ...['200000000001', '200000000003', '200000000004'].flatMap((account) => ['eu-west-1', 'us-east-1'].map((region) => `${account} ${region} arn:aws:iam::${account}:role/apigw-audit-member`)),
    ]);
    expect(plan.scope).toEqual({ runId: 'run-1', startedAt: startedAt.toISOString(), trigger: 'schedule', minSeverity: 'info', dryRun: false, narrowed: false });
  });

  test('organizational units: the ACTIVE accounts below them, nested units included, with listed account ids', async () => {
    const plan = await planRun({}, 'run-2', startedAt, settings('ou-ab12-aaaaaaaa,300000000009'), () => organizations);
    expect([...new Set(plan.targets.map((target) => target.accountId))]).toEqual(['200000000001', '200000000003', '200000000004', '300000000009']);
  });

  test('a manual execution narrows by accounts, regions and APIs, and may not widen', async () => {
    const fleet = settings(`${AUDITOR},200000000001,200000000003`);
    const narrowed = await planRun({ accounts: ['200000000003'], regions: ['us-east-1'], dryRun: true }, 'run-3', startedAt, fleet, () => organizations);
    expect(narrowed.targets).toEqual([{ accountId: '200000000003', region: 'us-east-1' }]);
    expect(narrowed.scope).toMatchObject({ dryRun: true, narrowed: true });
    await expect(planRun({ accounts: ['999999999999'] }, 'run-4', startedAt, fleet, () => organizations)).rejects.toThrow('invalid input: accounts: 999999999999 is not audited by this deployment (3 accounts are)');
    await expect(planRun({ regions: ['ap-south-1'] }, 'run-5', startedAt, fleet, () => organizations)).rejects.toThrow('regions: ap-south-1 is not audited by this deployment');
    await expect(planRun({ apiIds: ['abc'], regions: ['eu-west-1'] }, 'run-6', startedAt, fleet, () => organizations)).rejects.toThrow('apiIds: API ids belong to one account and region');
    await expect(planRun({ accounts: ['12'] }, 'run-7', startedAt, fleet, () => organizations)).rejects.toThrow('invalid input: accounts: "12" is not a 12-digit account id');
    await expect(planRun({ acounts: [AUDITOR] }, 'run-8', startedAt, fleet, () => organizations)).rejects.toThrow('acounts');
  });

  test('the last run\'s sizes order the items largest first, never-walked ones before them', async () => {
    const fleet = settings(`${AUDITOR},200000000001,200000000003`);
    const sizes = updatedWalkSizes({ [`200000000003/us-east-1`]: 9_000 }, [
      { accountId: AUDITOR, region: 'eu-west-1', status: 'audited', apisAudited: 1, findings: 0, errors: 0, calls: 30, walkInvocations: 1 },
      { accountId: AUDITOR, region: 'us-east-1', status: 'incomplete', apisAudited: 1, findings: 0, errors: 1, calls: 500, walkInvocations: 1 },
      { accountId: '200000000001', region: 'eu-west-1', status: 'failed', apisAudited: 0, findings: 0, errors: 1, calls: 0, walkInvocations: 0 },
      { accountId: '200000000001', region: 'us-east-1', status: 'audited', apisAudited: 0, findings: 0, errors: 0, calls: 1, walkInvocations: 1 },
      { accountId: '200000000003', region: 'eu-west-1', status: 'audited', apisAudited: 3, findings: 0, errors: 0, calls: 120, walkInvocations: 1 },
    ]);
    // A failed walk says nothing about the size: that account-region stays unknown, and goes first.
    expect(sizes).toEqual({ [`${AUDITOR}/eu-west-1`]: 30, [`${AUDITOR}/us-east-1`]: 500, '200000000001/us-east-1': 1, '200000000003/eu-west-1': 120, '200000000003/us-east-1': 9_000 });
    const plan = await planRun({}, 'run-9', startedAt, fleet, () => organizations, sizes);
    expect(plan.targets.map((target) => `${target.accountId}/${target.region}`)).toEqual([
      '200000000001/eu-west-1',
      '200000000003/us-east-1',
      `${AUDITOR}/us-east-1`,
      '200000000003/eu-west-1',
      `${AUDITOR}/eu-west-1`,
      '200000000001/us-east-1',
    ]);
  });

  test('a plan Step Functions could not pass on is refused with the numbers and what to do, not left to fail the execution', async () => {
    const regions = 'eu-west-1,us-east-1,eu-central-1,ap-southeast-2,ap-southeast-3';
    const accounts = (count: number) => Array.from({ length: count }, (_, index) => String(300_000_000_000 + index)).join(',');
    const fitting = await planRun({}, 'run-10', startedAt, readFleetSettings({ ...ENV, AUDIT_REGIONS: regions, FLEET_ACCOUNTS: accounts(800) }), () => organizations);
    expect(fitting.targets).toHaveLength(4_000);
    expect(Buffer.byteLength(JSON.stringify(fitting))).toBeLessThan(256 * 1024);
    await expect(planRun({}, 'run-11', startedAt, readFleetSettings({ ...ENV, AUDIT_REGIONS: regions, FLEET_ACCOUNTS: accounts(1_000) }), () => organizations)).rejects.toThrow(
      /^the run has 5000 account-regions, a plan of 2\d\d KB; Step Functions passes at most 256 KB between states, about 4\d\d\d account-regions: deploy one stack per part of the organization/,
    );
  });

  test('fleet settings name the variable that is wrong', () => {
    expect(() => parseFleetAccounts('')).toThrow('FLEET_ACCOUNTS: name the accounts');
    expect(() => parseFleetAccounts('organization,100000000000')).toThrow('"organization": neither a 12-digit account id nor an organizational unit id');
    expect(() => readFleetSettings({ ...ENV, FLEET_ACCOUNTS: AUDITOR, MEMBER_ROLE_NAME: 'a role' })).toThrow('MEMBER_ROLE_NAME: must be an IAM role name');
    expect(() => readFleetSettings({ ...ENV, FLEET_ACCOUNTS: AUDITOR, WALK_BUCKET: '' })).toThrow('WALK_BUCKET: must be an S3 bucket name');
  });
});

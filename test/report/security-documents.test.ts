import { readFileSync } from 'node:fs';
import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { toAsff } from '../../lib/report/asff';
import { subjectOf } from '../../lib/report/finding-subject';
import { toOcsf } from '../../lib/report/ocsf';
import { RULES } from '../../lib/rules';
import { makeFinding } from '../lifecycle/make-finding';
import { asffProblems } from '../support/asff-check';
import { ocsfProblems } from '../support/ocsf-check';
import { runCli } from '../support/run-cli';
import { tempFiles } from '../support/temp-files';

const DEMO = 'examples/demo-account.json';
const asffOf = async (...args: string[]) => JSON.parse((await runCli('audit', '--snapshot', DEMO, '--fail-on', 'none', '--format', 'asff', ...args)).stdout) as { Findings: AwsSecurityFinding[] };
const ocsfOf = async (...args: string[]) => JSON.parse((await runCli(...args, '--fail-on', 'none', '--format', 'ocsf')).stdout) as Record<string, unknown>[];
const fingerprintsOf = async () => (JSON.parse((await runCli('audit', '--snapshot', DEMO, '--format', 'json')).stdout) as { findings: { fingerprint: string }[] }).findings.map((f) => f.fingerprint);

describe('--format asff', () => {
  test('the demo account: a BatchImportFindings body whose every finding passes the ASFF checks', async () => {
    const { Findings } = await asffOf();
    expect(Findings.length).toBeGreaterThan(5);
    expect(Findings.flatMap((finding) => asffProblems(finding))).toEqual([]);
  });

  test('one finding per finding of the run, its Id from the fingerprint, the same in the next run', async () => {
    const first = (await asffOf()).Findings.map((finding) => finding.Id);
    expect(first.sort()).toEqual((await fingerprintsOf()).map((fingerprint) => `apigw-audit/${fingerprint}`).sort());
    expect((await asffOf()).Findings.map((finding) => finding.Id).sort()).toEqual(first);
  });

  test('the default product of the finding\'s account, the API as resource with the sub-resource, rule id, kind and fingerprint', async () => {
    const finding = (await asffOf()).Findings.find((candidate) => candidate.GeneratorId === 'apigw-audit/IR004')!;
    expect(finding).toMatchObject({
      ProductArn: 'arn:aws:securityhub:eu-west-1:123456789012:product/123456789012/default',
      AwsAccountId: '123456789012',
      Types: ['Software and Configuration Checks/AWS Security Best Practices/apigw-audit IR004'],
      Severity: { Label: 'HIGH', Normalized: 80 },
      RecordState: 'ACTIVE',
      Remediation: { Recommendation: { Url: expect.stringMatching(/^https:\/\/.+\/docs\/rules\/IR004\.md$/) } },
      ProductFields: { 'apigw-audit/RuleId': 'IR004', 'apigw-audit/Kind': 'certain', 'apigw-audit/Fingerprint': finding.Id!.replace('apigw-audit/', '') },
    });
    const [resource] = finding.Resources!;
    expect(resource).toMatchObject({ Type: 'AwsApiGatewayV2Api', Id: 'arn:aws:apigateway:eu-west-1::/apis/k3chat7ws1', Region: 'eu-west-1', Details: { AwsApiGatewayV2Api: { ApiId: 'k3chat7ws1' } } });
    expect(resource!.Details!.Other).toMatchObject({ subResource: 'arn:aws:apigateway:eu-west-1::/apis/k3chat7ws1/integrations/ping01/integrationresponses/pr1', subResourceType: 'IntegrationResponse' });
  });

  test('a title, description and recommendation past their limits are cut to them, and still pass', () => {
    const long = { ...makeFinding(), title: 'T'.repeat(400), message: 'M'.repeat(3000), remediation: 'R'.repeat(900) };
    const finding = toAsff({ ...subjectOf(long), accountId: '123456789012', region: 'eu-west-1' }, { now: new Date('2026-12-01T00:00:00Z'), recordState: 'ACTIVE' });
    expect(asffProblems(finding)).toEqual([]);
    expect([finding.Title!.length, finding.Description!.length, finding.Remediation!.Recommendation!.Text!.length]).toEqual([256, 1024, 512]);
  });

  test('a cut never splits a character outside the BMP', () => {
    const finding = toAsff({ ...subjectOf({ ...makeFinding(), title: `${'x'.repeat(242)}${'😀'.repeat(20)}` }), accountId: '123456789012', region: 'eu-west-1' }, { now: new Date(), recordState: 'ACTIVE' });
    expect(finding.Title).toMatch(/^IR004 x{242}(😀)+…$/u);
    expect(finding.Title!.length).toBeLessThanOrEqual(256);
  });

  test('a credential in a response (SEC004) is a Sensitive Data Identification; every other rule a configuration check', () => {
    const typeOf = (ruleId: string) => toAsff({ ...subjectOf(makeFinding({ ruleId })), accountId: '123456789012', region: 'eu-west-1' }, { now: new Date(), recordState: 'ACTIVE' });
    expect(typeOf('SEC004').Types).toEqual(['Sensitive Data Identifications/Security/apigw-audit SEC004']);
    expect(typeOf('SEC002').Types).toEqual(['Software and Configuration Checks/AWS Security Best Practices/apigw-audit SEC002']);
    expect([...asffProblems(typeOf('SEC004')), ...asffProblems(typeOf('SEC002'))]).toEqual([]);
  });

  test('the checks reject what Security Hub would: a missing field, an unknown one, a type outside the taxonomy, a label out of range', () => {
    const good = toAsff({ ...subjectOf(makeFinding()), accountId: '123456789012', region: 'eu-west-1' }, { now: new Date(), recordState: 'ACTIVE' });
    expect(asffProblems({ ...good, Title: undefined })).toEqual(['finding.Title: required']);
    expect(asffProblems({ ...good, Sevirity: {} })).toEqual(['finding.Sevirity: not an ASFF field']);
    expect(asffProblems({ ...good, Types: ['Software and Configuration Checks/Best Practices/x'] })).toHaveLength(1);
    expect(asffProblems({ ...good, Severity: { Label: 'LOW', Normalized: 80 } })).toHaveLength(1);
  });

  test('a template names no account: exit 2 pointing at --format ocsf, not a finding with a made-up account', async () => {
    const { code, stderr, stdout } = await runCli('scan', 'test/fixtures/iac/cloudformation/mock-default-route-mistakes.yaml', '--format', 'asff');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/--format asff needs each finding's account and region.*\(a template names neither: audit a snapshot or an account, or use --format ocsf\)/);
  });

  test('a snapshot without its account says to add "accountId" to it, not to audit a snapshot', async () => {
    const demo = JSON.parse(readFileSync(DEMO, 'utf8')) as Record<string, unknown>;
    const { file } = tempFiles('asff-no-account-');
    const { code, stderr } = await runCli('audit', '--snapshot', file('no-account.json', { ...demo, accountId: undefined }), '--format', 'asff');
    expect(code).toBe(2);
    expect(stderr).toMatch(/has no account \(its snapshot has no "accountId": add it to the file, or use --format ocsf\)\n$/);
  });
});

describe('--format ocsf', () => {
  test('the demo account and a template scan: Detection Findings that pass the OCSF 1.8.0 checks', async () => {
    const audit = await ocsfOf('audit', '--snapshot', DEMO);
    const scan = await ocsfOf('scan', 'test/fixtures/iac/cloudformation/mock-default-route-mistakes.yaml');
    expect(audit.length).toBeGreaterThan(5);
    expect(scan.length).toBeGreaterThan(0);
    expect([...audit, ...scan].flatMap((event) => ocsfProblems(event))).toEqual([]);
  });

  test('finding_info.uid is the fingerprint, as the ASFF Id: the same findings carry the same ids in both', async () => {
    const uids = (await ocsfOf('audit', '--snapshot', DEMO)).map((event) => (event.finding_info as { uid: string }).uid);
    expect(uids.map((uid) => `apigw-audit/${uid}`).sort()).toEqual((await asffOf()).Findings.map((finding) => finding.Id).sort());
  });

  test('product, severity, resource and remediation of a finding', async () => {
    const event = (await ocsfOf('audit', '--snapshot', DEMO)).find((candidate) => (candidate.finding_info as { analytic: { uid: string } }).analytic.uid === 'IR004')!;
    expect(event).toMatchObject({
      class_uid: 2004,
      activity_id: 1,
      type_uid: 200401,
      severity_id: 4,
      metadata: { version: '1.8.0', product: { name: 'apigw-audit' } },
      cloud: { provider: 'AWS', region: 'eu-west-1', account: { uid: '123456789012' } },
      resources: [{ uid: 'arn:aws:apigateway:eu-west-1::/apis/k3chat7ws1/integrations/ping01/integrationresponses/pr1', type: 'AWS::ApiGatewayV2::IntegrationResponse' }],
      remediation: { references: [expect.stringMatching(/docs\/rules\/IR004\.md$/)] },
    });
  });

  test('resolved and suppressed findings: Close and Update activities, Resolved and Suppressed statuses, still valid', () => {
    const subject = subjectOf(makeFinding());
    const closed = toOcsf(subject, { now: new Date(), activity: 'close', status: 'resolved' });
    const suppressed = toOcsf(subject, { now: new Date(), firstSeen: '2026-11-01T00:00:00.000Z', activity: 'update', status: 'suppressed' });
    expect([closed, suppressed].flatMap((event) => ocsfProblems(event))).toEqual([]);
    expect([closed.type_uid, suppressed.status_id]).toEqual([200403, 3]);
  });

  test('the checks reject a missing required attribute and one the class does not define', () => {
    const event = toOcsf(subjectOf(makeFinding()), { now: new Date(), activity: 'create', status: 'new' });
    expect(ocsfProblems({ ...event, cloud: undefined })).toEqual(['event.cloud: required by detection_finding']);
    expect(ocsfProblems({ ...event, finding: {} })).toEqual(['event.finding: not an attribute of detection_finding']);
  });
});

test('every rule has a kind for ProductFields and finding_info.types', () => {
  for (const rule of RULES) expect(subjectOf(makeFinding({ ruleId: rule.meta.id })).kind).toBe(rule.meta.kind);
});

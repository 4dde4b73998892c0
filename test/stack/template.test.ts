import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGION_PATTERN } from '../../lib/config/lambda-settings';
import { STATE_TABLE_KEYS } from '../../lib/lifecycle/state-table';
import { slsPackageInto, type Json, type Resource, type Statement } from '../support/cloudformation-template';

/**
 * The stack as CloudFormation receives it. The suite packages it itself (offline, about 10 s)
 * into a temporary directory instead of reading .serverless/ from an earlier `npm run package`:
 * `npm test` alone then checks the serverless.yml of the working tree, never a stale template,
 * and it cannot pass without packaging working. Two regions are configured, so the per-region
 * expansion of the API Gateway permissions is visible.
 */

const dir = mkdtempSync(join(tmpdir(), 'apigw-audit-package-'));
let template: { Resources: Record<string, Resource>; Conditions: Json };

beforeAll(async () => {
  await slsPackageInto(dir, 'regions=eu-west-1,us-east-1', 'alertEmail=ops@example.com');
  template = JSON.parse(readFileSync(join(dir, 'cloudformation-template-update-stack.json'), 'utf8')) as typeof template;
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const resource = (name: string): Resource => {
  const found = template.Resources[name];
  if (found === undefined) throw new Error(`no resource ${name} in the template`);
  return found;
};
const ofType = (type: string) => Object.entries(template.Resources).filter(([, candidate]) => candidate.Type === type);
const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

test('the function: Node.js 22 on arm64, Lambda maximum timeout, configured from params, no async retries', () => {
  const fn = resource('AuditLambdaFunction').Properties;
  expect(fn).toMatchObject({
    Handler: 'functions/audit.handler',
    Runtime: 'nodejs22.x',
    Architectures: ['arm64'],
    Timeout: 900,
    // Sized from docs/scale.md (npm run bench:scale): 1,000,000 integration responses.
    MemorySize: 6144,
    Role: { 'Fn::GetAtt': ['AuditRole', 'Arn'] },
    Environment: {
      Variables: {
        ALERT_TOPIC_ARN: { Ref: 'AlertTopic' },
        AUDIT_REGIONS: 'eu-west-1,us-east-1',
        ALERT_THRESHOLD: 'high',
        AUDIT_CONFIG: '{}',
        ALERT_MODE: 'changes',
        STATE_TABLE: 'apigw-audit-dev-state',
        STATE_RETENTION_DAYS: '90',
        SUPPRESSIONS_FILE: 'dist/suppressions.json',
        SECURITY_HUB: 'false',
        POWERTOOLS_SERVICE_NAME: 'apigw-audit-dev',
        NODE_OPTIONS: '--max-old-space-size=5120',
      },
    },
  });
  expect(ofType('AWS::Lambda::EventInvokeConfig')[0]?.[1].Properties).toMatchObject({ MaximumRetryAttempts: 0 });
  expect(resource('AuditLogGroup').Properties).toEqual({ LogGroupName: '/aws/lambda/apigw-audit-dev-audit', RetentionInDays: 30 });
});

test('the bundle is one minified file, small enough to start fast, shipped with the suppression file', () => {
  const zip = join(dir, 'audit.zip');
  expect(statSync(zip).size).toBeLessThan(512 * 1024);
  // A zip stores its entries' names as they are: the file is where SUPPRESSIONS_FILE says.
  expect(readFileSync(zip).includes('dist/suppressions.json')).toBe(true);
});

test('a suppression file with a bad entry fails the packaging, naming the entry', async () => {
  const failed = mkdtempSync(join(tmpdir(), 'apigw-audit-package-'));
  try {
    await expect(slsPackageInto(failed, 'suppressionsFile=test/fixtures/suppressions/malformed.yml')).rejects.toMatchObject({
      stdout: expect.stringMatching(/ConfigError: \S*test\/fixtures\/suppressions\/malformed\.yml: suppressions\[1\] \(rule "WS001"\): expires: is required/),
    });
  } finally {
    rmSync(failed, { recursive: true, force: true });
  }
}, 60_000);

test('the state table: on demand, the keys and TTL attribute the store uses, point-in-time recovery on', () => {
  expect(resource('StateTable').Properties).toEqual({
    TableName: 'apigw-audit-dev-state',
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: STATE_TABLE_KEYS.partitionKey, AttributeType: 'S' },
      { AttributeName: STATE_TABLE_KEYS.sortKey, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: STATE_TABLE_KEYS.partitionKey, KeyType: 'HASH' },
      { AttributeName: STATE_TABLE_KEYS.sortKey, KeyType: 'RANGE' },
    ],
    TimeToLiveSpecification: { AttributeName: STATE_TABLE_KEYS.ttlAttribute, Enabled: true },
    PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
  });
});

test('the schedule runs the function once a day by default', () => {
  // The other rule, ChangeEventsRule, sends change events to a queue (test/stack/change-events.test.ts).
  const rules = ofType('AWS::Events::Rule').filter(([, rule]) => rule.Properties.ScheduleExpression !== undefined);
  expect(rules).toHaveLength(1);
  expect(rules[0]![1].Properties).toMatchObject({
    ScheduleExpression: 'rate(1 day)',
    State: 'ENABLED',
    Targets: [{ Arn: { 'Fn::GetAtt': ['AuditLambdaFunction', 'Arn'] } }],
  });
  const permissions = ofType('AWS::Lambda::Permission').map(([, permission]) => permission.Properties);
  expect(permissions).toEqual([expect.objectContaining({ Principal: 'events.amazonaws.com', SourceArn: { 'Fn::GetAtt': [rules[0]![0], 'Arn'] } })]);
});

test('the topic is encrypted with a customer managed key that rotates', () => {
  expect(resource('AlertTopic').Properties).toMatchObject({ KmsMasterKeyId: { 'Fn::GetAtt': ['AlertKey', 'Arn'] } });
  const key = resource('AlertKey').Properties;
  expect(key.EnableKeyRotation).toBe(true);
  const statements = (key.KeyPolicy as { Statement: Statement[] }).Statement;
  expect(statements.map((statement) => [statement.Principal, list(statement.Action)])).toEqual([
    [{ AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } }, ['kms:*']],
    // What CloudWatch alarms need to publish to the encrypted topic, for this account only.
    [{ Service: 'cloudwatch.amazonaws.com' }, ['kms:GenerateDataKey*', 'kms:Decrypt']],
  ]);
  expect(statements[1]!.Condition).toEqual({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } });
});

test('the topic policy denies publishing without TLS and lets only this stack\'s alarms publish', () => {
  const policy = resource('AlertTopicPolicy').Properties as { Topics: unknown[]; PolicyDocument: { Statement: Statement[] } };
  expect(policy.Topics).toEqual([{ Ref: 'AlertTopic' }]);
  const [deny, alarms, ...others] = policy.PolicyDocument.Statement;
  expect(others).toEqual([]);
  expect(deny).toMatchObject({ Effect: 'Deny', Principal: '*', Action: 'sns:Publish', Resource: { Ref: 'AlertTopic' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
  expect(alarms).toMatchObject({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish', Resource: { Ref: 'AlertTopic' } });

  const pattern = ((alarms!.Condition as { ArnLike: Record<string, { 'Fn::Sub': string }> }).ArnLike['aws:SourceArn']!)['Fn::Sub'];
  const alarmNamePattern = new RegExp(`^${pattern.split(':alarm:')[1]!.replaceAll('*', '.*')}$`);
  for (const [, alarm] of ofType('AWS::CloudWatch::Alarm')) expect(alarm.Properties.AlarmName).toMatch(alarmNamePattern);
});

test('an email subscription exists only when alertEmail is set', () => {
  const subscription = resource('AlertEmailSubscription');
  expect(subscription.Condition).toBe('HasAlertEmail');
  expect(subscription.Properties).toEqual({ TopicArn: { Ref: 'AlertTopic' }, Protocol: 'email', Endpoint: 'ops@example.com' });
  expect(template.Conditions.HasAlertEmail).toEqual({ 'Fn::Not': [{ 'Fn::Equals': ['ops@example.com', ''] }] });
});

test('IAM: one role, and exactly these actions on exactly these resources', () => {
  const iam = Object.entries(template.Resources).filter(([, candidate]) => candidate.Type.startsWith('AWS::IAM::'));
  expect(iam.map(([name, candidate]) => [name, candidate.Type])).toEqual([['AuditRole', 'AWS::IAM::Role']]);
  const role = resource('AuditRole').Properties as { ManagedPolicyArns?: unknown; AssumeRolePolicyDocument: { Statement: Statement[] }; Policies: unknown[] };
  expect(role.ManagedPolicyArns).toBeUndefined();
  expect(role.AssumeRolePolicyDocument.Statement).toEqual([{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }]);

  const statements = policyStatements(template, role.Policies);
  for (const statement of statements) {
    expect(statement.Effect).toBe('Allow');
    expect(statement.Condition).toBeUndefined();
  }
  const grants = statements.flatMap((statement) => list(statement.Action).map((action) => [action, list(statement.Resource)]));
  // Only what the walk reads: no stages (stage variables), authorizers, models or exports.
  const apiGateway = ['eu-west-1', 'us-east-1'].flatMap((region) => [
    { 'Fn::Sub': `arn:\${AWS::Partition}:apigateway:${region}::/apis` },
    { 'Fn::Sub': `arn:\${AWS::Partition}:apigateway:${region}::/apis/*/integrations*` },
    { 'Fn::Sub': `arn:\${AWS::Partition}:apigateway:${region}::/apis/*/routes*` },
  ]);
  expect(grants).toEqual([
    ['logs:CreateLogStream', [{ 'Fn::GetAtt': ['AuditLogGroup', 'Arn'] }]],
    ['logs:PutLogEvents', [{ 'Fn::GetAtt': ['AuditLogGroup', 'Arn'] }]],
    ['apigateway:GET', apiGateway],
    // Change tracking adds exactly what lib/lifecycle/dynamo-state-store.ts calls, on this table only.
    ['dynamodb:Query', [{ 'Fn::GetAtt': ['StateTable', 'Arn'] }]],
    ['dynamodb:BatchWriteItem', [{ 'Fn::GetAtt': ['StateTable', 'Arn'] }]],
    ['sns:Publish', [{ Ref: 'AlertTopic' }]],
    // The change queue's event source mapping, on that queue only; the function never calls SQS.
    ['sqs:ReceiveMessage', [{ 'Fn::GetAtt': ['ChangeQueue', 'Arn'] }]],
    ['sqs:DeleteMessage', [{ 'Fn::GetAtt': ['ChangeQueue', 'Arn'] }]],
    ['sqs:GetQueueAttributes', [{ 'Fn::GetAtt': ['ChangeQueue', 'Arn'] }]],
    ['kms:GenerateDataKey', [{ 'Fn::GetAtt': ['AlertKey', 'Arn'] }]],
    ['kms:Decrypt', [{ 'Fn::GetAtt': ['AlertKey', 'Arn'] }]],
  ]);
});

test('securityHub=true: the function exports, and may import findings only into the default product of its account in the audited regions', async () => {
  const enabled = mkdtempSync(join(tmpdir(), 'apigw-audit-package-'));
  try {
    await slsPackageInto(enabled, 'regions=eu-west-1,us-east-1', 'securityHub=true');
    const withExport = JSON.parse(readFileSync(join(enabled, 'cloudformation-template-update-stack.json'), 'utf8')) as typeof template;
    expect(withExport.Resources.AuditLambdaFunction!.Properties).toMatchObject({ Handler: 'functions/audit-with-security-hub.handler', Environment: { Variables: { SECURITY_HUB: 'true' } } });
    // Only this package carries the Security Hub client; the default one (param off) does not.
    expect(bundleText(enabled, 'functions/audit-with-security-hub.js')).toContain('BatchImportFindings');
    expect(bundleText(dir, 'functions/audit.js')).not.toMatch(/BatchImportFindings|SecurityHubClient/);
    const role = withExport.Resources.AuditRole!.Properties as { Policies: unknown[] };
    const grants = policyStatements(withExport, role.Policies).flatMap((statement) => list(statement.Action).map((action) => [action, list(statement.Resource)]));
    expect(grants.filter(([action]) => String(action).startsWith('securityhub:'))).toEqual([
      [
        'securityhub:BatchImportFindings',
        ['eu-west-1', 'us-east-1'].map((region) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:securityhub:${region}:\${AWS::AccountId}:product/\${AWS::AccountId}/default` })),
      ],
    ]);
    // Everything else is what the stack grants without the export.
    expect(grants.filter(([action]) => !String(action).startsWith('securityhub:'))).toEqual(
      policyStatements(template, (template.Resources.AuditRole!.Properties as { Policies: unknown[] }).Policies).flatMap((statement) => list(statement.Action).map((action) => [action, list(statement.Resource)])),
    );
  } finally {
    rmSync(enabled, { recursive: true, force: true });
  }
}, 180_000);

/** A file of the function's zip in a package directory, as text. */
function bundleText(packageDir: string, file: string): string {
  return execFileSync('unzip', ['-p', join(packageDir, 'audit.zip'), file], { encoding: 'utf8', maxBuffer: 1 << 26 });
}

/**
 * The statements of a role's policies as CloudFormation deploys them: a policy written
 * `Fn::If [Condition, policy, AWS::NoValue]` is there only when its condition (an `Fn::Equals`
 * of two strings the packaging resolved) holds.
 */
function policyStatements(stack: typeof template, policies: unknown[]): Statement[] {
  const holds = (name: string) => {
    const [left, right] = (stack.Conditions[name] as { 'Fn::Equals': [unknown, unknown] })['Fn::Equals'];
    return left === right;
  };
  return policies.flatMap((policy) => {
    const conditional = (policy as { 'Fn::If'?: [string, unknown, unknown] })['Fn::If'];
    const chosen = conditional === undefined ? policy : holds(conditional[0]) ? conditional[1] : conditional[2];
    const document = (chosen as { PolicyDocument?: { Statement: Statement[] } }).PolicyDocument;
    return document === undefined ? [] : document.Statement;
  });
}

test('alarms on function errors, on audit errors and on change events not audited notify the topic', () => {
  const alarms = Object.fromEntries(ofType('AWS::CloudWatch::Alarm').map(([name, alarm]) => [name, alarm.Properties]));
  const common = { Statistic: 'Sum', Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching', AlarmActions: [{ Ref: 'AlertTopic' }] };
  expect(alarms).toEqual({
    FunctionErrorsAlarm: expect.objectContaining({ ...common, Namespace: 'AWS/Lambda', MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName', Value: { Ref: 'AuditLambdaFunction' } }] }),
    // The EMF metric the run writes (lib/lambda/run-metrics.ts), under the function's service name.
    AuditErrorsAlarm: expect.objectContaining({ ...common, Namespace: 'ApigwAudit', MetricName: 'AuditErrors', Dimensions: [{ Name: 'service', Value: 'apigw-audit-dev' }] }),
    // Any message in the change queue's dead-letter queue.
    ChangeDeadLettersAlarm: expect.objectContaining({ ...common, Statistic: 'Maximum', Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': ['ChangeDeadLetterQueue', 'QueueName'] } }] }),
  });
});

test('saved Logs Insights queries: findings of the last run by severity, one rule across runs, new this week, open for more than 30 days, audit errors', () => {
  const queries = Object.fromEntries(ofType('AWS::Logs::QueryDefinition').map(([, query]) => [String(query.Properties.Name), query.Properties as { LogGroupNames: unknown; QueryString: string }]));
  expect(Object.keys(queries)).toEqual([
    'apigw-audit-dev/findings-of-the-last-run-by-severity',
    'apigw-audit-dev/one-rule-across-runs',
    'apigw-audit-dev/new-this-week',
    'apigw-audit-dev/open-for-more-than-30-days',
    'apigw-audit-dev/audit-errors',
  ]);
  for (const query of Object.values(queries)) expect(query.LogGroupNames).toEqual([{ Ref: 'AuditLogGroup' }]);
  expect(queries['apigw-audit-dev/findings-of-the-last-run-by-severity']!.QueryString).toMatch(/filter kind = "finding"\n\| sort runStartedAt desc, severityRank asc/);
  expect(queries['apigw-audit-dev/one-rule-across-runs']!.QueryString).toMatch(/filter kind = "finding" and ruleId = "IR004"\n\| stats .* by runStartedAt/);
  expect(queries['apigw-audit-dev/audit-errors']!.QueryString).toMatch(/filter kind = "audit-error"/);
  // The fields lib/lambda/run-log.ts writes on each finding line; the latest line per finding.
  expect(queries['apigw-audit-dev/new-this-week']!.QueryString).toMatch(/filter kind = "finding-lifecycle" and lifecycle in \["new", "open", "reopened"\] and ageDays < 7\n\| sort runStartedAt desc\n\| dedup fingerprint/);
  expect(queries['apigw-audit-dev/open-for-more-than-30-days']!.QueryString).toMatch(/filter kind = "finding-lifecycle" and lifecycle in \["open", "reopened"\] and ageDays > 30\n\| sort runStartedAt desc\n\| dedup fingerprint/);
});

describe('the regions param is checked when the stack is packaged', () => {
  test('the packaging check and the cold-start check accept the same region names', () => {
    // The CommonJS resolver serverless.yml loads, as it loads it.
    const { REGION_PATTERN: packaging } = require('../../stack/param-regions.cjs') as { REGION_PATTERN: RegExp };
    expect(packaging.source).toBe(REGION_PATTERN.source);
  });

  test.each([['*'], ['eu-west-1,*'], ['eu-west-1,not a region']])('regions=%s fails the packaging, naming the param, and grants nothing', async (regions) => {
    const into = mkdtempSync(join(tmpdir(), 'apigw-audit-package-'));
    try {
      await expect(slsPackageInto(into, `regions=${regions}`)).rejects.toMatchObject({ stdout: expect.stringContaining('param regions:') });
      expect(existsSync(join(into, 'cloudformation-template-update-stack.json'))).toBe(false);
    } finally {
      rmSync(into, { recursive: true, force: true });
    }
  }, 120_000);
});

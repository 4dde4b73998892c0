import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import validateAsl from 'asl-validator';
import { parse } from 'yaml';
import type { Json, Resource, Statement } from '../support/cloudformation-template';

const { fleetDefinition } = require('../../stack/fleet-state-machine.cjs') as { fleetDefinition: (options: { maxConcurrency: number }) => Json };

/**
 * The stack with fleet params, as CloudFormation receives it (packaged offline into a
 * temporary directory, as template.test.ts does for the default), and the member-account
 * template. Every action and resource of the fleet's IAM is pinned here.
 */
interface Template {
  Resources: Record<string, Resource>;
  Conditions?: Json;
}

const slsPackage = async (...params: string[]): Promise<Template> => {
  const dir = mkdtempSync(join(tmpdir(), 'apigw-audit-fleet-package-'));
  try {
    await promisify(execFile)(join('node_modules', '.bin', 'sls'), ['package', '--package', dir, ...params.map((param) => `--param=${param}`)], {
      env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' },
    });
    return JSON.parse(readFileSync(join(dir, 'cloudformation-template-update-stack.json'), 'utf8')) as Template;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

let fleet: Template;
beforeAll(async () => {
  fleet = await slsPackage('regions=eu-west-1,us-east-1', 'fleetAccounts=111111111111,ou-ab12-cd34ef56', 'fleetMaxConcurrency=25');
}, 180_000);

const resource = (template: Template, name: string): Resource => {
  const found = template.Resources[name];
  if (found === undefined) throw new Error(`no resource ${name} in the template`);
  return found;
};
const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const grants = (role: Resource) =>
  (role.Properties['Policies'] as { PolicyDocument: { Statement: Statement[] } }[]).flatMap((policy) => policy.PolicyDocument.Statement).flatMap((statement) => {
    expect(statement.Effect).toBe('Allow');
    return list(statement.Action).map((action) => [action, list(statement.Resource)]);
  });
const FUNCTIONS = ['FleetPlanRun', 'FleetWalk', 'FleetAudit', 'FleetFinishRun'];

test('fleet params add the state machine, its four functions, their role, the walk bucket, the schedule and the failed-items alarm', () => {
  const added = Object.keys(fleet.Resources).filter((name) => name.startsWith('Fleet') || name.startsWith('Walk'));
  expect(added.filter((name) => !/LambdaVersion/.test(name)).sort()).toEqual(
    [
      ...FUNCTIONS.flatMap((name) => [`${name}LambdaFunction`, `${name}LogGroup`, `${name}LambdaEvConf`]),
      'FleetRole',
      'FleetStateMachine',
      'FleetStateMachineRole',
      'FleetSchedule',
      'FleetScheduleRole',
      'FleetFailedItemsAlarm',
      'FleetRunFailedAlarm',
      'WalkBucket',
      'WalkBucketPolicy',
    ].sort(),
  );
  // The fleet audits the auditor's own account: the single-account schedule is gone, the function stays for manual invokes.
  expect(Object.values(fleet.Resources).filter((candidate) => candidate.Type === 'AWS::Events::Rule')).toHaveLength(1);
  expect(resource(fleet, 'FleetSchedule').Properties).toMatchObject({ ScheduleExpression: 'rate(1 day)', Targets: [{ Arn: { Ref: 'FleetStateMachine' }, Input: '{"source":"aws.events","detail-type":"Scheduled Event"}' }] });
  expect(resource(fleet, 'AuditLambdaFunction').Properties['Handler']).toBe('functions/audit.handler');
  for (const name of FUNCTIONS) {
    expect(resource(fleet, `${name}LambdaFunction`).Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], Role: { 'Fn::GetAtt': ['FleetRole', 'Arn'] } });
  }
  expect(resource(fleet, 'FleetWalkLambdaFunction').Properties).toMatchObject({
    Timeout: 900,
    Environment: { Variables: { FLEET_ACCOUNTS: '111111111111,ou-ab12-cd34ef56', MEMBER_ROLE_NAME: 'apigw-audit-member', WALK_BUCKET: { Ref: 'WalkBucket' }, AUDIT_REGIONS: 'eu-west-1,us-east-1' } },
  });
});

test('the state machine: Standard, a valid definition, a Distributed Map with the maxConcurrency param, every item failure caught', () => {
  const machine = resource(fleet, 'FleetStateMachine').Properties as { StateMachineType: string; DefinitionString: string; DefinitionSubstitutions: Json };
  expect(machine.StateMachineType).toBe('STANDARD');
  const definition = JSON.parse(machine.DefinitionString) as Json;
  // The definition the fleet simulation executes (test/support/fleet-simulation.ts) is this one.
  expect(machine.DefinitionString).toBe(JSON.stringify(fleetDefinition({ maxConcurrency: 25 })));
  expect(validateAsl(definition)).toMatchObject({ isValid: true, errors: [] });
  const map = (JSON.parse(machine.DefinitionString)['States'] as Record<string, Json>)['AuditEachAccountRegion'] as Json & { ItemProcessor: { ProcessorConfig: Json; States: Record<string, Json> } };
  expect(map).toMatchObject({ Type: 'Map', MaxConcurrency: 25, ItemsPath: '$.targets', ResultPath: null, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } } });
  expect(map.ItemProcessor.States['Walk']).toMatchObject({ Catch: [{ ErrorEquals: ['States.ALL'], Next: 'RecordFailure' }] });
  expect(map.ItemProcessor.States['RecordOutcome']).toMatchObject({ Catch: [{ ErrorEquals: ['States.ALL'], Next: 'RecordFailure' }] });
  expect(map.ItemProcessor.States['WalkDone']).toMatchObject({ Type: 'Choice', Choices: [{ Variable: '$.cursor.done', BooleanEquals: true, Next: 'RecordOutcome' }], Default: 'Walk' });
  expect(machine.DefinitionSubstitutions).toEqual({
    PlanRunFunction: { 'Fn::GetAtt': ['FleetPlanRunLambdaFunction', 'Arn'] },
    WalkFunction: { 'Fn::GetAtt': ['FleetWalkLambdaFunction', 'Arn'] },
    AuditFunction: { 'Fn::GetAtt': ['FleetAuditLambdaFunction', 'Arn'] },
    FinishRunFunction: { 'Fn::GetAtt': ['FleetFinishRunLambdaFunction', 'Arn'] },
  });
});

test('fleet IAM: the functions assume only the named member role and read and write only the stack\'s own bucket and table', () => {
  const role = resource(fleet, 'FleetRole');
  expect(role.Properties['RoleName']).toBe('apigw-audit-dev-fleet');
  expect(role.Properties['AssumeRolePolicyDocument']).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
  const apiGateway = ['eu-west-1', 'us-east-1'].flatMap((region) => ['/apis', '/apis/*/integrations*', '/apis/*/routes*'].map((path) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:apigateway:${region}::${path}` })));
  const logGroups = FUNCTIONS.map((name) => ({ 'Fn::GetAtt': [`${name}LogGroup`, 'Arn'] }));
  expect(grants(role)).toEqual([
    ['logs:CreateLogStream', logGroups],
    ['logs:PutLogEvents', logGroups],
    ['sts:AssumeRole', [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::*:role/apigw-audit-member' }]],
    ['apigateway:GET', apiGateway],
    ['s3:GetObject', [{ 'Fn::Sub': '${WalkBucket.Arn}/*' }]],
    ['s3:PutObject', [{ 'Fn::Sub': '${WalkBucket.Arn}/*' }]],
    ['dynamodb:Query', [{ 'Fn::GetAtt': ['StateTable', 'Arn'] }]],
    ['dynamodb:BatchWriteItem', [{ 'Fn::GetAtt': ['StateTable', 'Arn'] }]],
    ['sns:Publish', [{ Ref: 'AlertTopic' }]],
    ['kms:GenerateDataKey', [{ 'Fn::GetAtt': ['AlertKey', 'Arn'] }]],
    ['kms:Decrypt', [{ 'Fn::GetAtt': ['AlertKey', 'Arn'] }]],
    // Organizational unit ids are listed: the accounts below them, and the units below them.
    ['organizations:ListAccountsForParent', ['*']],
    ['organizations:ListOrganizationalUnitsForParent', ['*']],
  ]);
  const machineRole = resource(fleet, 'FleetStateMachineRole');
  expect(grants(machineRole)).toEqual([
    ['lambda:InvokeFunction', FUNCTIONS.map((name) => ({ 'Fn::GetAtt': [`${name}LambdaFunction`, 'Arn'] }))],
    ['states:StartExecution', [{ 'Fn::Sub': 'arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:apigw-audit-dev-fleet' }]],
    ['states:DescribeExecution', [{ 'Fn::Sub': 'arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:apigw-audit-dev-fleet/*' }]],
    ['states:StopExecution', [{ 'Fn::Sub': 'arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:apigw-audit-dev-fleet/*' }]],
  ]);
  expect(grants(resource(fleet, 'FleetScheduleRole'))).toEqual([['states:StartExecution', [{ Ref: 'FleetStateMachine' }]]]);
});

test('the walk bucket: encrypted, never public, TLS only, its objects expire', () => {
  expect(resource(fleet, 'WalkBucket').Properties).toEqual({
    BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: true }] },
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    LifecycleConfiguration: { Rules: [{ Id: 'expire-run-data', Status: 'Enabled', ExpirationInDays: 3, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }] },
  });
  expect(resource(fleet, 'WalkBucketPolicy').Properties['PolicyDocument']).toMatchObject({ Statement: [{ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] });
});

test('the failed-items and failed-run alarms notify the topic', () => {
  expect(resource(fleet, 'FleetFailedItemsAlarm').Properties).toMatchObject({ Namespace: 'ApigwAudit', MetricName: 'FleetItemsFailed', Dimensions: [{ Name: 'service', Value: 'apigw-audit-dev' }], Threshold: 1, AlarmActions: [{ Ref: 'AlertTopic' }] });
  expect(resource(fleet, 'FleetRunFailedAlarm').Properties).toMatchObject({ Namespace: 'AWS/States', MetricName: 'ExecutionsFailed', Dimensions: [{ Name: 'StateMachineArn', Value: { Ref: 'FleetStateMachine' } }], Threshold: 1, AlarmActions: [{ Ref: 'AlertTopic' }] });
});

test('fleetAccounts=organization lists the organization\'s accounts, and a bad fleet param fails the packaging', async () => {
  const organization = await slsPackage('regions=eu-west-1', 'fleetAccounts=organization', 'securityHub=true');
  const fleetGrants = grants(resource(organization, 'FleetRole'));
  expect(fleetGrants.filter(([action]) => String(action).startsWith('organizations:'))).toEqual([['organizations:ListAccounts', ['*']]]);
  // The auditor's own account is audited with its own role, so its own Security Hub import too.
  expect(fleetGrants.filter(([action]) => String(action).startsWith('securityhub:'))).toEqual([
    ['securityhub:BatchImportFindings', [{ 'Fn::Sub': 'arn:${AWS::Partition}:securityhub:eu-west-1:${AWS::AccountId}:product/${AWS::AccountId}/default' }]],
  ]);
  await expect(slsPackage('fleetAccounts=12345')).rejects.toMatchObject({ stdout: expect.stringContaining('param fleetAccounts: "12345": neither a 12-digit account id nor an organizational unit id') });
}, 180_000);

describe('the member-account role (stack/member-role.yml)', () => {
  const member = parse(readFileSync('stack/member-role.yml', 'utf8')) as Template & { Parameters: Json };
  const role = resource(member, 'MemberRole');

  test('only the auditor\'s fleet role, from inside the organization, may assume it', () => {
    expect(Object.keys(member.Resources)).toEqual(['MemberRole']);
    expect(role.Properties['AssumeRolePolicyDocument']).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'OnlyTheAuditorRole',
          Effect: 'Allow',
          Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AuditorAccountId}:root' } },
          Action: 'sts:AssumeRole',
          Condition: {
            ArnEquals: { 'aws:PrincipalArn': { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AuditorAccountId}:role/${AuditorRoleName}' } },
            StringEquals: { 'aws:PrincipalOrgID': { Ref: 'OrganizationId' } },
          },
        },
      ],
    });
    expect(member.Parameters['AuditorRoleName']).toMatchObject({ Default: 'apigw-audit-dev-fleet' });
    expect(member.Parameters['MemberRoleName']).toMatchObject({ Default: 'apigw-audit-member' });
  });

  test('it may only read what the walk reads, and import findings into its own default product when the export is on', () => {
    const [read, exportPolicy] = role.Properties['Policies'] as [{ PolicyDocument: { Statement: Statement[] } }, { 'Fn::If': [string, { PolicyDocument: { Statement: Statement[] } }, unknown] }];
    expect(read.PolicyDocument.Statement.map((statement) => [statement.Effect, statement.Action, statement.Resource])).toEqual([
      ['Allow', 'apigateway:GET', ['/apis', '/apis/*/integrations*', '/apis/*/routes*'].map((path) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:apigateway:*::${path}` }))],
    ]);
    expect(exportPolicy['Fn::If'][0]).toBe('ExportsToSecurityHub');
    expect(member.Conditions?.['ExportsToSecurityHub']).toEqual({ 'Fn::Equals': [{ Ref: 'SecurityHubExport' }, 'true'] });
    expect(member.Parameters['SecurityHubExport']).toMatchObject({ Default: 'false' });
    expect(exportPolicy['Fn::If'][1].PolicyDocument.Statement.map((statement) => [statement.Effect, statement.Action, statement.Resource])).toEqual([
      ['Allow', 'securityhub:BatchImportFindings', { 'Fn::Sub': 'arn:${AWS::Partition}:securityhub:*:${AWS::AccountId}:product/${AWS::AccountId}/default' }],
    ]);
    expect(exportPolicy['Fn::If'][2]).toEqual({ Ref: 'AWS::NoValue' });
  });
});

import { readFileSync } from 'node:fs';
import validateAsl from 'asl-validator';
import { parse } from 'yaml';
import { parseApiChange } from '../../lib/change/api-change';
import { cloudTrailEvent, NOT_MATCHED, v2WriteCalls } from '../support/cloudtrail-events';
import { slsPackage, type Json, type Resource, type Statement, type Template } from '../support/cloudformation-template';
import { matchesPattern } from '../support/event-pattern';

const { fleetDefinition } = require('../../stack/fleet-state-machine.cjs') as { fleetDefinition: (options: { maxConcurrency: number }) => Json };

/**
 * The stack with fleet params, as CloudFormation receives it (packaged offline into a
 * temporary directory, as template.test.ts does for the default), and the member-account
 * template. Every action and resource of the fleet's IAM is pinned here.
 */
let fleet: Template;
beforeAll(async () => {
  fleet = await slsPackage('regions=eu-west-1,us-east-1', 'fleetAccounts=111111111111,ou-ab12-cd34ef56', 'fleetMaxConcurrency=25', 'fleetOrganizationId=o-a1b2c3d4e5');
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
/** The audit function's grants: its role's first policy (the second is the Security Hub export's Fn::If, off here). */
const auditGrants = (template: Template) => {
  const role = resource(template, 'AuditRole');
  return grants({ ...role, Properties: { Policies: (role.Properties['Policies'] as unknown[]).slice(0, 1) } });
};
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
  expect(Object.entries(fleet.Resources).flatMap(([name, candidate]) => (candidate.Type === 'AWS::Events::Rule' ? [name] : [])).sort()).toEqual(['ChangeEventsRule', 'FleetSchedule']);
  expect(resource(fleet, 'FleetSchedule').Properties).toMatchObject({ ScheduleExpression: 'rate(1 day)', Targets: [{ Arn: { Ref: 'FleetStateMachine' }, Input: '{"source":"aws.events","detail-type":"Scheduled Event"}' }] });
  // The single-account function audits the fleet's changes (lib/fleet/fleet-change-access.ts).
  expect(resource(fleet, 'AuditLambdaFunction').Properties).toMatchObject({
    Handler: 'functions/audit-in-fleet.handler',
    Environment: { Variables: { FLEET_ACCOUNTS: '111111111111,ou-ab12-cd34ef56', MEMBER_ROLE_NAME: 'apigw-audit-member' } },
  });
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
    // Organizational unit ids are listed: the accounts below them, and the units below them.
    ['organizations:ListAccountsForParent', ['*']],
    ['organizations:ListOrganizationalUnitsForParent', ['*']],
    ['apigateway:GET', apiGateway],
    ['s3:GetObject', [{ 'Fn::Sub': '${WalkBucket.Arn}/*' }]],
    ['s3:PutObject', [{ 'Fn::Sub': '${WalkBucket.Arn}/*' }]],
    ['dynamodb:Query', [{ 'Fn::GetAtt': ['StateTable', 'Arn'] }]],
    ['dynamodb:BatchWriteItem', [{ 'Fn::GetAtt': ['StateTable', 'Arn'] }]],
    ['sns:Publish', [{ Ref: 'AlertTopic' }]],
    ['kms:GenerateDataKey', [{ 'Fn::GetAtt': ['AlertKey', 'Arn'] }]],
    ['kms:Decrypt', [{ 'Fn::GetAtt': ['AlertKey', 'Arn'] }]],
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

test('change audits of member accounts: the audit function may assume only the member role (and list the fleet\'s accounts), the organization may put events on the default bus', () => {
  // What the single-account stack grants (template.test.ts pins it), plus the member role and the listing of the units' accounts.
  expect(auditGrants(fleet).filter(([action]) => String(action).startsWith('sts:') || String(action).startsWith('organizations:'))).toEqual([
    ['sts:AssumeRole', [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::*:role/apigw-audit-member' }]],
    ['organizations:ListAccountsForParent', ['*']],
    ['organizations:ListOrganizationalUnitsForParent', ['*']],
  ]);
  expect(resource(fleet, 'ChangeEventsBusPolicy')).toEqual({
    Type: 'AWS::Events::EventBusPolicy',
    Condition: 'AuditsOnChange',
    Properties: {
      EventBusName: 'default',
      StatementId: 'apigw-audit-member-changes',
      Statement: {
        Effect: 'Allow',
        Principal: '*',
        Action: 'events:PutEvents',
        Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default' },
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      },
    },
  });
});

test('with account ids alone, those accounts may forward their changes; a fleet naming the organization needs its id', async () => {
  const listed = await slsPackage('regions=eu-west-1', 'fleetAccounts=111111111111,222222222222');
  expect(resource(listed, 'ChangeEventsBusPolicy').Properties['Statement']).toEqual({
    Effect: 'Allow',
    Principal: { AWS: ['111111111111', '222222222222'].map((id) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:iam::${id}:root` })) },
    Action: 'events:PutEvents',
    Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default' },
  });
  // Listed ids need no Organizations call.
  expect(auditGrants(listed).filter(([action]) => String(action).startsWith('organizations:'))).toEqual([]);
  await expect(slsPackage('fleetAccounts=organization')).rejects.toMatchObject({ stdout: expect.stringContaining('param fleetOrganizationId: "" is not an organization id') });
}, 180_000);

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
  const organization = await slsPackage('regions=eu-west-1', 'fleetAccounts=organization', 'securityHub=true', 'onChange=false');
  const fleetGrants = grants(resource(organization, 'FleetRole'));
  // Without change audits, no organization id is needed, and the bus policy is not created.
  expect(organization.Conditions?.['AuditsOnChange']).toEqual({ 'Fn::Equals': ['false', 'true'] });
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
    expect(Object.keys(member.Resources)).toEqual(['MemberRole', 'ForwardChangeEvents', 'ForwardChangesRole']);
    expect(role.Condition).toBe('CreatesRoles');
    expect(role.Properties['AssumeRolePolicyDocument']).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'OnlyTheAuditorRole',
          Effect: 'Allow',
          Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AuditorAccountId}:root' } },
          Action: 'sts:AssumeRole',
          Condition: {
            ArnEquals: {
              // With ChangeAudits=true, also the audit function's role (the stack names it so in fleet mode), which audits forwarded changes.
              'aws:PrincipalArn': {
                'Fn::If': [
                  'ForwardsChanges',
                  [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AuditorAccountId}:role/${AuditorRoleName}' }, { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AuditorAccountId}:role/${AuditorAuditRoleName}' }],
                  { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AuditorAccountId}:role/${AuditorRoleName}' },
                ],
              },
            },
            StringEquals: { 'aws:PrincipalOrgID': { Ref: 'OrganizationId' } },
          },
        },
      ],
    });
    expect(member.Parameters['AuditorRoleName']).toMatchObject({ Default: 'apigw-audit-dev-fleet' });
    expect(member.Parameters['AuditorAuditRoleName']).toMatchObject({ Default: 'apigw-audit-dev-audit' });
    expect(resource(fleet, 'AuditRole').Properties['RoleName']).toBe('apigw-audit-dev-audit');
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

  const rule = resource(member, 'ForwardChangeEvents');
  const forwardingRole = resource(member, 'ForwardChangesRole');
  const auditorBus = { 'Fn::Sub': 'arn:${AWS::Partition}:events:${AuditorRegion}:${AuditorAccountId}:event-bus/default' };

  test('with ChangeAudits=true, a rule forwards API Gateway V2 write calls to the auditor\'s default bus, with the stack\'s own pattern', () => {
    expect(member.Parameters['ChangeAudits']).toMatchObject({ Default: 'false', AllowedValues: ['true', 'false'] });
    expect(member.Conditions?.['ForwardsChanges']).toEqual({ 'Fn::Equals': [{ Ref: 'ChangeAudits' }, 'true'] });
    expect(rule.Condition).toBe('ForwardsChanges');
    // One definition: the packaged stack's change rule reads this very pattern.
    expect(rule.Properties['EventPattern']).toEqual(resource(fleet, 'ChangeEventsRule').Properties['EventPattern']);
    expect(rule.Properties['Targets']).toEqual([{ Id: 'auditor-bus', Arn: auditorBus, RoleArn: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${MemberRoleName}-forward-changes' } }]);
    // A bus ARN needs the auditor's region: CloudFormation refuses ChangeAudits=true without it.
    expect((member as unknown as { Rules: Json }).Rules).toEqual({
      AuditorRegionWithChangeAudits: {
        RuleCondition: { 'Fn::Equals': [{ Ref: 'ChangeAudits' }, 'true'] },
        Assertions: [{ Assert: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'AuditorRegion' }, ''] }] }, AssertDescription: expect.stringContaining('AuditorRegion') }],
      },
    });
  });

  test('the rule\'s role may only put events on the auditor\'s default bus, and only this account\'s rules may use it; roles are made in one region', () => {
    expect(forwardingRole.Condition).toBe('CreatesForwardingRole');
    expect(member.Conditions?.['CreatesForwardingRole']).toEqual({ 'Fn::And': [{ Condition: 'CreatesRoles' }, { Condition: 'ForwardsChanges' }] });
    expect(member.Conditions?.['CreatesRoles']).toEqual({ 'Fn::Or': [{ 'Fn::Equals': [{ Ref: 'HomeRegion' }, ''] }, { 'Fn::Equals': [{ Ref: 'HomeRegion' }, { Ref: 'AWS::Region' }] }] });
    expect(forwardingRole.Properties['RoleName']).toEqual({ 'Fn::Sub': '${MemberRoleName}-forward-changes' });
    expect(forwardingRole.Properties['AssumeRolePolicyDocument']).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'OnlyThisAccountsRules', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } }],
    });
    expect(grants(forwardingRole)).toEqual([['events:PutEvents', [auditorBus]]]);
  });

  describe('events forwarded from a member account, through the member rule\'s pattern and then the packaged stack\'s', () => {
    const MEMBER = '222222222222';
    const centralPattern = () => resource(fleet, 'ChangeEventsRule').Properties['EventPattern'] as Json;
    const memberPattern = rule.Properties['EventPattern'] as Json;

    test.each(v2WriteCalls('k3chat7ws1').map((call) => [call.eventName, call] as const))('%s is forwarded, matched on the auditor\'s bus, and read as the member account\'s change', (_name, call) => {
      // A forwarded event keeps its account and region: the member's.
      const event = cloudTrailEvent({ ...call, account: MEMBER, region: 'us-east-1' });
      expect(matchesPattern(event, memberPattern)).toBe(true);
      expect(matchesPattern(event, centralPattern())).toBe(true);
      expect(parseApiChange(event)).toMatchObject({ accountId: MEMBER, region: 'us-east-1', apiId: 'k3chat7ws1', eventName: call.eventName });
    });

    test.each(NOT_MATCHED.map(({ why, call }) => [why, call] as const))('%s is not forwarded', (_why, call) => {
      expect(matchesPattern(cloudTrailEvent({ ...call, account: MEMBER }), memberPattern)).toBe(false);
    });
  });
});

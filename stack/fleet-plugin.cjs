// Fleet mode (README "Fleet mode"): with param fleetAccounts set, this local plugin adds the
// fleet's four functions, their role, the walk bucket, the state machine, its schedule and the
// failed-items alarm to the stack, and takes the schedule off the single-account function
// (the fleet audits the auditor's own account too). Without it, it adds nothing: the stack
// is exactly the single-account one. A plugin rather than CloudFormation Conditions because
// functions the Framework packages cannot be conditional, and the default template stays
// free of resources it would never create.
// Plain CommonJS because the Framework loads it with require().
const { fleetDefinition } = require('./fleet-state-machine.cjs');

const ACCOUNT_ID = /^\d{12}$/;
const UNIT_ID = /^ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;

// The fleet's functions: handler, timeout (s) and memory (MB). The walk waits on the quota, not
// on CPU; evaluation is sized like the single-account function (docs/scale.md).
const FUNCTIONS = {
  fleetPlanRun: { handler: 'functions/fleet-targets.handler', timeout: 300, memorySize: 512, description: 'Fleet run: lists the account-regions to audit.' },
  fleetWalk: { handler: 'functions/fleet-walk.handler', timeout: 900, memorySize: 1024, description: 'Fleet run: one walk invocation of one account-region.' },
  fleetAudit: { handler: 'functions/fleet-audit.handler', timeout: 900, memorySize: 6144, description: 'Fleet run: evaluates and tracks one account-region after its walk.' },
  fleetFinishRun: { handler: 'functions/fleet-finish.handler', timeout: 300, memorySize: 1024, description: 'Fleet run: summary, metrics and one digest.' },
};
const SCHEDULED_INPUT = JSON.stringify({ source: 'aws.events', 'detail-type': 'Scheduled Event' });
const LOG_GROUPS = Object.keys(FUNCTIONS).map((name) => `${name[0].toUpperCase()}${name.slice(1)}LogGroup`);
const LAMBDA_RESOURCE = (name) => `${name[0].toUpperCase()}${name.slice(1)}LambdaFunction`;

class FleetPlugin {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = { initialize: () => this.addFleet() };
  }

  addFleet() {
    const service = this.serverless.service;
    const fleet = service.custom.fleet;
    const accounts = parseAccounts(String(fleet.accounts ?? ''));
    if (accounts === undefined) return;
    const roleName = String(fleet.memberRoleName);
    if (!ROLE_NAME.test(roleName)) throw new Error(`param memberRoleName: "${roleName}" is not an IAM role name`);
    const maxConcurrency = Number(fleet.maxConcurrency);
    if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1 || maxConcurrency > 10000) throw new Error(`param fleetMaxConcurrency: "${fleet.maxConcurrency}" must be a whole number from 1 to 10000`);

    const onChange = String(fleet.onChange) === 'true';
    const organizationId = String(fleet.organizationId ?? '');
    if (onChange && accounts.usesOrganizations && !ORGANIZATION_ID.test(organizationId)) {
      throw new Error(`param fleetOrganizationId: "${organizationId}" is not an organization id (o-...); with onChange and fleetAccounts naming the organization or its units, it says whose accounts may forward their changes`);
    }

    const audit = service.functions.audit;
    // The fleet audits this account too, on the fleet's schedule; `serverless invoke -f audit` still works.
    audit.events = (audit.events ?? []).filter((event) => event.schedule === undefined);
    const memberAccess = { FLEET_ACCOUNTS: accounts.text, MEMBER_ROLE_NAME: roleName };
    // Change audits of the member accounts, with their member role (lib/fleet/fleet-change-access.ts).
    audit.handler = 'functions/audit-in-fleet.handler';
    // The single-account function's settings, plus the fleet's; only evaluation needs its large heap.
    const { NODE_OPTIONS, ...shared } = audit.environment;
    audit.environment = { ...audit.environment, ...memberAccess };
    auditRoleStatements(service).push(...memberAccessStatements(accounts, roleName));
    // A fixed name: with ChangeAudits=true the member role (stack/member-role.yml) trusts exactly this role too.
    service.resources.Resources.AuditRole.Properties.RoleName = `${service.service}-${service.provider.stage}-audit`;
    const environment = { ...shared, ...memberAccess, WALK_BUCKET: { Ref: 'WalkBucket' } };
    for (const [name, definition] of Object.entries(FUNCTIONS)) {
      const heap = name === 'fleetAudit' ? { NODE_OPTIONS } : {};
      service.functions[name] = { ...definition, role: 'FleetRole', maximumRetryAttempts: 0, environment: { ...environment, ...heap }, package: audit.package, events: [] };
    }
    Object.assign(service.resources.Resources, fleetResources(service, { accounts, roleName, maxConcurrency, schedule: fleet.schedule }), changeForwarding(accounts, organizationId));
  }
}

/** The statements of the single-account function's role (serverless.yml AuditRole). */
function auditRoleStatements(service) {
  return service.resources.Resources.AuditRole.Properties.Policies[0].PolicyDocument.Statement;
}

/**
 * What reaching the member accounts takes: their member role, by its one name, and listing the
 * organization's accounts when fleetAccounts names the organization or units. Organizations has
 * no resource-level permissions for these (the service authorization reference), hence "*".
 */
function memberAccessStatements(accounts, roleName) {
  const statements = [{ Sid: 'AssumeMemberRole', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: { 'Fn::Sub': `arn:\${AWS::Partition}:iam::*:role/${roleName}` } }];
  if (accounts.usesOrganizations) {
    const actions = accounts.text === 'organization' ? ['organizations:ListAccounts'] : ['organizations:ListAccountsForParent', 'organizations:ListOrganizationalUnitsForParent'];
    statements.push({ Sid: 'ListOrganizationAccounts', Effect: 'Allow', Action: actions, Resource: '*' });
  }
  return statements;
}

/**
 * With onChange: the member accounts' forwarding rules (stack/member-role.yml) may put events on
 * this account's default bus, where ChangeEventsRule sends the API Gateway V2 calls among them
 * to the change queue. Only the fleet's accounts: the listed ids, or the organization's
 * (aws:PrincipalOrgID) when fleetAccounts names it or its units. They cannot pass off an event
 * of their own as CloudTrail's: PutEvents refuses sources starting with "aws.", so an
 * `aws.apigateway` event on the bus was recorded by CloudTrail in the account it names.
 */
function changeForwarding(accounts, organizationId) {
  const bus = { 'Fn::Sub': 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default' };
  const who = accounts.usesOrganizations
    ? { Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': organizationId } } }
    : { Principal: { AWS: accounts.text.split(',').map((id) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:iam::${id}:root` })) } };
  return {
    ChangeEventsBusPolicy: {
      Type: 'AWS::Events::EventBusPolicy',
      Condition: 'AuditsOnChange',
      Properties: {
        EventBusName: 'default',
        StatementId: 'apigw-audit-member-changes',
        Statement: { Effect: 'Allow', ...who, Action: 'events:PutEvents', Resource: bus },
      },
    },
  };
}

/** `organization`, or account and unit ids; undefined (fleet mode off) when empty. */
function parseAccounts(text) {
  const entries = text.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (entries.length === 0) return undefined;
  if (entries.length === 1 && entries[0] === 'organization') return { text: 'organization', usesOrganizations: true };
  const bad = entries.filter((entry) => !ACCOUNT_ID.test(entry) && !UNIT_ID.test(entry));
  if (bad.length > 0) throw new Error(`param fleetAccounts: ${bad.map((entry) => JSON.stringify(entry)).join(', ')}: neither a 12-digit account id nor an organizational unit id; or "organization" alone`);
  return { text: entries.join(','), usesOrganizations: entries.some((entry) => UNIT_ID.test(entry)) };
}

function fleetResources(service, { accounts, roleName, maxConcurrency, schedule }) {
  const prefix = `${service.service}-${service.provider.stage}`;
  const stateMachineName = `${prefix}-fleet`;
  const stateMachineArn = { 'Fn::Sub': `arn:\${AWS::Partition}:states:\${AWS::Region}:\${AWS::AccountId}:stateMachine:${stateMachineName}` };
  const regions = apiGatewayReadArnsSync(service);
  const statements = [
    { Sid: 'WriteOwnLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: LOG_GROUPS.map((group) => ({ 'Fn::GetAtt': [group, 'Arn'] })) },
    // The member role of every fleet account, by its one name; nothing else (and listing the organization's accounts, when needed).
    ...memberAccessStatements(accounts, roleName),
    // The auditor's own account is walked with this role.
    { Sid: 'ReadApiGatewayV2', Effect: 'Allow', Action: 'apigateway:GET', Resource: regions.apiGateway },
    { Sid: 'KeepWalkParts', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: { 'Fn::Sub': '${WalkBucket.Arn}/*' } },
    { Sid: 'TrackFindingState', Effect: 'Allow', Action: ['dynamodb:Query', 'dynamodb:BatchWriteItem'], Resource: { 'Fn::GetAtt': ['StateTable', 'Arn'] } },
    { Sid: 'PublishAlerts', Effect: 'Allow', Action: 'sns:Publish', Resource: { Ref: 'AlertTopic' } },
    { Sid: 'EncryptAlertsOnPublish', Effect: 'Allow', Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: { 'Fn::GetAtt': ['AlertKey', 'Arn'] } },
  ];
  if (regions.securityHub !== undefined) statements.push({ Sid: 'ImportFindingsToSecurityHub', Effect: 'Allow', Action: 'securityhub:BatchImportFindings', Resource: regions.securityHub });

  const functionArns = Object.keys(FUNCTIONS).map((name) => ({ 'Fn::GetAtt': [LAMBDA_RESOURCE(name), 'Arn'] }));
  return {
    FleetRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        // A fixed name: the member role (stack/member-role.yml) trusts exactly this role.
        RoleName: `${prefix}-fleet`,
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        Policies: [{ PolicyName: `${prefix}-fleet`, PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
      },
    },
    // Walk parts and item outcomes: a few days at most, never public, encrypted, TLS only.
    WalkBucket: {
      Type: 'AWS::S3::Bucket',
      Properties: {
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: true }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        LifecycleConfiguration: { Rules: [{ Id: 'expire-run-data', Status: 'Enabled', ExpirationInDays: 3, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }] },
      },
    },
    WalkBucketPolicy: {
      Type: 'AWS::S3::BucketPolicy',
      Properties: {
        Bucket: { Ref: 'WalkBucket' },
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'DenyWithoutTls',
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:*',
              Resource: [{ 'Fn::GetAtt': ['WalkBucket', 'Arn'] }, { 'Fn::Sub': '${WalkBucket.Arn}/*' }],
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ],
        },
      },
    },
    FleetStateMachineRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } }],
        },
        Policies: [
          {
            PolicyName: `${prefix}-fleet-state-machine`,
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                { Sid: 'InvokeFleetFunctions', Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: functionArns },
                // A Distributed Map runs each item as a child execution of this state machine.
                { Sid: 'RunMapItems', Effect: 'Allow', Action: 'states:StartExecution', Resource: stateMachineArn },
                {
                  Sid: 'WatchMapItems',
                  Effect: 'Allow',
                  Action: ['states:DescribeExecution', 'states:StopExecution'],
                  Resource: { 'Fn::Sub': `arn:\${AWS::Partition}:states:\${AWS::Region}:\${AWS::AccountId}:execution:${stateMachineName}/*` },
                },
              ],
            },
          },
        ],
      },
    },
    FleetStateMachine: {
      Type: 'AWS::StepFunctions::StateMachine',
      Properties: {
        StateMachineName: stateMachineName,
        StateMachineType: 'STANDARD',
        RoleArn: { 'Fn::GetAtt': ['FleetStateMachineRole', 'Arn'] },
        // A string: the Framework drops null values from the template, and the map's
        // `ResultPath: null` (keep the items' results out of the state) must survive.
        DefinitionString: JSON.stringify(fleetDefinition({ maxConcurrency })),
        DefinitionSubstitutions: Object.fromEntries(
          [
            ['PlanRunFunction', 'fleetPlanRun'],
            ['WalkFunction', 'fleetWalk'],
            ['AuditFunction', 'fleetAudit'],
            ['FinishRunFunction', 'fleetFinishRun'],
          ].map(([key, name]) => [key, { 'Fn::GetAtt': [LAMBDA_RESOURCE(name), 'Arn'] }]),
        ),
      },
    },
    FleetScheduleRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } }] },
        Policies: [{ PolicyName: `${prefix}-fleet-schedule`, PolicyDocument: { Version: '2012-10-17', Statement: [{ Sid: 'StartFleetRun', Effect: 'Allow', Action: 'states:StartExecution', Resource: { Ref: 'FleetStateMachine' } }] } }],
      },
    },
    FleetSchedule: {
      Type: 'AWS::Events::Rule',
      Properties: {
        Description: 'Starts the apigw-audit fleet run.',
        ScheduleExpression: schedule,
        State: 'ENABLED',
        // What EventBridge sends a function on a schedule: the plan tells a scheduled run from a manual one by it.
        Targets: [{ Id: 'fleet-run', Arn: { Ref: 'FleetStateMachine' }, RoleArn: { 'Fn::GetAtt': ['FleetScheduleRole', 'Arn'] }, Input: SCHEDULED_INPUT }],
      },
    },
    // A fleet run that failed as a whole (planning, or the digest SNS refused): what the
    // function-errors alarm is for the single-account function.
    FleetRunFailedAlarm: alarm(`${prefix}-fleet-run-failed`, 'A fleet run failed (see the execution in the Step Functions console); items it finished have logged their findings.', {
      Namespace: 'AWS/States',
      MetricName: 'ExecutionsFailed',
      Dimensions: [{ Name: 'StateMachineArn', Value: { Ref: 'FleetStateMachine' } }],
    }),
    // Account-regions a fleet run could not audit (FinishRun's FleetItemsFailed metric).
    FleetFailedItemsAlarm: alarm(`${prefix}-fleet-items-failed`, 'A fleet run could not audit some account-regions; the digest and the "fleet-item-not-audited" log lines name them and why.', {
      Namespace: 'ApigwAudit',
      MetricName: 'FleetItemsFailed',
      Dimensions: [{ Name: 'service', Value: prefix }],
    }),
  };
}

/** An alarm on one metric that notifies the alert topic from the first occurrence, as the stack's other alarms do. */
function alarm(name, description, metric) {
  return {
    Type: 'AWS::CloudWatch::Alarm',
    Properties: {
      AlarmName: name,
      AlarmDescription: description,
      ...metric,
      Statistic: 'Sum',
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: 'AlertTopic' }],
    },
  };
}

/** The audit role's API Gateway and Security Hub resources, as the default function's policy has them. */
function apiGatewayReadArnsSync(service) {
  const policies = service.resources.Resources.AuditRole.Properties.Policies;
  const statements = policies.flatMap((policy) => policy?.PolicyDocument?.Statement ?? []);
  const apiGateway = statements.find((statement) => statement.Sid === 'ReadApiGatewayV2').Resource;
  const securityHubPolicy = policies.find((policy) => policy?.['Fn::If'] !== undefined);
  const enabled = service.custom.fleet.securityHub === 'true' || service.custom.fleet.securityHub === true;
  const securityHub = enabled ? securityHubPolicy?.['Fn::If'][1].PolicyDocument.Statement[0].Resource : undefined;
  return { apiGateway, securityHub };
}

module.exports = FleetPlugin;

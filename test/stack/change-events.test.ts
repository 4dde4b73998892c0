import { parseApiChange } from '../../lib/change/api-change';
import { CHANGE_AUDIT_MAX_RATE } from '../../lib/lambda/change-audit';
import { cloudTrailEvent, NOT_MATCHED, v2WriteCalls } from '../support/cloudtrail-events';
import { slsPackage, type Json, type Resource, type Template } from '../support/cloudformation-template';
import { matchesPattern } from '../support/event-pattern';

/**
 * The change path as CloudFormation receives it: the rule's pattern, evaluated on CloudTrail
 * samples of every call shape it must match and of the look-alikes it must not; the queue,
 * its encryption and dead-letter queue; who may send to it; what the function may do with it.
 * Packaged here (offline, about 10 s), like test/stack/template.test.ts, from the working tree.
 */
let template: Template;
beforeAll(async () => {
  template = await slsPackage();
}, 180_000);

const resource = (name: string): Resource => {
  const found = template.Resources[name];
  if (found === undefined) throw new Error(`no resource ${name} in the template`);
  return found;
};
const pattern = () => resource('ChangeEventsRule').Properties.EventPattern as Json;

describe('the rule pattern, evaluated on CloudTrail samples', () => {
  test.each(v2WriteCalls('k3chat7ws1').map((call) => [call.eventName, call] as const))('matches %s, and the handler reads its API, account, region, time and principal', (_name, call) => {
    const event = cloudTrailEvent(call);
    expect(matchesPattern(event, pattern())).toBe(true);
    expect(parseApiChange(event)).toMatchObject({ eventName: call.eventName, apiId: 'k3chat7ws1', accountId: '123456789012', region: 'eu-west-1', principal: expect.stringMatching(/^arn:aws:sts::/) });
  });

  test.each(NOT_MATCHED.map(({ why, call }) => [why, call] as const))('leaves out %s', (_why, call) => {
    expect(matchesPattern(cloudTrailEvent(call), pattern())).toBe(false);
  });

  test('names exactly the V2 write calls of APIs, integrations, integration responses, routes and route responses, and imports', () => {
    const { source, 'detail-type': detailType, detail } = pattern() as { source: unknown; 'detail-type': unknown; detail: Json };
    expect(source).toEqual(['aws.apigateway']);
    expect(detailType).toEqual(['AWS API Call via CloudTrail']);
    expect(detail).toEqual({
      eventSource: ['apigateway.amazonaws.com'],
      eventName: v2WriteCalls('x').map((call) => call.eventName),
      errorCode: [{ exists: false }],
      $or: [{ requestParameters: { apiId: [{ exists: true }] } }, { responseElements: { apiId: [{ exists: true }] } }],
    });
  });

  test('targets the change queue from the default bus', () => {
    const rule = resource('ChangeEventsRule');
    expect(rule.Condition).toBe('AuditsOnChange');
    expect(rule.Properties.EventBusName).toBeUndefined();
    expect(rule.Properties).toMatchObject({ State: 'ENABLED', Targets: [{ Arn: { 'Fn::GetAtt': ['ChangeQueue', 'Arn'] } }] });
    expect(template.Conditions?.['AuditsOnChange']).toEqual({ 'Fn::Equals': ['true', 'true'] });
  });
});

test('the queue is encrypted, hands failures to an encrypted dead-letter queue, and only the rule may send, over TLS', () => {
  const function_ = resource('AuditLambdaFunction').Properties;
  expect(resource('ChangeQueue').Properties).toEqual({
    QueueName: 'apigw-audit-dev-changes',
    SqsManagedSseEnabled: true,
    // Six times the function's timeout: a batch being audited is not delivered again.
    VisibilityTimeout: 6 * (function_.Timeout as number),
    RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['ChangeDeadLetterQueue', 'Arn'] }, maxReceiveCount: 3 },
  });
  expect(resource('ChangeDeadLetterQueue').Properties).toEqual({ QueueName: 'apigw-audit-dev-changes-dlq', SqsManagedSseEnabled: true, MessageRetentionPeriod: 1_209_600 });
  const policy = resource('ChangeQueuePolicy').Properties as { Queues: unknown; PolicyDocument: { Statement: Json[] } };
  expect(policy.Queues).toEqual([{ Ref: 'ChangeQueue' }]);
  expect(policy.PolicyDocument.Statement).toEqual([
    { Sid: 'DenyWithoutTls', Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: { 'Fn::GetAtt': ['ChangeQueue', 'Arn'] }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    {
      Sid: 'AllowTheChangeRule',
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: { 'Fn::GetAtt': ['ChangeQueue', 'Arn'] },
      Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': ['ChangeEventsRule', 'Arn'] } } },
    },
  ]);
  expect(resource('ChangeDeadLettersAlarm').Properties).toMatchObject({ Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', AlarmActions: [{ Ref: 'AlertTopic' }] });
});

test('the function consumes the queue in batches, reports batch item failures, and runs at most two change audits at once', () => {
  const mappings = Object.values(template.Resources).filter((candidate) => candidate.Type === 'AWS::Lambda::EventSourceMapping');
  expect(mappings.map((mapping) => mapping.Properties)).toEqual([
    {
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 60,
      EventSourceArn: { 'Fn::GetAtt': ['ChangeQueue', 'Arn'] },
      FunctionName: { 'Fn::GetAtt': ['AuditLambdaFunction', 'Arn'] },
      Enabled: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 2 },
    },
  ]);
  // Two change audits at their cap leave the scheduled walk at least half of the 10/s quota.
  expect(2 * CHANGE_AUDIT_MAX_RATE).toBeLessThanOrEqual(5);
  expect(resource('AuditLambdaFunction').Properties.ReservedConcurrentExecutions).toBeUndefined();
});

test('onChange=false: no rule and no queue policy, and the mapping is disabled', async () => {
  const off = await slsPackage('onChange=false');
  expect(off.Conditions?.['AuditsOnChange']).toEqual({ 'Fn::Equals': ['false', 'true'] });
  expect(off.Resources.ChangeEventsRule?.Condition).toBe('AuditsOnChange');
  expect(off.Resources.ChangeQueuePolicy?.Condition).toBe('AuditsOnChange');
  const mapping = Object.values(off.Resources).find((candidate) => candidate.Type === 'AWS::Lambda::EventSourceMapping');
  expect(mapping?.Properties.Enabled).toBe(false);
}, 60_000);

test('onChange must be true or false: anything else fails the packaging', async () => {
  await expect(slsPackage('onChange=yes')).rejects.toMatchObject({ stdout: expect.stringContaining('param onChange: must be "true" or "false"; got "yes"') });
}, 60_000);

import { parseApiChange } from '../../lib/change/api-change';
import { groupChanges } from '../../lib/change/change-batch';
import { cloudTrailEvent, queueBatch } from '../support/cloudtrail-events';

const call = (apiId: string, eventTime: string, where: { account?: string; region?: string } = {}) => cloudTrailEvent({ eventName: 'UpdateRoute', requestParameters: { apiId, routeId: 'r1' }, eventTime, ...where });

test('one group per account and region, each naming its APIs once in the order first named, its changes oldest first', () => {
  const { groups, rejected } = groupChanges(
    queueBatch([
      call('bbbbbbbbbb', '2026-11-27T10:00:05Z'),
      call('aaaaaaaaaa', '2026-11-27T10:00:01Z'),
      call('bbbbbbbbbb', '2026-11-27T10:00:03Z'),
      call('cccccccccc', '2026-11-27T10:00:02Z', { region: 'us-east-1' }),
      call('aaaaaaaaaa', '2026-11-27T10:00:04Z', { account: '210987654321' }),
    ]).Records,
  );
  expect(rejected).toEqual([]);
  expect(groups.map(({ accountId, region, apiIds, messageIds, changes }) => ({ accountId, region, apiIds, messageIds, times: changes.map((change) => change.eventTime.toISOString().slice(17, 19)) }))).toEqual([
    { accountId: '123456789012', region: 'eu-west-1', apiIds: ['bbbbbbbbbb', 'aaaaaaaaaa'], messageIds: ['msg-1', 'msg-2', 'msg-3'], times: ['01', '03', '05'] },
    { accountId: '123456789012', region: 'us-east-1', apiIds: ['cccccccccc'], messageIds: ['msg-4'], times: ['02'] },
    { accountId: '210987654321', region: 'eu-west-1', apiIds: ['aaaaaaaaaa'], messageIds: ['msg-5'], times: ['04'] },
  ]);
});

test('a message that is not a V2 change event is rejected with the field that does not fit, and the others are still grouped', () => {
  const scheduled = { 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {} };
  const wrongService = { ...call('aaaaaaaaaa', '2026-11-27T10:00:00Z'), detail: { ...(call('aaaaaaaaaa', '2026-11-27T10:00:00Z').detail as object), eventSource: 'lambda.amazonaws.com' } };
  const { groups, rejected } = groupChanges(queueBatch(['not json', scheduled, wrongService, call('aaaaaaaaaa', '2026-11-27T10:00:00Z')]).Records);
  expect(rejected).toEqual([
    { messageId: 'msg-1', reason: expect.stringMatching(/^not an API Gateway V2 change event: not JSON: /) },
    { messageId: 'msg-2', reason: 'not an API Gateway V2 change event: detail-type: expected "AWS API Call via CloudTrail", got "Scheduled Event"' },
    { messageId: 'msg-3', reason: 'not an API Gateway V2 change event: detail.eventSource: expected "apigateway.amazonaws.com", got "lambda.amazonaws.com"' },
  ]);
  expect(groups.map((group) => group.messageIds)).toEqual([['msg-4']]);
});

test.each([
  ['an API id that is not one', { requestParameters: { apiId: '../../etc' } }, 'detail.requestParameters.apiId (or responseElements.apiId): unexpected value "../../etc"'],
  ['a time that is not ISO 8601 UTC', { eventTime: 'yesterday' }, 'detail.eventTime: unexpected value "yesterday"'],
  ['an account id that is not 12 digits', { recipientAccountId: '12' }, 'detail.recipientAccountId: unexpected value "12"'],
  ['no event id', { eventID: undefined }, 'detail.eventID: missing'],
])('refuses %s, naming the field', (_what, override, message) => {
  const event = call('aaaaaaaaaa', '2026-11-27T10:00:00Z');
  expect(() => parseApiChange({ ...event, detail: { ...(event.detail as object), ...override } })).toThrow(message);
});

test('a long hostile value is cut in the message', () => {
  const event = call('aaaaaaaaaa', '2026-11-27T10:00:00Z');
  expect(() => parseApiChange({ ...event, detail: { ...(event.detail as object), eventName: 'x'.repeat(10_000) } })).toThrow(/^detail\.eventName: unexpected value "x{78}…$/);
});

import type { FindingRecord } from '../../lib/lifecycle/finding-record';
import { markItem, metaFromItems, recordFromItem, recordItem, runItem } from '../../lib/lifecycle/state-table';

/** The items of the state table as DynamoDB returns them, read back and checked field by field. */
const record: FindingRecord = {
  fingerprint: 'f'.repeat(64),
  status: 'resolved',
  firstSeen: '2026-03-01T06:00:00.000Z',
  lastSeen: '2026-03-02T06:00:00.000Z',
  resolvedAt: '2026-03-03T06:00:00.000Z',
  ruleId: 'IR004',
  severity: 'high',
  title: 'title',
  message: 'message',
  arn: 'arn:aws:apigateway:eu-west-1::/apis/api1',
  apiId: 'api1',
  region: 'eu-west-1',
  accountId: '123456789012',
  expiresAt: 1_780_000_000,
};

test('a record, the run and a suppression mark come back as they were written', () => {
  expect(recordFromItem(recordItem(record))).toEqual(record);
  const { resolvedAt: _resolvedAt, accountId: _accountId, expiresAt: _expiresAt, ...open } = { ...record, status: 'open' as const };
  expect(recordFromItem(recordItem(open))).toEqual(open);
  const mark = { key: 'IR004 api1', firstSeen: '2026-03-01T06:00:00.000Z', lastMatched: '2026-03-02T06:00:00.000Z' };
  expect(metaFromItems([runItem('2026-03-02T06:00:00.000Z'), markItem(mark)])).toEqual({ lastRunAt: '2026-03-02T06:00:00.000Z', suppressions: [mark] });
});

test.each([
  ['an unknown status', { status: { S: 'gone' } }, 'status: Invalid option: expected one of "open"|"resolved"|"suppressed"'],
  ['an unknown severity', { severity: { S: 'urgent' } }, 'severity: Invalid option: expected one of "critical"|"high"|"medium"|"low"|"info"'],
  ['an empty fingerprint', { fingerprint: { S: '' } }, 'fingerprint: Too small: expected string to have >=1 characters'],
  ['a number where text belongs', { title: { N: '5' } }, 'title: Invalid input: expected string, received number'],
  ['text where a number belongs', { expiresAt: { S: 'soon' } }, 'expiresAt: Invalid input: expected number, received string'],
  ['an attribute of another layout', { note: { S: 'x' } }, ': Unrecognized key: "note"'],
])('a record item with %s is refused, naming its key and field', (_case, change, message) => {
  expect(() => recordFromItem({ ...recordItem(record), ...change })).toThrow(`item FINDINGS#eu-west-1 / ${record.fingerprint} does not fit: ${message}`);
});

test('a record item without a required field, and a run item without its time, name the field', () => {
  const { title: _title, ...untitled } = recordItem(record);
  expect(() => recordFromItem(untitled)).toThrow('does not fit: title: Invalid input: expected string, received undefined');
  const { lastRunAt: _lastRunAt, ...run } = runItem('2026-03-02T06:00:00.000Z');
  expect(() => metaFromItems([run])).toThrow('item META / RUN does not fit: lastRunAt: Invalid input: expected string, received undefined');
});

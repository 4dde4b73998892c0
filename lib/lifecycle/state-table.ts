import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { expectedOneOf, expectedType, tooSmall, unknownKeys, unrecognizedKeys } from '../model/input-problems';
import { SEVERITIES } from '../model/severity';
import { LIFECYCLE_STATUSES, type FindingRecord } from './finding-record';
import type { SuppressionMark } from '../suppressions/suppression-use';

/**
 * The DynamoDB table's layout. The stack creates the table with exactly these names:
 * partition key `pk` (S), sort key `sk` (S), TTL on `expiresAt`, on-demand billing.
 *
 * - Finding records: pk `FINDINGS#{region}`, sk the fingerprint. A run reads its regions with
 *   one paged Query each (never a Scan of the table), and a region's items are exactly what
 *   the run may resolve or reopen. The cost of a run grows with the records of the regions it
 *   reads: open and suppressed findings plus resolved ones within the retention.
 * - Run and suppression marks: pk `META`, sk `RUN` (when the last run was saved) and
 *   `SUPPRESSION#{rule} {resource}`: one small Query.
 * - Fleet mode keeps each account-region's history apart (API ids, and so ARNs, are unique
 *   only within an account): the same items under a scope, pk `{scope}#FINDINGS#{region}`
 *   and `{scope}#META` (createDynamoStateStore's `scope`).
 */
export const STATE_TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk', ttlAttribute: 'expiresAt' } as const;

export type Item = Record<string, AttributeValue>;

export const META_PARTITION = 'META';
const RUN_SORT_KEY = 'RUN';
const SUPPRESSION_PREFIX = 'SUPPRESSION#';

export function findingsPartition(region: string, scope?: string): string {
  return scoped(`FINDINGS#${region}`, scope);
}

export function metaPartition(scope?: string): string {
  return scoped(META_PARTITION, scope);
}

function scoped(partition: string, scope: string | undefined): string {
  return scope === undefined ? partition : `${scope}#${partition}`;
}

/**
 * What an item must hold, field by field: a check that says what is wrong, or nothing. Items
 * are checked when read back, so one edited by hand or of an older layout names its key and
 * field instead of becoming a wrong record.
 */
type FieldCheck = (value: unknown) => string | undefined;
type ItemLayout = Record<string, { check: FieldCheck; optional?: true }>;

const text: FieldCheck = (value) => (typeof value === 'string' ? undefined : expectedType('string', value));
const nonEmptyText: FieldCheck = (value) => text(value) ?? (value === '' ? tooSmall('string') : undefined);
const number: FieldCheck = (value) => (typeof value === 'number' ? undefined : expectedType('number', value));
const oneOf =
  (allowed: readonly string[]): FieldCheck =>
  (value) =>
    allowed.includes(value as string) ? undefined : expectedOneOf(allowed);

const KEYS: ItemLayout = { pk: { check: text }, sk: { check: text } };

const RECORD_LAYOUT: ItemLayout = {
  ...KEYS,
  fingerprint: { check: nonEmptyText },
  status: { check: oneOf(LIFECYCLE_STATUSES) },
  firstSeen: { check: text },
  lastSeen: { check: text },
  resolvedAt: { check: text, optional: true },
  ruleId: { check: text },
  severity: { check: oneOf(SEVERITIES) },
  title: { check: text },
  message: { check: text },
  arn: { check: text },
  apiId: { check: text },
  region: { check: text },
  accountId: { check: text, optional: true },
  suppressedBy: { check: text, optional: true },
  expiresAt: { check: number, optional: true },
};

const MARK_LAYOUT: ItemLayout = {
  ...KEYS,
  key: { check: text },
  firstSeen: { check: text },
  lastMatched: { check: text, optional: true },
  expiresAt: { check: number, optional: true },
};

const RUN_LAYOUT: ItemLayout = { ...KEYS, lastRunAt: { check: text } };

export function recordItem(record: FindingRecord, scope?: string): Item {
  return toItem({ pk: findingsPartition(record.region, scope), sk: record.fingerprint, ...record });
}

export function markItem(mark: SuppressionMark, scope?: string): Item {
  return toItem({ pk: metaPartition(scope), sk: `${SUPPRESSION_PREFIX}${mark.key}`, ...mark });
}

export function runItem(lastRunAt: string, scope?: string): Item {
  return toItem({ pk: metaPartition(scope), sk: RUN_SORT_KEY, lastRunAt });
}

export function recordFromItem(item: Item): FindingRecord {
  const { pk: _pk, sk: _sk, ...record } = parseItem<FindingRecord & { pk: string; sk: string }>(RECORD_LAYOUT, item);
  return record;
}

/** The META partition's items: the last run and the suppression marks. */
export function metaFromItems(items: readonly Item[]): { lastRunAt?: string; suppressions: SuppressionMark[] } {
  let lastRunAt: string | undefined;
  const suppressions: SuppressionMark[] = [];
  for (const item of items) {
    if (item.sk?.S === RUN_SORT_KEY) lastRunAt = parseItem<{ lastRunAt: string }>(RUN_LAYOUT, item).lastRunAt;
    else {
      const { pk: _pk, sk: _sk, ...mark } = parseItem<SuppressionMark & { pk: string; sk: string }>(MARK_LAYOUT, item);
      suppressions.push(mark);
    }
  }
  return { ...(lastRunAt === undefined ? {} : { lastRunAt }), suppressions };
}

/** Items hold flat strings and numbers only; absent optional fields are left out. */
function toItem(fields: Record<string, string | number | undefined>): Item {
  const item: Item = {};
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') item[name] = { S: value };
    else if (typeof value === 'number') item[name] = { N: String(value) };
  }
  return item;
}

/** An item read back, checked against its layout: one that does not fit names its key and the field. */
function parseItem<T>(layout: ItemLayout, item: Item): T {
  const plain: Record<string, unknown> = Object.fromEntries(Object.entries(item).map(([name, value]) => [name, value.S ?? (value.N === undefined ? value : Number(value.N))]));
  const fail = (field: string, problem: string) => new Error(`item ${item.pk?.S ?? '?'} / ${item.sk?.S ?? '?'} does not fit: ${field}: ${problem}`);
  for (const [field, { check, optional }] of Object.entries(layout)) {
    if (optional && !(field in plain)) continue;
    const problem = check(plain[field]);
    if (problem !== undefined) throw fail(field, problem);
  }
  const unknown = unknownKeys(plain, Object.keys(layout));
  if (unknown.length > 0) throw fail('', unrecognizedKeys(unknown));
  // Every field of the layout was checked above, and no other is there; in the layout's order.
  return Object.fromEntries(Object.keys(layout).filter((field) => field in plain).map((field) => [field, plain[field]])) as T;
}

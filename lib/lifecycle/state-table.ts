import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
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

const recordSchema = z.strictObject({
  pk: z.string(),
  sk: z.string(),
  fingerprint: z.string().min(1),
  status: z.enum(LIFECYCLE_STATUSES),
  firstSeen: z.string(),
  lastSeen: z.string(),
  resolvedAt: z.string().exactOptional(),
  ruleId: z.string(),
  severity: z.enum(SEVERITIES),
  title: z.string(),
  message: z.string(),
  arn: z.string(),
  apiId: z.string(),
  region: z.string(),
  accountId: z.string().exactOptional(),
  suppressedBy: z.string().exactOptional(),
  expiresAt: z.number().exactOptional(),
});

const markSchema = z.strictObject({
  pk: z.string(),
  sk: z.string(),
  key: z.string(),
  firstSeen: z.string(),
  lastMatched: z.string().exactOptional(),
  expiresAt: z.number().exactOptional(),
});

const runSchema = z.strictObject({ pk: z.string(), sk: z.string(), lastRunAt: z.string() });

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
  const { pk: _pk, sk: _sk, ...record } = parseItem(recordSchema, item);
  return record;
}

/** The META partition's items: the last run and the suppression marks. */
export function metaFromItems(items: readonly Item[]): { lastRunAt?: string; suppressions: SuppressionMark[] } {
  let lastRunAt: string | undefined;
  const suppressions: SuppressionMark[] = [];
  for (const item of items) {
    if (item.sk?.S === RUN_SORT_KEY) lastRunAt = parseItem(runSchema, item).lastRunAt;
    else {
      const { pk: _pk, sk: _sk, ...mark } = parseItem(markSchema, item);
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

/** An item read back, checked: one that does not fit (edited by hand, older layout) names its key. */
function parseItem<T>(schema: z.ZodType<T>, item: Item): T {
  const plain: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) plain[name] = value.S ?? (value.N === undefined ? value : Number(value.N));
  const result = schema.safeParse(plain);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new Error(`item ${item.pk?.S ?? '?'} / ${item.sk?.S ?? '?'} does not fit: ${issue?.path.map(String).join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
}

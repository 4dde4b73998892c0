import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Finding } from '../../lib/model/finding';
import { classifyRun, type TrackedRun } from '../../lib/lifecycle/classify-run';
import type { Coverage } from '../../lib/lifecycle/coverage';
import { createDynamoStateStore } from '../../lib/lifecycle/dynamo-state-store';
import { findingsPartition } from '../../lib/lifecycle/state-table';
import { NO_STATE, StateStoreError, type StateStore } from '../../lib/lifecycle/state-store';
import type { SuppressionEntry } from '../../lib/suppressions/suppression-entry';
import { trackFindings } from '../../lib/lifecycle/track-findings';
import { createStateTable, startDynalite } from '../support/dynalite';
import { makeFinding } from './make-finding';

/** Each test gets its own table; every run builds its store as the Lambda would, from the environment. */
let dynamo: Awaited<ReturnType<typeof startDynalite>>;
let tables = 0;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(async () => {
  await dynamo.stop();
});
async function newTable(): Promise<string> {
  const name = `state-${(tables += 1)}`;
  await createStateTable(name);
  return name;
}

const day = (n: number) => new Date(Date.UTC(2026, 2, n, 6));
const coverage = (overrides: Partial<Coverage> = {}): Coverage => ({
  regions: [{ region: 'eu-west-1', allApisListed: true, completeApis: ['api1', 'api2'], incompleteApis: [] }],
  minSeverity: 'info',
  complete: true,
  ...overrides,
});
const lifecycles = (run: TrackedRun) => Object.fromEntries(run.classified.map((c) => [c.finding.ruleId, c.lifecycle]));
const changes = (run: TrackedRun) => run.changes.map((change) => `${change.kind} ${change.record.ruleId}`);

const a = makeFinding({ ruleId: 'IR004', apiId: 'api1', integrationId: 'i1', responseId: 'r1' });
const b = makeFinding({ ruleId: 'IR014', apiId: 'api2', integrationId: 'i2', responseId: 'r2', severity: 'low' });

interface RunOptions {
  findings: Finding[];
  now: Date;
  coverage?: Coverage;
  suppressions?: SuppressionEntry[];
  store?: StateStore;
}

describe('change tracking against DynamoDB (dynalite on 127.0.0.1)', () => {
  let table: string;
  const track = ({ findings, now, coverage: cover = coverage(), suppressions = [], store = createDynamoStateStore(table) }: RunOptions) =>
    trackFindings({ store, findings, coverage: cover, suppressions, now, retentionDays: 30, staleAfterDays: 7 });

  beforeEach(async () => {
    table = await newTable();
  });

  test('new → open → resolved → reopened over four runs', async () => {
    const first = await track({ findings: [a, b], now: day(1) });
    expect(first.firstRun).toBe(true);
    expect(lifecycles(first)).toEqual({ IR004: 'new', IR014: 'new' });
    expect(changes(first)).toEqual(['new IR004', 'new IR014']);

    const second = await track({ findings: [a, b], now: day(2) });
    expect(second.firstRun).toBe(false);
    expect(lifecycles(second)).toEqual({ IR004: 'open', IR014: 'open' });
    expect(second.changes).toEqual([]);

    const third = await track({ findings: [a], now: day(3) });
    expect(changes(third)).toEqual(['resolved IR014']);
    expect(third.changes[0]?.record).toMatchObject({ status: 'resolved', firstSeen: day(1).toISOString(), lastSeen: day(2).toISOString(), resolvedAt: day(3).toISOString(), apiId: 'api2', title: 'title of IR014' });

    // The stored item carries the TTL attribute the table is configured with.
    const client = new DynamoDBClient({});
    const stored = await client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: findingsPartition('eu-west-1') }, sk: { S: b.fingerprint } } }));
    client.destroy();
    expect(stored.Item?.status).toEqual({ S: 'resolved' });
    expect(stored.Item?.expiresAt).toEqual({ N: String(Date.UTC(2026, 3, 2, 6) / 1000) });

    const fourth = await track({ findings: [a, b], now: day(4) });
    expect(lifecycles(fourth)).toEqual({ IR004: 'open', IR014: 'reopened' });
    expect(changes(fourth)).toEqual(['reopened IR014']);
    expect(fourth.classified.find((c) => c.finding.ruleId === 'IR014')?.firstSeen).toBe(day(1).toISOString());
    expect((await track({ findings: [a, b], now: day(5) })).changes).toEqual([]);
  });

  test('a read-only (dry) run classifies but writes nothing: the next run still reports the change', async () => {
    await track({ findings: [a, b], now: day(1) });
    const store = createDynamoStateStore(table);
    const dry = await trackFindings({ store, readOnly: true, findings: [a], coverage: coverage(), suppressions: [], now: day(2) });
    expect(changes(dry)).toEqual(['resolved IR014']);
    expect(changes(await track({ findings: [a], now: day(3) }))).toEqual(['resolved IR014']);
  });

  test('an incomplete run resolves nothing on an API or region it could not read', async () => {
    const elsewhere = makeFinding({ ruleId: 'RR001', region: 'us-east-1', apiId: 'api9' });
    await track({
      findings: [a, b, elsewhere],
      now: day(1),
      coverage: coverage({ regions: [...coverage().regions, { region: 'us-east-1', allApisListed: true, completeApis: ['api9'], incompleteApis: [] }] }),
    });

    // api2 failed to read and us-east-1 was not read at all: b and RR001 are absent but not resolved.
    const incomplete = coverage({ regions: [{ region: 'eu-west-1', allApisListed: true, completeApis: ['api1'], incompleteApis: ['api2'] }], complete: false });
    const partial = await track({ findings: [a], now: day(2), coverage: incomplete });
    expect(partial.changes).toEqual([]);

    // The listing itself failed: the region is not covered, and nothing resolves.
    expect((await track({ findings: [], now: day(3), coverage: coverage({ regions: [], complete: false }) })).changes).toEqual([]);

    const complete = await track({ findings: [a], now: day(4) });
    expect(changes(complete)).toEqual(['resolved IR014']);

    const usEast = await track({ findings: [], now: day(5), coverage: coverage({ regions: [{ region: 'us-east-1', allApisListed: true, completeApis: [], incompleteApis: [] }] }) });
    expect(changes(usEast)).toEqual(['resolved RR001']);
  });

  test('a suppression hides its finding until it expires; the day after, the finding is back and the entry reported', async () => {
    const entry: SuppressionEntry = { index: 0, rule: 'IR004', resource: 'i1', reason: 'legacy clients', expires: '2026-03-02', owner: 'chat-team' };
    const first = await track({ findings: [a, b], now: day(1), suppressions: [entry] });
    expect(lifecycles(first)).toEqual({ IR004: 'suppressed', IR014: 'new' });
    expect(changes(first)).toEqual(['new IR014']);
    expect(first.classified[0]?.suppression).toEqual(entry);

    const lastDay = await track({ findings: [a, b], now: new Date('2026-03-02T23:59:00Z'), suppressions: [entry] });
    expect(lifecycles(lastDay)).toEqual({ IR004: 'suppressed', IR014: 'open' });
    expect(lastDay.changes).toEqual([]);
    expect(lastDay.expiredSuppressions).toEqual([]);

    const dayAfter = await track({ findings: [a, b], now: day(3), suppressions: [entry] });
    expect(lifecycles(dayAfter)).toEqual({ IR004: 'reopened', IR014: 'open' });
    expect(changes(dayAfter)).toEqual(['unsuppressed IR004']);
    expect(dayAfter.classified[0]?.expiredSuppression).toEqual(entry);
    expect(dayAfter.expiredSuppressions).toEqual([{ entry, fingerprints: [a.fingerprint] }]);
    expect(dayAfter.staleSuppressions).toEqual([]);

    // Still expired the next day, but no longer a change: the finding is simply open.
    const later = await track({ findings: [a, b], now: day(4), suppressions: [entry] });
    expect(later.changes).toEqual([]);
    expect(later.expiredSuppressions).toHaveLength(1);
  });

  test('an entry that matched nothing for staleAfterDays is stale, measured across runs', async () => {
    const used: SuppressionEntry = { index: 0, rule: 'IR004', resource: 'api1', reason: 'accepted', expires: '2026-12-31' };
    const typo: SuppressionEntry = { index: 1, rule: 'IR014', resource: 'api3', reason: 'wrong id', expires: '2026-12-31' };
    expect((await track({ findings: [a, b], now: day(1), suppressions: [used] })).staleSuppressions).toEqual([]);
    // a is fixed on day 2, and the entry with a wrong id is added that day: neither matches from then on.
    const suppressions = [used, typo];
    expect((await track({ findings: [b], now: day(2), suppressions })).staleSuppressions).toEqual([]);
    expect((await track({ findings: [b], now: day(7), suppressions })).staleSuppressions).toEqual([]);
    const incompleteRun = await track({ findings: [b], now: day(8), suppressions, coverage: coverage({ complete: false }) });
    expect(incompleteRun.staleSuppressions).toEqual([]);
    const eighth = await track({ findings: [b], now: day(8), suppressions });
    expect(eighth.staleSuppressions).toEqual([{ entry: used, lastMatched: day(1).toISOString() }]);
    const ninth = await track({ findings: [b], now: day(9), suppressions });
    expect(ninth.staleSuppressions).toEqual([{ entry: used, lastMatched: day(1).toISOString() }, { entry: typo }]);
  });

  test('more records than one Query page (1 MB) are all read back', async () => {
    const many = Array.from({ length: 2500 }, (_unused, index) => ({ ...makeFinding({ ruleId: 'IR004', apiId: 'api1', integrationId: `i${index}` }), message: `${index} ${'x'.repeat(400)}` }));
    expect((await track({ findings: many, now: day(1) })).changes).toHaveLength(2500);
    const second = await track({ findings: many, now: day(2) });
    expect(second.changes).toEqual([]);
    expect(second.classified.every((c) => c.lifecycle === 'open')).toBe(true);
  }, 30_000);
});

describe('the table unavailable', () => {
  const input = { findings: [a], coverage: coverage(), suppressions: [], now: day(1) };

  test('an endpoint nobody listens on: a StateStoreError the caller can catch, naming the table', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB;
    process.env.AWS_ENDPOINT_URL_DYNAMODB = `http://127.0.0.1:${port}`;
    try {
      const failure = trackFindings({ store: createDynamoStateStore('state'), ...input });
      await expect(failure).rejects.toBeInstanceOf(StateStoreError);
      await expect(failure).rejects.toMatchObject({ operation: 'load', message: expect.stringMatching(/^state table "state": cannot load the finding state: .*ECONNREFUSED/) });
    } finally {
      process.env.AWS_ENDPOINT_URL_DYNAMODB = endpoint;
    }
  }, 20_000);

  test('a table that does not exist: the same error, and the run falls back to classifying without history', async () => {
    const entry: SuppressionEntry = { index: 0, rule: 'IR004', resource: 'api1', reason: 'accepted', expires: '2026-12-31' };
    const failure = trackFindings({ store: createDynamoStateStore('no-such-table'), ...input, suppressions: [entry] });
    await expect(failure).rejects.toMatchObject({ name: 'StateStoreError', operation: 'load', message: expect.stringContaining('ResourceNotFoundException') });

    // What the Lambda does then: suppressions still apply, nothing is resolved, every finding is reported.
    const { run } = classifyRun(NO_STATE, { ...input, suppressions: [entry] });
    expect(run.classified.map((c) => c.lifecycle)).toEqual(['suppressed']);
  });

  test('a write the table refuses: a StateStoreError from save', async () => {
    const table = await newTable();
    const store = createDynamoStateStore(table);
    // An item over DynamoDB's 400 KB limit: the batch fails as a whole.
    const huge = { ...a, title: 'x'.repeat(500_000) };
    await expect(trackFindings({ store, ...input, findings: [huge] })).rejects.toMatchObject({ name: 'StateStoreError', operation: 'save' });
  });
});

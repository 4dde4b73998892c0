import type { AuditInput } from '../../lib/engine/audit-result';
import type { SnapshotApi } from '../../lib/model/snapshot';
import { classifyRun, type RunInput } from '../../lib/lifecycle/classify-run';
import { coverageOf, type Coverage } from '../../lib/lifecycle/coverage';
import { NO_STATE, type StoredState } from '../../lib/lifecycle/state-store';
import { makeFinding } from './make-finding';

const DAY1 = new Date('2026-03-01T06:00:00Z');
const DAY2 = new Date('2026-03-02T06:00:00Z');
const full = (...regions: string[]): Coverage => ({
  regions: regions.map((region) => ({ region, allApisListed: true, completeApis: [], incompleteApis: [] })),
  minSeverity: 'info',
  complete: true,
});
const run = (previous: StoredState, input: Partial<RunInput> & Pick<RunInput, 'findings'>) =>
  classifyRun(previous, { coverage: full('eu-west-1'), suppressions: [], now: DAY2, ...input });
const after = (input: Partial<RunInput> & Pick<RunInput, 'findings'>) => run(NO_STATE, { now: DAY1, ...input }).writes;

const a = makeFinding({ ruleId: 'IR004', apiId: 'api1' });
const b = makeFinding({ ruleId: 'IR014', apiId: 'api2', integrationId: 'i2', responseId: 'r2', severity: 'low' });

describe('classifyRun', () => {
  test('the first run: everything new, firstRun set, a record per finding', () => {
    const { run: first, writes } = run(NO_STATE, { findings: [a, b], now: DAY1 });
    expect(first.firstRun).toBe(true);
    expect(first.classified.map((c) => c.lifecycle)).toEqual(['new', 'new']);
    expect(first.changes.map((c) => c.kind)).toEqual(['new', 'new']);
    expect(writes.lastRunAt).toBe(DAY1.toISOString());
    expect(writes.findings).toEqual([
      expect.objectContaining({ fingerprint: a.fingerprint, status: 'open', firstSeen: DAY1.toISOString(), lastSeen: DAY1.toISOString(), region: 'eu-west-1', apiId: 'api1', ruleId: 'IR004' }),
      expect.objectContaining({ fingerprint: b.fingerprint, status: 'open' }),
    ]);
  });

  test('a second run: still open keeps its first-seen time; a missing one is resolved with a TTL', () => {
    const { run: second, writes } = run(after({ findings: [a, b] }), { findings: [a], retentionDays: 30 });
    expect(second.firstRun).toBe(false);
    expect(second.classified).toEqual([expect.objectContaining({ lifecycle: 'open', firstSeen: DAY1.toISOString() })]);
    expect(second.changes).toEqual([{ kind: 'resolved', record: expect.objectContaining({ fingerprint: b.fingerprint, status: 'resolved', resolvedAt: DAY2.toISOString(), lastSeen: DAY1.toISOString() }) }]);
    const resolved = writes.findings.find((record) => record.fingerprint === b.fingerprint);
    expect(resolved?.expiresAt).toBe(Date.parse('2026-04-01T06:00:00Z') / 1000);
    expect(writes.findings.find((record) => record.fingerprint === a.fingerprint)).toMatchObject({ status: 'open', lastSeen: DAY2.toISOString() });
  });

  test('a resolved finding that comes back is reopened; one past its TTL is new again', () => {
    const resolved = run(after({ findings: [a] }), { findings: [] }).writes;
    const back = run(resolved, { findings: [a], now: new Date('2026-03-10T06:00:00Z') });
    expect(back.run.classified[0]).toMatchObject({ lifecycle: 'reopened', firstSeen: DAY1.toISOString() });
    expect(back.run.changes.map((c) => c.kind)).toEqual(['reopened']);
    expect(back.writes.findings[0]).not.toHaveProperty('expiresAt');
    expect(back.writes.findings[0]).not.toHaveProperty('resolvedAt');

    const muchLater = run(resolved, { findings: [a], now: new Date('2026-07-01T06:00:00Z') });
    expect(muchLater.run.classified[0]?.lifecycle).toBe('new');
  });

  test('nothing is resolved where the run could not look', () => {
    const previous = after({ findings: [a, b] });
    const cases: Coverage[] = [
      { regions: [], minSeverity: 'info', complete: false },
      full('us-east-1'),
      { regions: [{ region: 'eu-west-1', allApisListed: true, completeApis: ['api1'], incompleteApis: ['api2'] }], minSeverity: 'info', complete: false },
      { regions: [{ region: 'eu-west-1', allApisListed: false, completeApis: ['api1'], incompleteApis: [] }], minSeverity: 'info', complete: false },
      { ...full('eu-west-1'), minSeverity: 'medium' },
    ];
    for (const coverage of cases) {
      const { run: partial, writes } = run(previous, { findings: [a], coverage });
      expect(partial.changes).toEqual([]);
      expect(writes.findings.map((record) => record.fingerprint)).toEqual([a.fingerprint]);
    }
  });

  test('an API read completely in a narrowed run resolves; so does an API that is gone from a full listing', () => {
    const previous = after({ findings: [a, b] });
    const narrowed: Coverage = { regions: [{ region: 'eu-west-1', allApisListed: false, completeApis: ['api2'], incompleteApis: [] }], minSeverity: 'info', complete: false };
    expect(run(previous, { findings: [a], coverage: narrowed }).run.changes.map((c) => c.kind)).toEqual(['resolved']);
    expect(run(previous, { findings: [a], coverage: full('eu-west-1') }).run.changes.map((c) => c.kind)).toEqual(['resolved']);
  });

  test('suppression transitions: open → suppressed is a change, suppressed from the start or resolving quietly is not', () => {
    const entry = { index: 0, rule: 'IR004', resource: 'api1', reason: 'accepted', expires: '2026-12-31' };
    const suppressedFromStart = run(NO_STATE, { findings: [a], suppressions: [entry] });
    expect(suppressedFromStart.run.classified[0]).toMatchObject({ lifecycle: 'suppressed', suppression: entry });
    expect(suppressedFromStart.run.changes).toEqual([]);
    expect(suppressedFromStart.writes.findings[0]).toMatchObject({ status: 'suppressed', suppressedBy: 'IR004 api1' });

    const nowSuppressed = run(after({ findings: [a] }), { findings: [a], suppressions: [entry] });
    expect(nowSuppressed.run.changes.map((c) => c.kind)).toEqual(['suppressed']);

    const goneWhileSuppressed = run(suppressedFromStart.writes, { findings: [], suppressions: [entry], now: new Date('2026-03-03T06:00:00Z') });
    expect(goneWhileSuppressed.run.changes).toEqual([]);
    expect(goneWhileSuppressed.writes.findings[0]).toMatchObject({ status: 'resolved' });
    expect(goneWhileSuppressed.writes.findings[0]).not.toHaveProperty('suppressedBy');
  });

  test('each fingerprint once, even when two inputs report it', () => {
    const { run: once, writes } = run(NO_STATE, { findings: [a, a] });
    expect(once.classified).toHaveLength(1);
    expect(writes.findings).toHaveLength(1);
  });

  test('a long message is cut in the record, not in the finding', () => {
    const long = { ...a, message: 'x'.repeat(1000) };
    const { run: first, writes } = run(NO_STATE, { findings: [long] });
    expect(writes.findings[0]?.message).toHaveLength(300);
    expect(first.classified[0]?.finding.message).toHaveLength(1000);
  });
});

describe('coverageOf', () => {
  const api = (ApiId: string): SnapshotApi => ({ ApiId, integrations: [], routes: [] });
  const input = (region: string, apiIds: string[], extra: Partial<AuditInput> = {}): AuditInput => ({ snapshot: { region, apis: apiIds.map(api) }, ...extra });
  const scope = { narrowed: false, minSeverity: 'info' as const };

  test('a complete run covers every listed API and its region', () => {
    expect(coverageOf([input('eu-west-1', ['a1', 'a2'])], [], scope)).toEqual({
      regions: [{ region: 'eu-west-1', allApisListed: true, completeApis: ['a1', 'a2'], incompleteApis: [] }],
      minSeverity: 'info',
      complete: true,
    });
  });

  test('an API with an error (a failed call, a crashed rule) is incomplete; the others still count', () => {
    const errors = [{ source: 'collector' as const, message: 'throttled', apiId: 'a2', operation: 'GetIntegrations' }];
    const coverage = coverageOf([input('eu-west-1', ['a1', 'a2'], { errors, complete: false })], errors, scope);
    expect(coverage.regions).toEqual([{ region: 'eu-west-1', allApisListed: true, completeApis: ['a1'], incompleteApis: ['a2'] }]);
    expect(coverage.complete).toBe(false);
  });

  test('an API the collector could not read is left out of its snapshot: its error alone keeps it incomplete, not gone', () => {
    const errors = [{ source: 'collector' as const, message: 'AccessDenied', apiId: 'a2', operation: 'GetRoutes' }];
    const coverage = coverageOf([input('eu-west-1', ['a1'], { errors, complete: false })], errors, scope);
    expect(coverage.regions).toEqual([{ region: 'eu-west-1', allApisListed: true, completeApis: ['a1'], incompleteApis: ['a2'] }]);
  });

  test('an error no API id pins down (the listing failed) leaves the region uncovered', () => {
    const errors = [{ source: 'collector' as const, message: 'AccessDenied', operation: 'GetApis' }];
    const coverage = coverageOf([input('eu-west-1', ['a1'], { errors, complete: false }), input('us-east-1', ['b1'])], errors, scope);
    expect(coverage.regions.map((region) => region.region)).toEqual(['us-east-1']);
    expect(coverageOf([input('eu-west-1', ['a1'], { complete: false })], [], scope).regions).toEqual([]);
  });

  test('an API a narrowed run found deleted counts as read completely, in its own region only', () => {
    const coverage = coverageOf([input('eu-west-1', ['a1']), input('us-east-1', [])], [], { narrowed: true, minSeverity: 'info', deletedApis: [{ region: 'eu-west-1', apiIds: ['gone1'] }] });
    expect(coverage.regions).toEqual([
      { region: 'eu-west-1', allApisListed: false, completeApis: ['a1', 'gone1'], incompleteApis: [] },
      { region: 'us-east-1', allApisListed: false, completeApis: [], incompleteApis: [] },
    ]);
  });

  test('a narrowed run lists only some APIs and is never complete', () => {
    const coverage = coverageOf([input('eu-west-1', ['a1'])], [], { narrowed: true, minSeverity: 'high' });
    expect(coverage).toEqual({ regions: [{ region: 'eu-west-1', allApisListed: false, completeApis: ['a1'], incompleteApis: [] }], minSeverity: 'high', complete: false });
  });
});

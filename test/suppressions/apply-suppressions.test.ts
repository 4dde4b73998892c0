import { applySuppressions } from '../../lib/suppressions/apply-suppressions';
import type { SuppressionEntry } from '../../lib/suppressions/suppression-entry';
import { markSuppressionUse, staleSuppressions } from '../../lib/suppressions/suppression-use';
import { makeFinding } from '../lifecycle/make-finding';

const entry = (rule: string, resource: string, expires = '2026-06-30', index = 0): SuppressionEntry => ({ index, rule, resource, reason: 'accepted', expires });
const JUNE_1 = new Date('2026-06-01T12:00:00Z');

const onApi = makeFinding({ ruleId: 'IR004', apiId: 'api1' });
const onIntegration = makeFinding({ ruleId: 'IR013', apiId: 'api1', integrationId: 'int1' });
const onResponse = makeFinding({ ruleId: 'IR014', apiId: 'api1', integrationId: 'int1', responseId: 'resp1' });
const otherApi = makeFinding({ ruleId: 'IR014', apiId: 'api2', integrationId: 'int9', responseId: 'resp9' });
const otherRegion = makeFinding({ ruleId: 'IR014', region: 'us-east-1', apiId: 'api1', integrationId: 'int1', responseId: 'resp1' });
const ALL = [onApi, onIntegration, onResponse, otherApi, otherRegion];

const suppressedBy = (entries: SuppressionEntry[]) => ALL.filter((finding) => applySuppressions(ALL, entries, JUNE_1).suppressedBy.has(finding.fingerprint));

describe('what an entry suppresses', () => {
  test.each([
    ['an API id: the API and everything in it, in every region', entry('*', 'api1'), [onApi, onIntegration, onResponse, otherRegion]],
    ['an integration id: the integration and its responses', entry('*', 'int1'), [onIntegration, onResponse, otherRegion]],
    ['a response id: that response', entry('IR014', 'resp1'), [onResponse, otherRegion]],
    ['a rule glob narrows it', entry('IR01*', 'api1'), [onIntegration, onResponse, otherRegion]],
    ['a rule name', entry('rule-ir013', 'api1'), [onIntegration]],
    ['an exact ARN: that resource only', entry('*', onIntegration.resource.arn), [onIntegration]],
    ['an ARN pattern below an API: not the API itself', entry('*', 'arn:aws:apigateway:eu-west-1::/apis/api1/*'), [onIntegration, onResponse]],
    ['an ARN pattern with any region', entry('IR014', 'arn:aws:apigateway:*::/apis/api1/integrations/int1/*'), [onResponse, otherRegion]],
    ['an id that is only a prefix of one matches nothing', entry('*', 'api'), []],
    ['a rule that did not fire matches nothing', entry('IR004', 'api2'), []],
  ])('%s', (_case, suppression, expected) => {
    expect(suppressedBy([suppression])).toEqual(expected);
  });

  test('the first matching entry in file order is the one reported', () => {
    const broad = entry('*', 'api1', '2026-12-31', 0);
    const narrow = entry('IR014', 'resp1', '2026-12-31', 1);
    const outcome = applySuppressions([onResponse], [broad, narrow], JUNE_1);
    expect(outcome.suppressedBy.get(onResponse.fingerprint)).toBe(broad);
    expect([...outcome.matched]).toEqual(['* api1', 'IR014 resp1']);
  });
});

describe('expiry, by the clock passed in', () => {
  const suppression = entry('IR014', 'resp1', '2026-06-30');
  const at = (iso: string) => applySuppressions([onResponse], [suppression], new Date(iso));

  test('it suppresses through the last second of its day (UTC)', () => {
    expect(at('2026-06-30T23:59:59.999Z').suppressedBy.has(onResponse.fingerprint)).toBe(true);
    expect(at('2026-06-30T23:59:59.999Z').expired).toEqual([]);
  });

  test('the day after, the finding is back and the entry is reported expired', () => {
    const outcome = at('2026-07-01T00:00:00Z');
    expect(outcome.suppressedBy.size).toBe(0);
    expect(outcome.expired).toEqual([{ entry: suppression, fingerprints: [onResponse.fingerprint] }]);
    expect(outcome.expiredFor.get(onResponse.fingerprint)).toBe(suppression);
    expect(outcome.matched.size).toBe(0);
  });

  test('an expired entry does not hide that an active one still suppresses the finding', () => {
    const renewed = entry('*', 'int1', '2026-12-31', 1);
    const outcome = applySuppressions([onResponse], [suppression, renewed], new Date('2026-07-02T00:00:00Z'));
    expect(outcome.suppressedBy.get(onResponse.fingerprint)).toBe(renewed);
    expect(outcome.expiredFor.size).toBe(0);
    expect(outcome.expired).toEqual([{ entry: suppression, fingerprints: [onResponse.fingerprint] }]);
  });
});

describe('stale entries', () => {
  const used = entry('IR014', 'resp1', '2026-12-31', 0);
  const unused = entry('IR004', 'gone1', '2026-12-31', 1);
  const expired = entry('IR004', 'gone2', '2026-01-31', 2);
  const entries = [used, unused, expired];

  test('without history, an active entry that matched nothing is stale at once (the CLI)', () => {
    const { matched } = applySuppressions([onResponse], entries, JUNE_1);
    const marks = markSuppressionUse(entries, matched, [], JUNE_1);
    expect(staleSuppressions(entries, marks, matched, { now: JUNE_1, staleAfterDays: 0, runComplete: true })).toEqual([{ entry: unused }]);
  });

  test('not on an incomplete or narrowed run: it may not have looked where the entry points', () => {
    const { matched } = applySuppressions([], entries, JUNE_1);
    const marks = markSuppressionUse(entries, matched, [], JUNE_1);
    expect(staleSuppressions(entries, marks, matched, { now: JUNE_1, staleAfterDays: 0, runComplete: false })).toEqual([]);
  });

  test('with history, only after matching nothing for staleAfterDays', () => {
    const lastMatched = '2026-05-20T12:00:00.000Z';
    const previous = [{ key: 'IR014 resp1', firstSeen: '2026-01-01T00:00:00.000Z', lastMatched }, { key: 'IR004 gone1', firstSeen: '2026-05-30T12:00:00.000Z' }];
    const marks = markSuppressionUse(entries, new Set(), previous, JUNE_1);
    expect(marks).toEqual([
      { key: 'IR014 resp1', firstSeen: '2026-01-01T00:00:00.000Z', lastMatched },
      { key: 'IR004 gone1', firstSeen: '2026-05-30T12:00:00.000Z' },
      { key: 'IR004 gone2', firstSeen: JUNE_1.toISOString() },
    ]);
    // 12 days since IR014 last matched; IR004/gone1 was first seen 2 days ago and never matched.
    expect(staleSuppressions(entries, marks, new Set(), { now: JUNE_1, staleAfterDays: 7, runComplete: true })).toEqual([{ entry: used, lastMatched }]);
    expect(staleSuppressions(entries, marks, new Set(), { now: JUNE_1, staleAfterDays: 2, runComplete: true })).toEqual([{ entry: used, lastMatched }, { entry: unused }]);
  });
});

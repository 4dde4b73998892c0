import { buildFleetDigest } from '../../lib/fleet/fleet-digest';
import type { ItemOutcome } from '../../lib/fleet/item-outcome';
import { SNS_MAX_MESSAGE_BYTES, SNS_MAX_SUBJECT_CHARS } from '../../lib/report/digest';
import { makeFinding } from '../lifecycle/make-finding';

const startedAt = new Date('2026-12-06T06:00:00Z');
const base = { apisAudited: 1, findings: 0, errors: 0, calls: 3, walkInvocations: 1 };
const audited = (accountId: string, region: string, digest?: ItemOutcome['digest']): ItemOutcome => ({ accountId, region, status: 'audited', ...base, ...(digest === undefined ? {} : { digest }) });
const failed: ItemOutcome = { accountId: '333333333333', region: 'eu-west-1', status: 'failed', reason: 'AssumeRoleError: cannot assume arn:aws:iam::333333333333:role/apigw-audit-member', ...base, apisAudited: 0, errors: 1 };
const appeared = (accountId: string, region: string, apiId: string) => ({
  content: { kind: 'changes' as const, appeared: [{ finding: { ...makeFinding({ region, apiId }), resource: { ...makeFinding({ region, apiId }).resource, accountId } }, lifecycle: 'new' as const, firstSeen: startedAt.toISOString() }], resolved: [], stillOpen: [] },
});

describe('the fleet digest', () => {
  test('changes mode: nothing changed anywhere sends nothing, even with account-regions not audited (their alarm fires)', () => {
    expect(buildFleetDigest({ runId: 'run-1', startedAt, threshold: 'high', outcomes: [audited('111111111111', 'eu-west-1'), audited('222222222222', 'us-east-1'), failed] })).toEqual([]);
  });

  test('one digest: counts, the account-regions not audited and why first, then the changes under account and region headings', () => {
    const [part, ...more] = buildFleetDigest({
      runId: 'run-1',
      startedAt,
      threshold: 'high',
      outcomes: [audited('222222222222', 'us-east-1', appeared('222222222222', 'us-east-1', 'api2')), failed, audited('111111111111', 'eu-west-1', appeared('111111111111', 'eu-west-1', 'api1'))],
    });
    expect(more).toEqual([]);
    expect(part?.subject).toBe('apigw-audit fleet: 2 high | 3 accounts | INCOMPLETE');
    expect(part?.attributes).toMatchObject({ highestSeverity: 'high', findings: '2', high: '2', accounts: '3', complete: 'false' });
    const message = part?.message ?? '';
    expect(message).toContain('3 account-regions in 3 accounts: 2 audited completely, 0 incomplete, 1 not audited.');
    const order = ['== NOT AUDITED ==', '333333333333 eu-west-1', 'AssumeRoleError: cannot assume', '== 111111111111 eu-west-1: NEW: HIGH ==', '== 222222222222 us-east-1: NEW: HIGH =='].map((text) => message.indexOf(text));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test('a run too big for one message comes in parts under SNS\'s limits, each with the header', () => {
    const outcomes = Array.from({ length: 3000 }, (_, index) => audited(String(100000000000 + index), 'eu-west-1', appeared(String(100000000000 + index), 'eu-west-1', `api${index}`)));
    const parts = buildFleetDigest({ runId: 'run-2', startedAt, threshold: 'high', outcomes });
    expect(parts.length).toBeGreaterThan(1);
    for (const [index, part] of parts.entries()) {
      expect(Buffer.byteLength(part.message) + Object.entries(part.attributes).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + 6 + Buffer.byteLength(value), 0)).toBeLessThanOrEqual(SNS_MAX_MESSAGE_BYTES);
      expect(part.subject.length).toBeLessThanOrEqual(SNS_MAX_SUBJECT_CHARS);
      expect(part.message).toContain(`Part ${index + 1} of ${parts.length}.`);
    }
    const listed = parts.map((part) => part.message.match(/== \d{12} eu-west-1: NEW: HIGH ==/g)?.length ?? 0).reduce((sum, count) => sum + count, 0);
    expect(listed).toBeGreaterThanOrEqual(3000);
  });
});

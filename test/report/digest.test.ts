import { countBySeverity, type AuditSummary } from '../../lib/engine/audit-result';
import type { Finding } from '../../lib/model/finding';
import type { Severity } from '../../lib/model/severity';
import { BASELINE_LISTED, buildDigest, SNS_MAX_ATTRIBUTES, type DigestInput, type DigestPart } from '../../lib/report/digest';
import type { ClassifiedFinding, Lifecycle } from '../../lib/lifecycle/classify-run';
import type { FindingRecord } from '../../lib/lifecycle/finding-record';
import type { SuppressionEntry } from '../../lib/suppressions/suppression-entry';

const finding = (n: number, severity: Severity, apiId = 'api1'): Finding => ({
  ruleId: 'IR004',
  rule: 'ir-response-param-key-invalid',
  ruleKind: 'certain',
  severity,
  title: 'Integration response parameter key is not method.response.header.{name}',
  message: `Response parameter key "method.response.headr.X-${n}" does not match method.response.header.{name}.`,
  resource: { type: 'IntegrationResponse', arn: `arn:aws:apigateway:eu-west-1::/apis/${apiId}/integrations/i1/integrationresponses/r${n}`, region: 'eu-west-1', apiId, apiName: `name-${apiId}`, protocolType: 'WEBSOCKET' },
  path: `ResponseParameters["method.response.headr.X-${n}"]`,
  remediation: 'Rename the key to method.response.header.{Header-Name}.',
  fingerprint: `fp${n}`,
});

const classified = (f: Finding, lifecycle: Lifecycle = 'new', firstSeen = '2026-11-26T10:00:00.000Z'): ClassifiedFinding => ({ finding: f, lifecycle, firstSeen });

const input = (findings: Finding[], overrides: Partial<DigestInput> = {}): DigestInput => {
  const summary: AuditSummary = { apisAudited: 2, rulesRun: 60, findings: findings.length, bySeverity: countBySeverity(findings), errors: 0, complete: true };
  return {
    content: { kind: 'findings', findings: findings.map((f) => classified(f)), tracked: false },
    threshold: 'high',
    summary,
    errors: [],
    unreached: 0,
    accountId: '123456789012',
    regions: ['eu-west-1'],
    startedAt: new Date('2026-11-26T10:00:00Z'),
    ...overrides,
  };
};

const record = (f: Finding): FindingRecord => ({
  fingerprint: f.fingerprint,
  status: 'resolved',
  firstSeen: '2026-11-01T06:00:00.000Z',
  lastSeen: '2026-11-25T06:00:00.000Z',
  resolvedAt: '2026-11-26T10:00:00.000Z',
  ruleId: f.ruleId,
  severity: f.severity,
  title: f.title,
  message: f.message,
  arn: f.resource.arn,
  apiId: f.resource.apiId,
  region: 'eu-west-1',
});

/** What SNS counts: message plus attributes; the subject is counted too, to be safe. */
const size = (part: DigestPart) =>
  Buffer.byteLength(part.message) + Buffer.byteLength(part.subject) + Object.entries(part.attributes).reduce((sum, [name, value]) => sum + Buffer.byteLength(`${name}String${value}`), 0);

describe('buildDigest', () => {
  test('one part: header, then severities in order, then APIs; no part numbers', () => {
    const [part, ...more] = buildDigest(input([finding(1, 'high', 'api2'), finding(2, 'critical'), finding(3, 'high')]));
    expect(more).toEqual([]);
    expect(part!.subject).toBe('apigw-audit: 1 critical, 2 high | 123456789012 eu-west-1');
    expect(part!.message).not.toContain('Part 1');
    expect(part!.message).toContain('  IR004 ir-response-param-key-invalid (certain): ');
    expect([...part!.message.matchAll(/^(== .* ==|name-\S+ .*)$/gm)].map((match) => match[1])).toEqual([
      '== CRITICAL ==',
      'name-api1 (api1, WEBSOCKET, eu-west-1)',
      '== HIGH ==',
      'name-api2 (api2, WEBSOCKET, eu-west-1)',
      'name-api1 (api1, WEBSOCKET, eu-west-1)',
    ]);
  });

  test.each([4_000, 10_000, 30_000])('parts of at most %i bytes, cut between findings, none lost', (maxBytes) => {
    const findings = Array.from({ length: 200 }, (_, n) => finding(n, n < 50 ? 'critical' : 'high', n % 3 === 0 ? 'api1' : 'api2'));
    const parts = buildDigest(input(findings), maxBytes);
    expect(parts.length).toBeGreaterThan(1);
    for (const [index, part] of parts.entries()) {
      expect(size(part)).toBeLessThanOrEqual(maxBytes);
      expect(part.subject).toMatch(new RegExp(`\\(${index + 1}/${parts.length}\\)$`));
      expect(part.message).toContain(`Part ${index + 1} of ${parts.length}.`);
    }
    const paths = parts.flatMap((part) => [...part.message.matchAll(/^ {4}Path: +(.*)$/gm)].map((match) => match[1]));
    expect(paths.sort()).toEqual(findings.map((f) => f.path).sort());
  });

  test('the subject stays under 100 characters without line breaks', () => {
    const findings = (['critical', 'high', 'medium', 'low', 'info'] as const).flatMap((severity) => Array.from({ length: 12_345 }, (_, n) => ({ ...finding(n, severity) })));
    const [part] = buildDigest(input(findings, { threshold: 'info', regions: ['eu-west-1', 'us-east-1', 'ap-southeast-2'], summary: { ...input(findings).summary, complete: false } }), 50_000_000);
    expect(part!.subject.length).toBeLessThan(100);
    expect(part!.subject).toMatch(/^apigw-audit: 12345 critical, 12345 high, .*\.\.\. \| INCOMPLETE$/);
  });

  test('attributes: String values, at most 10, the same on every part', () => {
    const parts = buildDigest(input(Array.from({ length: 100 }, (_, n) => finding(n, 'high'))), 5_000);
    for (const part of parts) {
      expect(Object.keys(part.attributes).length).toBeLessThanOrEqual(SNS_MAX_ATTRIBUTES);
      expect(part.attributes).toEqual(parts[0]!.attributes);
    }
    expect(parts[0]!.attributes).toMatchObject({ highestSeverity: 'high', findings: '100', high: '100', critical: '0', complete: 'true' });
  });

  test('an incomplete audit lists its first errors and how many APIs were not reached', () => {
    const errors = Array.from({ length: 7 }, (_, n) => ({ source: 'collector' as const, operation: 'GetRoutes', apiId: `api${n}`, message: 'AccessDeniedException: denied' }));
    const [part] = buildDigest(input([finding(1, 'high')], { errors, unreached: 2, summary: { ...input([]).summary, complete: false } }));
    expect(part!.message).toContain('THE AUDIT IS INCOMPLETE (7 errors, 2 APIs not reached before the deadline)');
    expect(part!.message).toContain('  - collector GetRoutes api0: AccessDeniedException: denied');
    expect(part!.message).toContain('  - and 2 more (saved query "audit errors")');
  });
});

describe('buildDigest with change tracking', () => {
  const headings = (part: DigestPart) => [...part.message.matchAll(/^== (.*) ==$/gm)].map((match) => match[1]);

  test('every finding, tracked: each says where it stands in its history', () => {
    const entry: SuppressionEntry = { index: 0, rule: 'IR004', resource: 'i1', reason: 'legacy clients', expires: '2026-11-25' };
    const findings = [
      classified(finding(1, 'high'), 'new'),
      classified(finding(2, 'high'), 'open', '2026-10-01T06:00:00.000Z'),
      classified(finding(3, 'high'), 'reopened', '2026-09-01T06:00:00.000Z'),
      { ...classified(finding(4, 'high'), 'reopened', '2026-08-01T06:00:00.000Z'), expiredSuppression: entry },
    ];
    const [part] = buildDigest(input([], { content: { kind: 'findings', findings, tracked: true } }));
    expect([...part!.message.matchAll(/^ {4}Status: +(.*)$/gm)].map((match) => match[1])).toEqual([
      'new',
      'open since 2026-10-01',
      'reopened (it had been resolved); first seen 2026-09-01',
      'back: suppressions[0] (IR004 on i1) expired after 2026-11-25; first seen 2026-08-01',
    ]);
  });

  test('changes: new, then reopened, then resolved, each by severity; still-open findings only counted', () => {
    const content = {
      kind: 'changes' as const,
      appeared: [classified(finding(1, 'high'), 'new'), classified(finding(2, 'critical'), 'reopened'), classified(finding(3, 'critical'), 'new')],
      resolved: [record(finding(4, 'high')), record(finding(5, 'critical'))],
      stillOpen: [finding(6, 'high'), finding(7, 'high'), finding(8, 'critical')],
    };
    const [part, ...more] = buildDigest(input([], { content }));
    expect(more).toEqual([]);
    expect(part!.subject).toBe('apigw-audit: 2 new, 1 reopened, 2 resolved | 123456789012 eu-west-1');
    expect(part!.message).toMatch(/^apigw-audit: what changed since the last run in account 123456789012 \(eu-west-1\), findings at or above high\nNew: 1 critical, 1 high\. Reopened: 1 critical\. Resolved: 1 critical, 1 high\.\nStill open, not listed: 1 critical, 2 high\.\n/);
    expect(headings(part!)).toEqual(['NEW: CRITICAL', 'NEW: HIGH', 'REOPENED: CRITICAL', 'RESOLVED: CRITICAL', 'RESOLVED: HIGH']);
    expect(part!.message).toContain(
      [
        'API api1 (eu-west-1)',
        '',
        '  IR004: Integration response parameter key is not method.response.header.{name}',
        '    Resource:    integrations/i1/integrationresponses/r5 (arn:aws:apigateway:eu-west-1::/apis/api1/integrations/i1/integrationresponses/r5)',
        '    Message:     Response parameter key "method.response.headr.X-5" does not match method.response.header.{name}.',
        '    Status:      resolved; first seen 2026-11-01, last seen 2026-11-25',
      ].join('\n'),
    );
    // Only what needs attention is counted in the attributes: the new and reopened findings.
    expect(part!.attributes).toMatchObject({ highestSeverity: 'critical', findings: '3', critical: '2', high: '1' });
  });

  test('an incomplete run of changes says that nothing it could not read is reported resolved', () => {
    const content = { kind: 'changes' as const, appeared: [classified(finding(1, 'high'))], resolved: [], stillOpen: [] };
    const [part] = buildDigest(input([], { content, errors: [{ source: 'collector', operation: 'GetRoutes', apiId: 'api2', message: 'denied' }], summary: { ...input([]).summary, complete: false } }));
    expect(part!.message).toContain('so a missing finding proves nothing. None of them is reported resolved.');
  });

  test('a baseline gives the totals and lists only the most severe findings', () => {
    const findings = Array.from({ length: 30 }, (_, n) => classified(finding(n, n === 17 ? 'critical' : 'high')));
    const [part] = buildDigest(input([], { content: { kind: 'baseline', findings } }));
    expect(part!.subject).toBe('apigw-audit: baseline, 1 critical, 29 high | 123456789012 eu-west-1');
    expect(part!.message).toMatch(/^apigw-audit: baseline of account 123456789012 \(eu-west-1\): 30 findings at or above high open\nBy severity: 1 critical, 29 high\n/);
    expect(part!.message).toContain(`The ${BASELINE_LISTED} most severe are listed below; every finding is in this run's log lines.`);
    expect([...part!.message.matchAll(/^ {4}Path: +(.*)$/gm)]).toHaveLength(BASELINE_LISTED);
    expect(headings(part!)).toEqual(['CRITICAL', 'HIGH']);
    expect(part!.attributes).toMatchObject({ findings: '30', critical: '1', high: '29' });
  });

  test('tracking that failed or is off is said at the top; expired and stale suppressions are listed', () => {
    const expired: SuppressionEntry = { index: 0, rule: 'IR004', resource: 'i1', reason: 'legacy clients', expires: '2026-11-25', owner: 'chat-team' };
    const stale: SuppressionEntry = { index: 1, rule: 'WS001', resource: 'sqs01', reason: 'replaced soon', expires: '2027-01-31' };
    const [failed] = buildDigest(
      input([finding(1, 'high')], {
        trackingProblem: { kind: 'failed', message: 'state table "t": cannot load the finding state: ECONNREFUSED' },
        expiredSuppressions: [{ entry: expired, fingerprints: ['fp1'] }],
        staleSuppressions: [{ entry: stale, lastMatched: '2026-11-01T06:00:00.000Z' }],
      }),
    );
    expect(failed!.message).toContain('CHANGE TRACKING FAILED: state table "t": cannot load the finding state: ECONNREFUSED. This digest lists every finding at or above high, not only what changed.');
    expect(failed!.message).toContain('  - suppressions[0] (IR004 on i1) expired after 2026-11-25 (owner chat-team; reason: legacy clients): 1 finding reported again');
    expect(failed!.message).toContain('  - suppressions[1] (WS001 on sqs01): last matched 2026-11-01');
    const [off] = buildDigest(input([finding(1, 'high')], { trackingProblem: { kind: 'off' } }));
    expect(off!.message).toContain('Change tracking is off (the function has no STATE_TABLE): this digest lists every finding at or above high.');
  });
});

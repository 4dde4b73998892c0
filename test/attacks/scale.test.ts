import { runAudit } from '../../lib/engine/audit-result';
import type { ClassifiedFinding } from '../../lib/lifecycle/classify-run';
import type { Finding } from '../../lib/model/finding';
import { buildDigest } from '../../lib/report/digest';
import { formatJson } from '../../lib/report/format-json';
import { formatText } from '../../lib/report/format-text';
import { formatSarif } from '../../lib/report/sarif';
import { RULES } from '../../lib/rules';
import { PLAIN_TEXT_REPORT } from '../support/plain-text-report';


/**
 * Issue 12 point 5: past ~125,000 findings a spread into push() overflowed the stack and the
 * CLI exited 70. 160,000 findings (cheap copies, through an input's refine step) go through
 * the engine's merge and every report; bench/million-responses.ts measures the full path at
 * 1,000,000 integration responses.
 */
const COUNT = 160_000;

test(`${COUNT} findings pass the engine, the text, JSON and SARIF reports and the digest`, () => {
  const template: Finding = {
    ruleId: 'IR001',
    rule: 'ir-key-invalid-format',
    ruleKind: 'certain',
    severity: 'high',
    title: 'Integration response key is neither $default nor a /regular expression/',
    message: 'Integration response key "2\\\\d\\\\d" is neither $default nor a /regular expression/.',
    resource: { type: 'IntegrationResponse', arn: 'arn:aws:apigateway:eu-west-1::/apis/a1/integrations/i1/integrationresponses/r', region: 'eu-west-1', apiId: 'a1', apiName: 'big' },
    path: 'IntegrationResponseKey',
    remediation: 'Use $default or a /regex/.',
    fingerprint: 'f',
  };
  const many = () => Array.from({ length: COUNT }, (_, index) => ({ ...template, fingerprint: `f${index}` }));
  const result = runAudit([{ snapshot: { apis: [] }, refine: many }], RULES.map((rule) => ({ rule })));
  expect(result.findings).toHaveLength(COUNT);

  expect(formatText(result, PLAIN_TEXT_REPORT).split('\n').length).toBeGreaterThan(2 * COUNT);
  expect(formatJson(result).reduce((chars, piece) => chars + piece.length, 0)).toBeGreaterThan(COUNT * 100);
  expect(formatSarif(result, RULES.map((rule) => ({ rule }))).reduce((chars, piece) => chars + piece.length, 0)).toBeGreaterThan(COUNT * 100);
  const findings: ClassifiedFinding[] = result.findings.map((finding) => ({ finding, lifecycle: 'new', firstSeen: '2026-12-01T00:00:00.000Z' }));
  const parts = buildDigest({ content: { kind: 'findings', findings, tracked: false }, threshold: 'info', summary: result.summary, errors: [], unreached: 0, accountId: '123456789012', regions: ['eu-west-1'], startedAt: new Date() });
  expect(parts.length).toBeGreaterThan(100);
}, 120_000);

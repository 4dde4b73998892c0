import { runAudit } from '../../lib/engine/audit-result';
import { apiFromSketch, type ApiSketch } from '../../lib/model/sketch';
import type { Snapshot, SnapshotApi } from '../../lib/model/snapshot';
import { formatJson } from '../../lib/report/format-json';
import { formatText } from '../../lib/report/format-text';
import { formatSarif } from '../../lib/report/sarif';
import { RULES } from '../../lib/rules';
import { ACCOUNT, REGION, useLambdaHarness } from '../support/lambda-harness';
import { leakedTells, NAMED_SECRET, SEEDED_SECRETS, secretAt, seedMaps } from '../support/seeded-secrets';
import { PLAIN_TEXT_REPORT } from '../support/plain-text-report';


/**
 * Issue 12 point 3: whichever rule quotes a value, no output repeats a credential. Every
 * rule's firing example runs with a secret in the API's name and in every value of its
 * mapping and template maps, next to hand-written mappings that quote credentials the way
 * real ones do (a static `'Bearer ...'`, `#set($password = ...)` in a broken template). Then
 * every output is searched: text, JSON, SARIF, and the deployed function's log lines, SNS
 * digest and invoke response.
 */
const ruleApis: SnapshotApi[] = RULES.flatMap((rule, index) => {
  const example = rule.meta.examples.fires;
  return [
    apiFromSketch({ ...example, ApiId: `n${index}`, Name: `api ${secretAt(index)}` }),
    apiFromSketch({ ...(seedMaps(example, secretAt(index + 1)) as ApiSketch), ApiId: `m${index}`, Name: 'seeded maps' }),
  ];
});

const quotedSecrets: SnapshotApi[] = [
  apiFromSketch({
    ApiId: 'h1',
    Name: 'http quoting',
    ProtocolType: 'HTTP',
    integrations: [
      {
        IntegrationType: 'HTTP_PROXY',
        ResponseParameters: {
          '200': {
            'overwrite:statuscode': SEEDED_SECRETS[2]!.text,
            'append:header.authorization': `'${SEEDED_SECRETS[2]!.text}'`,
            [`overwrite:header.${NAMED_SECRET.header}`]: `'${NAMED_SECRET.value}'`,
            'overwrite:header.x-key': `${SEEDED_SECRETS[0]!.text} ${SEEDED_SECRETS[1]!.text}`,
          },
        },
      },
    ],
  }),
  apiFromSketch({
    ApiId: 'w1',
    Name: 'ws quoting',
    ProtocolType: 'WEBSOCKET',
    RouteSelectionExpression: '$request.body.action',
    integrations: [
      {
        IntegrationType: 'MOCK',
        integrationResponses: [
          {
            IntegrationResponseKey: `/${SEEDED_SECRETS[0]!.text}/`,
            ResponseTemplates: { 'application/json': `#set($password = "${SEEDED_SECRETS[6]!.text.split('=')[1]}")\n#if( ${SEEDED_SECRETS[4]!.text} ${SEEDED_SECRETS[5]!.text}` },
            ResponseParameters: { [`method.response.header.${NAMED_SECRET.header}`]: `'${NAMED_SECRET.value}'`, 'method.response.headr.x': `'${SEEDED_SECRETS[3]!.text}'` },
          },
        ],
      },
    ],
    routes: [{ RouteKey: `ping ${SEEDED_SECRETS[1]!.text}`, Target: 'integrations/i1', RouteResponseSelectionExpression: '$default' }],
  }),
];

const seeded: Snapshot = { version: 1, accountId: ACCOUNT, region: REGION, apis: [...ruleApis, ...quotedSecrets] };
const result = runAudit([{ snapshot: seeded }], RULES.map((rule) => ({ rule })));

test('every rule fires on the seeded account, so every rule is exercised', () => {
  const fired = new Set(result.findings.map((finding) => finding.ruleId));
  expect(RULES.map((rule) => rule.meta.id).filter((id) => !fired.has(id))).toEqual([]);
  // The hand-written quotes make the rules that print values whole fire too.
  expect(result.findings.filter((finding) => ['h1', 'w1'].includes(finding.resource.apiId)).length).toBeGreaterThan(4);
});

test.each([
  ['text', () => formatText(result, PLAIN_TEXT_REPORT)],
  ['JSON', () => formatJson(result).join('')],
  ['SARIF', () => formatSarif(result, RULES.map((rule) => ({ rule }))).join('')],
])('the %s report holds no seeded secret', (_format, render) => {
  const output = render();
  expect(output.length).toBeGreaterThan(1000);
  expect(leakedTells(output)).toEqual([]);
});

describe('the deployed function', () => {
  const harness = useLambdaHarness();

  // The hand-written quotes only: the function walks at the quota's rate, and the pure reports
  // above already cover every rule; what is checked here is the function's own outputs.
  test('its log lines, its digest and its invoke response hold no seeded secret', async () => {
    harness.serve({ ...seeded, apis: quotedSecrets });
    const response = await harness.invoke();
    expect(response.summary.findings).toBeGreaterThan(4);
    const lines = harness.timeline.map((entry) => JSON.stringify(entry));
    expect(harness.lines('finding').length).toBe(response.summary.findings);
    expect(harness.sns.published.length).toBeGreaterThan(0);
    expect(leakedTells(lines.join('\n'))).toEqual([]);
    expect(leakedTells(harness.sns.published.map((part) => `${part.subject}\n${part.message}`).join('\n'))).toEqual([]);
    expect(leakedTells(JSON.stringify(response))).toEqual([]);
  }, 60_000);
});

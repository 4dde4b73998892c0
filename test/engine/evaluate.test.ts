import fc from 'fast-check';
import { evaluate } from '../../lib/engine/evaluate';
import { apiFromSketch } from '../../lib/model/sketch';
import type { Snapshot } from '../../lib/model/snapshot';
import { RULES } from '../../lib/rules';
import { defineRule } from '../../lib/rules/define-rule';
import { IR004 } from '../../lib/rules/ir/IR004';

const examples = { fires: {}, quiet: {} };
const meta = { kind: 'heuristic' as const, severity: 'low' as const, title: 'Test rule title', rationale: 'A rule that exists for a test.', remediation: 'Nothing to do.', source: 'https://example.com', examples };

const crashing = defineRule({ meta: { ...meta, id: 'IR998', name: 'crashes' }, check: { integrationResponse: () => { throw new Error('boom'); } } });
const everyRoute = defineRule({ meta: { ...meta, id: 'IR999', name: 'every-route' }, check: { route: ({ route }) => [{ path: 'RouteKey', message: `route ${String(route.RouteKey)}` }] } });

const snapshot = (sketch: Parameters<typeof apiFromSketch>[0]): Snapshot => ({ region: 'eu-west-1', accountId: '123456789012', apis: [apiFromSketch(sketch)] });

const demo = snapshot({
  ApiId: 'api1',
  Name: 'chat',
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationId: 'int1', IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseId: 'resp1', IntegrationResponseKey: '$default', ResponseParameters: { 'bad.key': "'x'" } }] }],
  routes: [{ RouteId: 'route1', RouteKey: 'ping', Target: 'integrations/int1', routeResponses: [{ RouteResponseKey: '$default' }] }],
});

describe('evaluate', () => {
  test('a finding carries the contract fields, its ARN and every enclosing id', () => {
    const [finding] = evaluate(demo, [{ rule: IR004 }]).findings;
    expect(finding).toEqual({
      ruleId: 'IR004',
      rule: 'ir-response-param-key-invalid',
      ruleKind: 'certain',
      severity: 'high',
      title: IR004.meta.title,
      message: expect.stringContaining('"bad.key"'),
      resource: {
        type: 'IntegrationResponse',
        arn: 'arn:aws:apigateway:eu-west-1::/apis/api1/integrations/int1/integrationresponses/resp1',
        accountId: '123456789012',
        region: 'eu-west-1',
        apiId: 'api1',
        apiName: 'chat',
        protocolType: 'WEBSOCKET',
        integrationId: 'int1',
        integrationResponseId: 'resp1',
        integrationResponseKey: '$default',
        routeId: 'route1',
        routeKey: 'ping',
      },
      path: 'ResponseParameters["bad.key"]',
      remediation: IR004.meta.remediation,
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });

  test('a crashing rule becomes an engine error naming the rule and resource; other rules still run', () => {
    const { findings, errors } = evaluate(demo, [{ rule: crashing }, { rule: IR004 }]);
    expect(findings.map((f) => f.ruleId)).toEqual(['IR004']);
    expect(errors).toEqual([{ source: 'engine', ruleId: 'IR998', apiId: 'api1', arn: expect.stringContaining('/integrationresponses/resp1'), message: 'rule IR998 crashed: boom' }]);
  });

  test('a severity override replaces the rule severity', () => {
    expect(evaluate(demo, [{ rule: IR004, severityOverride: 'info' }]).findings[0]?.severity).toBe('info');
  });

  test('findings below the minimum severity are left out, and a rule configured below it does not run', () => {
    const bySeverity = defineRule({
      meta: { ...meta, id: 'IR996', name: 'by-severity' },
      check: { api: () => [{ path: 'Name', message: 'high', severity: 'high' }, { path: 'ProtocolType', message: 'low', severity: 'low' }] },
    });
    expect(evaluate(demo, [{ rule: bySeverity }], 'medium').findings.map((f) => f.message)).toEqual(['high']);
    expect(evaluate(demo, [{ rule: bySeverity }], 'low').findings.map((f) => f.message)).toEqual(['high', 'low']);
    const quietCrash = evaluate(demo, [{ rule: crashing, severityOverride: 'low' }, { rule: IR004 }], 'high');
    expect(quietCrash.errors).toEqual([]);
    expect(quietCrash.findings.map((f) => f.ruleId)).toEqual(['IR004']);
  });

  test('the same problem reported twice is one finding', () => {
    const twice = defineRule({ meta: { ...meta, id: 'IR997', name: 'twice' }, check: { api: () => [{ path: 'Name', message: 'a' }, { path: 'Name', message: 'a' }] } });
    expect(evaluate(demo, [{ rule: twice }]).findings).toHaveLength(1);
  });

  test('findings are sorted by API, severity, rule, resource and path whatever the input order', () => {
    const two = snapshot({ routes: [{ RouteKey: 'b' }, { RouteKey: 'a' }, { RouteKey: 'c' }] });
    const reversed: Snapshot = { ...two, apis: two.apis.map((api) => ({ ...api, routes: [...api.routes].reverse() })) };
    const order = (s: Snapshot) => evaluate(s, [{ rule: everyRoute }, { rule: IR004 }]).findings.map((f) => f.resource.arn);
    expect(order(two)).toEqual(order(reversed));
    expect(order(two)).toEqual([...order(two)].sort());
  });
});

/** Arbitrary JSON-shaped resources: the values a hand-written snapshot may hold in any field. */
const jsonValue = fc.jsonValue({ maxDepth: 3 });
const fields = (names: string[]) => fc.dictionary(fc.constantFrom(...names), jsonValue, { maxKeys: names.length });
const arbitraryApi = fc.record({
  ApiId: fc.string({ minLength: 1, maxLength: 6 }),
  base: fields(['ProtocolType', 'RouteSelectionExpression', 'CorsConfiguration', 'Name']),
  protocol: fc.constantFrom('WEBSOCKET', 'HTTP', undefined),
  integrations: fc.array(
    fc.record({
      IntegrationId: fc.string({ minLength: 1, maxLength: 4 }),
      base: fields(['IntegrationType', 'IntegrationUri', 'ResponseParameters', 'ContentHandlingStrategy', 'PayloadFormatVersion', 'TemplateSelectionExpression', 'IntegrationResponseSelectionExpression', 'RequestTemplates']),
      type: fc.constantFrom('AWS', 'AWS_PROXY', 'HTTP', 'HTTP_PROXY', 'MOCK'),
      integrationResponses: fc.array(fc.record({ IntegrationResponseId: fc.string({ minLength: 1, maxLength: 4 }), base: fields(['IntegrationResponseKey', 'ResponseParameters', 'ResponseTemplates', 'TemplateSelectionExpression', 'ContentHandlingStrategy']) }), { maxLength: 3 }),
    }),
    { maxLength: 3 },
  ),
  routes: fc.array(
    fc.record({
      RouteId: fc.string({ minLength: 1, maxLength: 4 }),
      base: fields(['RouteKey', 'Target', 'RouteResponseSelectionExpression']),
      routeResponses: fc.array(fc.record({ RouteResponseId: fc.string({ minLength: 1, maxLength: 4 }), base: fields(['RouteResponseKey', 'ModelSelectionExpression', 'ResponseParameters']) }), { maxLength: 2 }),
    }),
    { maxLength: 3 },
  ),
});

type ArbitraryApi = typeof arbitraryApi extends fc.Arbitrary<infer T> ? T : never;

const toSnapshot = (api: ArbitraryApi): Snapshot => ({
  apis: [
    {
      ...api.base,
      ...(api.protocol ? { ProtocolType: api.protocol } : {}),
      ApiId: api.ApiId,
      integrations: api.integrations.map((i) => ({ ...i.base, IntegrationType: i.type, IntegrationId: i.IntegrationId, integrationResponses: i.integrationResponses.map((r) => ({ ...r.base, IntegrationResponseId: r.IntegrationResponseId })) })),
      routes: api.routes.map((r) => ({ ...r.base, RouteId: r.RouteId, routeResponses: r.routeResponses.map((rr) => ({ ...rr.base, RouteResponseId: rr.RouteResponseId })) })),
    },
  ],
});

describe('engine properties', () => {
  const everyRule = RULES.map((rule) => ({ rule }));

  test('no rule throws on arbitrary JSON-shaped API data', () => {
    fc.assert(
      fc.property(arbitraryApi, (api) => {
        expect(evaluate(toSnapshot(api), everyRule).errors).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test('fingerprints are stable across runs and independent of resource order', () => {
    fc.assert(
      fc.property(arbitraryApi, (api) => {
        const snapshot = toSnapshot(api);
        const reordered: Snapshot = { apis: snapshot.apis.map((a) => ({ ...a, integrations: [...a.integrations].reverse(), routes: [...a.routes].reverse() })) };
        const prints = (s: Snapshot) => evaluate(s, everyRule).findings.map((f) => f.fingerprint).sort();
        expect(prints(snapshot)).toEqual(prints(snapshot));
        expect(prints(reordered)).toEqual(prints(snapshot));
      }),
      { numRuns: 200 },
    );
  });
});

import { evaluate } from '../../lib/engine/evaluate';
import { assemble } from '../../lib/iac/assemble';
import { readCloudFormation } from '../../lib/iac/cloudformation/read-template';
import { guardRules } from '../../lib/iac/unresolved-guard';
import { apiFromSketch } from '../../lib/model/sketch';
import { markUnknown, Unresolved } from '../../lib/model/unresolved';
import { RULES } from '../../lib/rules';
import { IR004 } from '../../lib/rules/ir/IR004';
import { IR013 } from '../../lib/rules/ir/IR013';
import { IR014 } from '../../lib/rules/ir/IR014';
import { RR006 } from '../../lib/rules/rr/RR006';
import { entriesOf, isPlainObject, isSet, show, text } from '../../lib/rules/values';
import { readFileSync } from 'node:fs';
import { FIXTURES, scanAll } from './scan-support';

const FIXTURE = `${FIXTURES}/cloudformation/unresolved-references.yaml`;

describe('values a scan cannot resolve never create findings', () => {
  test('the fixture reports only the mistake written out in full, and counts what it could not see', async () => {
    const result = await scanAll(FIXTURE);
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => `${f.ruleId} ${f.resource.logicalId} ${f.path}`)).toEqual(['IR004 Response ResponseParameters["method.response.headr.X-Typo"]']);
    expect(result.summary.unresolved).toBe(12);
    expect(result.unresolved.map((value) => `${value.resource}.${value.path}`)).toEqual(
      expect.arrayContaining(['Integration.ApiId', 'Integration.IntegrationType', 'Response.ContentHandlingStrategy', 'Response.ResponseParameters["method.response.header.X-Stage"]', 'ImportedIntegrationResponse.IntegrationId']),
    );
    expect(result.summary.withheld).toBeGreaterThan(0);
  });

  test('without the guard the same rules would report on the unresolved values', () => {
    const { snapshot } = assemble(readCloudFormation(readFileSync(FIXTURE, 'utf8'), FIXTURE));
    const unguarded = evaluate(snapshot, RULES.map((rule) => ({ rule })));
    const guarded = evaluate(snapshot, guardRules(RULES.map((rule) => ({ rule })), { withheld: 0 }));
    expect(unguarded.findings.length).toBeGreaterThan(guarded.findings.length);
    expect(guarded.findings.map((f) => f.ruleId)).toEqual(['IR004']);
  });

  test('values.ts sees an unresolved value as set, not a string and not a map', () => {
    const value = new Unresolved('!ImportValue x');
    expect(text(value)).toBeUndefined();
    expect(isSet(value)).toBe(true);
    expect(isPlainObject(value)).toBe(false);
    expect(entriesOf(value)).toEqual([]);
    expect(show(value)).toBe('(unresolved !ImportValue x)');
  });
});

describe('guardRules', () => {
  const run = (rule: typeof IR004, sketch: Parameters<typeof apiFromSketch>[0], mark?: (api: ReturnType<typeof apiFromSketch>) => void) => {
    const api = apiFromSketch(sketch);
    mark?.(api);
    const stats = { withheld: 0 };
    const { findings } = evaluate({ apis: [api] }, guardRules([{ rule }], stats));
    return { paths: findings.map((f) => f.path), withheld: stats.withheld };
  };
  const websocketMock = (response: Record<string, unknown>) => ({ ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ...response }] }] });

  test('a problem at another entry of a listed map stands; one at the unresolved entry is withheld', () => {
    const result = run(IR004, websocketMock({ ResponseParameters: { 'method.response.headr.A': "'1'", 'method.response.headr.B': new Unresolved('!Sub ...') } }));
    expect(result.paths).toEqual(['ResponseParameters["method.response.headr.A"]']);
    expect(result.withheld).toBe(1);
  });

  test('a problem whose check read an unresolved field directly is withheld', () => {
    expect(run(IR014, websocketMock({}), undefined).paths).toEqual(['ContentHandlingStrategy']);
    expect(run(IR014, { ...websocketMock({}), ProtocolType: new Unresolved('!If ...') }).paths).toEqual([]);
    expect(run(IR014, { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: new Unresolved('var.type'), integrationResponses: [{ IntegrationResponseKey: '$default' }] }] }).paths).toEqual([]);
  });

  test('a field marked unknown (a placeholder, an incomplete list) counts as unresolved', () => {
    expect(run(IR014, websocketMock({}), (api) => markUnknown(api.integrations[0]!, '*')).paths).toEqual([]);
    expect(run(IR014, websocketMock({}), (api) => markUnknown(api, 'ProtocolType')).paths).toEqual([]);
  });

  test('IR013 does not depend on the service an AWS integration calls: a URI whose region is unknown withholds nothing', () => {
    const dynamo = {
      ProtocolType: 'WEBSOCKET',
      integrations: [{ IntegrationType: 'AWS', IntegrationUri: new Unresolved('!Sub arn:aws:apigateway:${AWS::Region}:dynamodb:action/PutItem'), integrationResponses: [{ IntegrationResponseKey: '/200/' }] }],
      routes: [{ RouteKey: 'put', Target: 'integrations/i1', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }],
    };
    expect(run(IR013, dynamo)).toEqual({ paths: ['integrationResponses'], withheld: 0 });
  });

  test('a route an integration check reaches through the routes targeting it is watched too', () => {
    // IR013 asks whether a route is two-way: not when its key is $disconnect.
    const twoWay = (routeKey: unknown) => ({
      ProtocolType: 'WEBSOCKET',
      integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '/2\\d\\d/' }] }],
      routes: [{ RouteKey: routeKey, Target: 'integrations/i1', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }],
    });
    expect(run(IR013, twoWay('order'))).toEqual({ paths: ['integrationResponses'], withheld: 0 });
    expect(run(IR013, twoWay(new Unresolved('var.route_key')))).toEqual({ paths: [], withheld: 1 });
  });

  test('RR006 trusts a missing integration only when the API\'s integrations are all known', () => {
    const typo = { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'AWS_PROXY' }], routes: [{ RouteKey: 'send', Target: 'integrations/i9' }] };
    expect(run(RR006, typo).paths).toEqual(['Target']);
    expect(run(RR006, typo, (api) => markUnknown(api, 'integrations'))).toEqual({ paths: [], withheld: 1 });
    expect(run(RR006, { ...typo, routes: [{ RouteKey: 'send', Target: new Unresolved('var.target') }] }).paths).toEqual([]);
  });
});

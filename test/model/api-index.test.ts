import { ApiIndex } from '../../lib/model/api-index';
import { apiFromSketch } from '../../lib/model/sketch';

const api = apiFromSketch({
  ProtocolType: 'WEBSOCKET',
  integrations: [
    { IntegrationId: 'a', integrationResponses: [{ IntegrationResponseKey: '/4\\d\\d/' }, { IntegrationResponseKey: '$default' }, { IntegrationResponseKey: '$default' }] },
    { IntegrationId: 'b', integrationResponses: [{ IntegrationResponseKey: '/5\\d\\d/' }] },
    { IntegrationId: 'a' },
  ],
  routes: [
    { RouteId: 'r1', Target: 'integrations/a' },
    { RouteId: 'r2', Target: 'integrations/b' },
    { RouteId: 'r3', Target: 'integrations/a' },
    { RouteId: 'r4', Target: 'integrations/zz' },
    { RouteId: 'r5', Target: 42 },
    { RouteId: 'r6' },
  ],
});
const [a, b, duplicate] = api.integrations;
const index = new ApiIndex(api);

describe('ApiIndex', () => {
  test('routes by target, in the API order', () => {
    expect(index.routesTargeting(a!).map((route) => route.RouteId)).toEqual(['r1', 'r3']);
    expect(index.routesTargeting(b!).map((route) => route.RouteId)).toEqual(['r2']);
  });

  test('a route reaches the first integration with its id, and nothing for a missing or odd target', () => {
    expect(index.targetOf(api.routes[0]!)).toBe(a);
    expect(index.integration('a')).toBe(a);
    expect(index.integration('a')).not.toBe(duplicate);
    for (const route of api.routes.slice(3)) expect(index.targetOf(route)).toBeUndefined();
  });

  test('the first $default response of an integration, or none', () => {
    expect(index.defaultResponseOf(a!)).toBe(a!.integrationResponses[1]);
    expect(index.defaultResponseOf(b!)).toBeUndefined();
  });

  test('derive computes once per resource and analysis', () => {
    let calls = 0;
    const count = (integration: { integrationResponses: unknown[] }) => {
      calls += 1;
      return integration.integrationResponses.length;
    };
    expect(index.derive(a!, count)).toBe(3);
    expect(index.derive(a!, count)).toBe(3);
    expect(index.derive(b!, count)).toBe(1);
    expect(calls).toBe(2);
    expect(new ApiIndex(api).derive(a!, count)).toBe(3);
    expect(calls).toBe(3);
  });
});

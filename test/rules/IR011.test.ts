import { IR011 } from '../../lib/rules/ir/IR011';
import { ruleTable } from '../support/rule-table';

const twoWay = (RouteKey: string) => ({ RouteKey, Target: 'integrations/i1', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] });
const oneWay = (RouteKey: string, extra: Record<string, unknown> = {}) => ({ RouteKey, Target: 'integrations/i1', ...extra });
const api = (routes: Record<string, unknown>[], IntegrationType = 'MOCK', keys = ['$default'], ProtocolType = 'WEBSOCKET') => ({
  ProtocolType,
  integrations: [{ IntegrationType, integrationResponses: keys.map((IntegrationResponseKey) => ({ IntegrationResponseKey })) }],
  routes,
});

ruleTable(IR011, {
  fires: [
    { name: 'one one-way route', api: api([oneWay('ping')]), expect: [{ at: 'ir1', path: 'IntegrationResponseKey', message: '"ping") is one-way' }] },
    {
      name: 'a route response selection expression alone is not two-way',
      api: api([oneWay('ping', { RouteResponseSelectionExpression: '$default' })], 'HTTP'),
      expect: [{ at: 'ir1', path: 'IntegrationResponseKey' }],
    },
    {
      name: 'one finding per integration response, several one-way routes',
      api: api([oneWay('$connect'), oneWay('send')], 'AWS', ['$default', '/.*Error.*/']),
      expect: [
        { at: 'ir1', path: 'IntegrationResponseKey', message: '"$connect", "send"' },
        { at: 'ir2', path: 'IntegrationResponseKey' },
      ],
    },
    {
      name: '$disconnect with another one-way route',
      api: api([oneWay('$disconnect'), oneWay('send')]),
      expect: [{ at: 'ir1', path: 'IntegrationResponseKey' }],
    },
    {
      name: 'a route response on $disconnect does not make it two-way',
      api: api([twoWay('$disconnect'), oneWay('send')]),
      expect: [{ at: 'ir1', path: 'IntegrationResponseKey' }],
    },
  ],
  quiet: [
    { name: 'a two-way route', api: api([twoWay('ping')]) },
    { name: 'a route response without a selection expression is two-way', api: api([{ RouteKey: 'ping', Target: 'integrations/i1', routeResponses: [{ RouteResponseKey: '$default' }] }]) },
    { name: 'one two-way route among one-way ones', api: api([oneWay('a'), twoWay('b')]) },
    { name: 'only $disconnect (IR015, not this rule)', api: api([oneWay('$disconnect')]) },
    { name: 'no routes (orphan integration)', api: api([]) },
    { name: 'proxy integration (IR009)', api: api([oneWay('ping')], 'AWS_PROXY') },
    { name: 'HTTP API (IR010)', api: api([oneWay('GET /x')], 'HTTP_PROXY', ['$default'], 'HTTP') },
    { name: 'no integration responses', api: api([oneWay('ping')], 'MOCK', []) },
    {
      name: 'routes of another integration do not count',
      api: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default' }] }, { IntegrationType: 'MOCK' }], routes: [twoWay('a'), { RouteKey: 'b', Target: 'integrations/i2' }] },
    },
  ],
});

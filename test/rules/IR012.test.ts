import { IR012 } from '../../lib/rules/ir/IR012';
import { ruleTable } from '../support/rule-table';

const twoWay = { RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] };
const api = (integration: Record<string, unknown>, route: Record<string, unknown>, ProtocolType = 'WEBSOCKET') => ({
  ProtocolType,
  integrations: [integration],
  routes: [{ RouteKey: 'ping', Target: 'integrations/i1', ...route }],
});

ruleTable(IR012, {
  fires: [
    { name: 'MOCK without responses', api: api({ IntegrationType: 'MOCK' }, twoWay), expect: [{ at: 'r1', path: 'Target', message: 'MOCK integration "i1"' }] },
    { name: 'Lambda (AWS) without responses', api: api({ IntegrationType: 'AWS' }, twoWay), expect: [{ at: 'r1', path: 'Target', message: '"ping"' }] },
    { name: 'route response without a selection expression', api: api({ IntegrationType: 'HTTP' }, { routeResponses: [{ RouteResponseKey: '$default' }] }), expect: [{ at: 'r1', path: 'Target' }] },
    {
      name: 'each two-way route of the integration',
      api: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'HTTP' }], routes: [{ RouteKey: 'a', Target: 'integrations/i1', ...twoWay }, { RouteKey: 'b', Target: 'integrations/i1', ...twoWay }, { RouteKey: 'c', Target: 'integrations/i1' }] },
      expect: [
        { at: 'r1', path: 'Target' },
        { at: 'r2', path: 'Target' },
      ],
    },
  ],
  quiet: [
    { name: 'has an integration response', api: api({ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default' }] }, twoWay) },
    { name: 'one-way route', api: api({ IntegrationType: 'MOCK' }, {}) },
    { name: 'selection expression alone (one-way)', api: api({ IntegrationType: 'MOCK' }, { RouteResponseSelectionExpression: '$default' }) },
    { name: 'proxy integration', api: api({ IntegrationType: 'AWS_PROXY' }, twoWay) },
    { name: '$disconnect is never two-way', api: api({ IntegrationType: 'MOCK' }, { RouteKey: '$disconnect', ...twoWay }) },
    { name: 'HTTP API', api: api({ IntegrationType: 'HTTP' }, twoWay, 'HTTP') },
    { name: 'target not in the snapshot', api: api({ IntegrationType: 'MOCK' }, { Target: 'integrations/gone', ...twoWay }) },
    { name: 'no target', api: api({ IntegrationType: 'MOCK' }, { Target: null, ...twoWay }) },
  ],
});

import { RR102 } from '../../lib/rules/rr/RR102';
import { ruleTable } from '../support/rule-table';

const api = (integration: Record<string, unknown>, route: Record<string, unknown>, protocol = 'WEBSOCKET') => ({
  ProtocolType: protocol,
  integrations: [integration],
  routes: [{ RouteKey: 'sendmessage', Target: 'integrations/i1', ...route }],
});
const proxy = { IntegrationType: 'AWS_PROXY' };
const proxyWithResponse = { IntegrationType: 'AWS_PROXY', integrationResponses: [{ IntegrationResponseKey: '$default' }] };

ruleTable(RR102, {
  fires: [
    {
      name: 'AWS_PROXY route with an expression but no route response',
      api: api(proxy, { RouteResponseSelectionExpression: '$default' }),
      expect: [{ at: 'r1', path: 'RouteResponseSelectionExpression', message: 'RouteResponseSelectionExpression "$default"' }],
    },
    {
      name: 'AWS_PROXY integration with an integration response',
      api: api(proxyWithResponse, {}),
      expect: [{ at: 'r1', path: 'Target', message: '1 integration response(s) on its AWS_PROXY integration' }],
    },
    {
      name: 'HTTP_PROXY with both hints',
      api: api({ ...proxyWithResponse, IntegrationType: 'HTTP_PROXY' }, { RouteKey: '$default', RouteResponseSelectionExpression: '$default' }),
      expect: [{ at: 'r1', path: 'RouteResponseSelectionExpression', message: 'and 1 integration response(s)' }],
    },
  ],
  quiet: [
    { name: 'plain one-way proxy route (chat app)', api: api(proxy, {}) },
    { name: 'two-way proxy route', api: api(proxyWithResponse, { RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }) },
    { name: 'two-way without an expression', api: api(proxy, { routeResponses: [{ RouteResponseKey: '$default' }] }) },
    { name: '$connect', api: api(proxyWithResponse, { RouteKey: '$connect', RouteResponseSelectionExpression: '$default' }) },
    { name: '$disconnect', api: api(proxyWithResponse, { RouteKey: '$disconnect', RouteResponseSelectionExpression: '$default' }) },
    { name: 'non-proxy integration', api: api({ IntegrationType: 'AWS', integrationResponses: [{ IntegrationResponseKey: '$default' }] }, { RouteResponseSelectionExpression: '$default' }) },
    { name: 'HTTP API proxy route', api: api(proxyWithResponse, { RouteKey: 'GET /x' }, 'HTTP') },
    { name: 'route whose target is not in the snapshot', api: { ProtocolType: 'WEBSOCKET', routes: [{ RouteKey: 'x', Target: 'integrations/gone', RouteResponseSelectionExpression: '$default' }] } },
  ],
});

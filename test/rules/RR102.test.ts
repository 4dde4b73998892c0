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
      name: 'AWS_PROXY integration with an integration response',
      api: api(proxyWithResponse, {}),
      expect: [{ at: 'r1', path: 'Target', message: 'its AWS_PROXY integration has 1 integration response(s)' }],
    },
    {
      name: 'HTTP_PROXY on the $default route',
      api: api({ ...proxyWithResponse, IntegrationType: 'HTTP_PROXY' }, { RouteKey: '$default' }),
      expect: [{ at: 'r1', path: 'Target', message: 'HTTP_PROXY' }],
    },
  ],
  quiet: [
    { name: 'plain one-way proxy route (chat app)', api: api(proxy, {}) },
    { name: 'an expression without a route response is RR101\'s finding', api: api(proxyWithResponse, { RouteResponseSelectionExpression: '$default' }) },
    { name: 'two-way proxy route', api: api(proxyWithResponse, { RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }) },
    { name: 'two-way without an expression', api: api(proxy, { routeResponses: [{ RouteResponseKey: '$default' }] }) },
    { name: '$connect', api: api(proxyWithResponse, { RouteKey: '$connect', RouteResponseSelectionExpression: '$default' }) },
    { name: '$disconnect', api: api(proxyWithResponse, { RouteKey: '$disconnect', RouteResponseSelectionExpression: '$default' }) },
    { name: 'non-proxy integration', api: api({ IntegrationType: 'AWS', integrationResponses: [{ IntegrationResponseKey: '$default' }] }, { RouteResponseSelectionExpression: '$default' }) },
    { name: 'HTTP API proxy route', api: api(proxyWithResponse, { RouteKey: 'GET /x' }, 'HTTP') },
    { name: 'route whose target is not in the snapshot', api: { ProtocolType: 'WEBSOCKET', routes: [{ RouteKey: 'x', Target: 'integrations/gone', RouteResponseSelectionExpression: '$default' }] } },
  ],
});

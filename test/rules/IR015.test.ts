import { IR015 } from '../../lib/rules/ir/IR015';
import { ruleTable } from '../support/rule-table';

const route = (RouteKey: string, extra: Record<string, unknown> = {}) => ({ RouteKey, Target: 'integrations/i1', ...extra });
const api = (routes: Record<string, unknown>[], IntegrationType = 'AWS', keys = ['$default']) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType, integrationResponses: keys.map((IntegrationResponseKey) => ({ IntegrationResponseKey })) }],
  routes,
});

ruleTable(IR015, {
  fires: [
    { name: 'AWS integration on $disconnect', api: api([route('$disconnect')]), expect: [{ at: 'ir1', path: 'IntegrationResponseKey', message: 'only $disconnect' }] },
    {
      name: 'even with a route response on $disconnect',
      api: api([route('$disconnect', { RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] })], 'MOCK'),
      expect: [{ at: 'ir1', path: 'IntegrationResponseKey' }],
    },
    {
      name: 'one finding per integration response',
      api: api([route('$disconnect')], 'HTTP', ['$default', '/5\\d\\d/']),
      expect: [
        { at: 'ir1', path: 'IntegrationResponseKey' },
        { at: 'ir2', path: 'IntegrationResponseKey', message: '"/5\\\\d\\\\d/"' },
      ],
    },
  ],
  quiet: [
    { name: '$disconnect shared with another route', api: api([route('$disconnect'), route('send')]) },
    { name: 'a non-$disconnect route', api: api([route('$connect')]) },
    { name: 'proxy integration (IR009)', api: api([route('$disconnect')], 'AWS_PROXY') },
    { name: 'no integration responses', api: api([route('$disconnect')], 'AWS', []) },
    { name: 'no routes', api: api([]) },
  ],
});

import { IR009 } from '../../lib/rules/ir/IR009';
import { ruleTable } from '../support/rule-table';

const api = (IntegrationType: unknown, keys: string[], ProtocolType = 'WEBSOCKET') => ({
  ProtocolType,
  integrations: [{ IntegrationType, integrationResponses: keys.map((IntegrationResponseKey) => ({ IntegrationResponseKey })) }],
  routes: [{ RouteKey: 'send', Target: 'integrations/i1', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }],
});

ruleTable(IR009, {
  fires: [
    { name: 'AWS_PROXY', api: api('AWS_PROXY', ['$default']), expect: [{ at: 'ir1', path: 'IntegrationResponseKey', message: 'AWS_PROXY is a proxy integration' }] },
    { name: 'HTTP_PROXY', api: api('HTTP_PROXY', ['$default']), expect: [{ at: 'ir1', path: 'IntegrationResponseKey', message: 'HTTP_PROXY' }] },
    {
      name: 'one finding per integration response',
      api: api('AWS_PROXY', ['$default', '/4\\d\\d/']),
      expect: [
        { at: 'ir1', path: 'IntegrationResponseKey', message: '"$default"' },
        { at: 'ir2', path: 'IntegrationResponseKey', message: '"/4\\\\d\\\\d/"' },
      ],
    },
  ],
  quiet: [
    { name: 'AWS (non-proxy)', api: api('AWS', ['$default']) },
    { name: 'HTTP (non-proxy)', api: api('HTTP', ['$default']) },
    { name: 'MOCK', api: api('MOCK', ['$default']) },
    { name: 'proxy without integration responses', api: api('AWS_PROXY', []) },
    { name: 'lower-case type is not a proxy type', api: api('aws_proxy', ['$default']) },
    { name: 'missing type', api: api(undefined, ['$default']) },
    { name: 'proxy on an HTTP API (IR010 reports it: one finding per mistake)', api: api('HTTP_PROXY', ['$default'], 'HTTP') },
  ],
});

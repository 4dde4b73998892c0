import { IR010 } from '../../lib/rules/ir/IR010';
import { ruleTable } from '../support/rule-table';

const api = (ProtocolType: unknown, integrations: { IntegrationType: string; keys: string[] }[]) => ({
  ProtocolType,
  integrations: integrations.map(({ IntegrationType, keys }) => ({ IntegrationType, integrationResponses: keys.map((IntegrationResponseKey) => ({ IntegrationResponseKey })) })),
});

ruleTable(IR010, {
  fires: [
    { name: 'HTTP_PROXY on an HTTP API', api: api('HTTP', [{ IntegrationType: 'HTTP_PROXY', keys: ['$default'] }]), expect: [{ at: 'ir1', path: 'IntegrationResponseKey', message: 'HTTP APIs' }] },
    {
      name: 'every integration response of every integration',
      api: api('HTTP', [
        { IntegrationType: 'AWS_PROXY', keys: ['$default', '/5\\d\\d/'] },
        { IntegrationType: 'HTTP_PROXY', keys: [] },
        { IntegrationType: 'HTTP', keys: ['$default'] },
      ]),
      expect: [
        { at: 'ir1', path: 'IntegrationResponseKey' },
        { at: 'ir2', path: 'IntegrationResponseKey' },
        { at: 'ir3', path: 'IntegrationResponseKey' },
      ],
    },
  ],
  quiet: [
    { name: 'WebSocket API', api: api('WEBSOCKET', [{ IntegrationType: 'HTTP', keys: ['$default'] }]) },
    { name: 'HTTP API without integration responses', api: api('HTTP', [{ IntegrationType: 'HTTP_PROXY', keys: [] }]) },
    { name: 'missing protocol type', api: api(undefined, [{ IntegrationType: 'HTTP', keys: ['$default'] }]) },
    { name: 'lower-case protocol type', api: api('http', [{ IntegrationType: 'HTTP_PROXY', keys: ['$default'] }]) },
  ],
});

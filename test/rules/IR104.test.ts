import { IR104 } from '../../lib/rules/ir/IR104';
import { ruleTable } from '../support/rule-table';

const withKeys = (...keys: unknown[]) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'HTTP', integrationResponses: keys.map((IntegrationResponseKey) => ({ IntegrationResponseKey })) }],
});

ruleTable(IR104, {
  fires: [
    { name: '.* without $default', api: withKeys('/.*/'), expect: [{ at: 'ir1', path: 'IntegrationResponseKey', message: '"/.*/" matches like a catch-all' }] },
    {
      name: 'every catch-all body the catalog lists',
      api: withKeys('/.+/', '/\\d+/', '/[0-9]+/', '/\\d{3}/', '/.../'),
      expect: ['ir1', 'ir2', 'ir3', 'ir4', 'ir5'].map((at) => ({ at, path: 'IntegrationResponseKey', message: 'no $default response' })),
    },
    { name: 'only the catch-all of several', api: withKeys('/4\\d\\d/', '/.*/'), expect: [{ at: 'ir2', path: 'IntegrationResponseKey' }] },
  ],
  quiet: [
    { name: 'a catch-all next to $default', api: withKeys('/.*/', '$default') },
    { name: 'specific patterns', api: withKeys('/.*NotFound.*/', '/2\\d\\d/', '/4\\d\\d/') },
    { name: 'catch-alls written differently are not in the catalog list', api: withKeys('/^.*$/', '/[0-9]{3}/', '/(.*)/') },
    { name: 'the documented catch-all', api: withKeys('$default') },
    { name: 'a catch-all body without slashes (IR001)', api: withKeys('.*') },
  ],
});

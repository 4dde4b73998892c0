import { IR101 } from '../../lib/rules/ir/IR101';
import { ruleTable } from '../support/rule-table';

const withKeys = (IntegrationType: string, ...keys: unknown[]) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType, integrationResponses: keys.map((IntegrationResponseKey) => ({ IntegrationResponseKey })) }],
});

ruleTable(IR101, {
  fires: [
    { name: 'letters where digits belong', api: withKeys('HTTP', '/2xx/'), expect: [{ at: 'ir1', path: 'IntegrationResponseKey', message: 'fully matches no status code from 100 to 599' }] },
    { name: 'a code above 599 on MOCK', api: withKeys('MOCK', '/600/'), expect: [{ at: 'ir1', path: 'IntegrationResponseKey', message: '"/600/" of the MOCK integration' }] },
    { name: 'four digits', api: withKeys('HTTP', '/4\\d{3}/'), expect: [{ at: 'ir1', path: 'IntegrationResponseKey' }] },
    {
      name: 'matches only part of a code: info, since anchoring is unsourced',
      api: withKeys('HTTP', '/2\\d/'),
      expect: [{ at: 'ir1', path: 'IntegrationResponseKey', severity: 'info', message: 'matches only part of "120"' }],
    },
    {
      name: 'Java-only \\A and \\Z that JavaScript reads as letters: info',
      api: withKeys('HTTP', '/\\A2\\d\\d\\Z/'),
      expect: [{ at: 'ir1', path: 'IntegrationResponseKey', severity: 'info', message: 'Java-only \\A' }],
    },
    { name: 'a literal code that is only part of one: info', api: withKeys('MOCK', '/20/'), expect: [{ at: 'ir1', path: 'IntegrationResponseKey', severity: 'info', message: 'part of "120"' }] },
    { name: 'a literal code too long for any', api: withKeys('MOCK', '/2000/'), expect: [{ at: 'ir1', path: 'IntegrationResponseKey', severity: 'medium' }] },
    { name: 'only the dead key of several', api: withKeys('HTTP', '$default', '/2\\d\\d/', '/error/'), expect: [{ at: 'ir3', path: 'IntegrationResponseKey', severity: 'medium' }] },
  ],
  quiet: [
    { name: 'status patterns the docs and CDK use', api: withKeys('HTTP', '/2\\d\\d/', '/4\\d\\d/', '/2\\d{2}/', '/200/', '/[1-5]\\d\\d/', '/(400|404)/', '/^5\\d\\d$/') },
    { name: 'catch-all patterns', api: withKeys('MOCK', '/.*/', '/.+/') },
    { name: '$default and keys without slashes (IR001)', api: withKeys('HTTP', '$default', '200', '2xx') },
    { name: 'Lambda and other AWS integrations match error messages, not codes', api: withKeys('AWS', '/.*NotFound.*/', '/2xx/') },
    { name: 'proxy integrations (IR009)', api: withKeys('HTTP_PROXY', '/2xx/') },
    { name: 'a pattern JavaScript cannot compile (IR002)', api: withKeys('HTTP', '/(2\\d\\d/') },
    { name: 'a possessive Java pattern JavaScript cannot compile', api: withKeys('HTTP', '/5\\d*+x/') },
    { name: 'keys of odd types', api: withKeys('HTTP', 200, null, ['/2xx/']) },
    { name: 'no integration responses', api: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'HTTP' }] } },
  ],
});

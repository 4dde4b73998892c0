import { IR001 } from '../../lib/rules/ir/IR001';
import { ruleTable } from '../support/rule-table';

const ws = (...keys: unknown[]) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'HTTP', integrationResponses: keys.map((IntegrationResponseKey) => ({ IntegrationResponseKey })) }],
});

ruleTable(IR001, {
  fires: [
    { name: 'bare status code', api: ws('200'), expect: [{ at: 'ir1', path: 'IntegrationResponseKey', message: '"200"' }] },
    { name: 'bare pattern', api: ws('4\\d\\d'), expect: [{ at: 'ir1', path: 'IntegrationResponseKey', message: '4\\\\d\\\\d' }] },
    { name: 'a number where the key string belongs', api: ws(200), expect: [{ at: 'ir1', path: 'IntegrationResponseKey', message: '200' }] },
    { name: 'one slash only', api: ws('/2\\d\\d'), expect: [{ at: 'ir1', path: 'IntegrationResponseKey' }] },
    { name: 'empty pattern', api: ws('//'), expect: [{ at: 'ir1', path: 'IntegrationResponseKey' }] },
    { name: 'default without the dollar', api: ws('default'), expect: [{ at: 'ir1', path: 'IntegrationResponseKey' }] },
    { name: 'default in another case', api: ws('$Default'), expect: [{ at: 'ir1', path: 'IntegrationResponseKey' }] },
    { name: 'trailing newline after the slashes', api: ws('/200/\n'), expect: [{ at: 'ir1', path: 'IntegrationResponseKey' }] },
    { name: 'the required key missing', api: ws(undefined), expect: [{ at: 'ir1', path: 'IntegrationResponseKey', message: 'no IntegrationResponseKey' }] },
    { name: 'the required key null', api: ws(null), expect: [{ at: 'ir1', path: 'IntegrationResponseKey', message: 'no IntegrationResponseKey' }] },
    {
      name: 'only the bad key of several',
      api: ws('$default', '/4\\d\\d/', '500'),
      expect: [{ at: 'ir3', path: 'IntegrationResponseKey', message: '"500"' }],
    },
  ],
  quiet: [
    { name: '$default', api: ws('$default') },
    { name: 'slashed status patterns (docs and CDK forms)', api: ws('/2\\d\\d/', '/4\\d{2}/', '/200/') },
    { name: 'Lambda error-message pattern', api: ws('/.*NotFound.*/') },
    { name: 'slashes inside the pattern', api: ws('/a/b/') },
    { name: 'a pattern spanning lines', api: ws('/a\nb/') },
    { name: 'an invalid regex is IR002, not this rule', api: ws('/(2\\d\\d/') },
    { name: 'proxy integration and HTTP API alike when the key is valid', api: { ProtocolType: 'HTTP', integrations: [{ IntegrationType: 'HTTP_PROXY', integrationResponses: [{ IntegrationResponseKey: '$default' }] }] } },
  ],
});

import { IR007 } from '../../lib/rules/ir/IR007';
import { ruleTable } from '../support/rule-table';

const LIMIT = 300 * 1024;
const ws = (ResponseTemplates: unknown) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates }] }],
});

ruleTable(IR007, {
  fires: [
    { name: 'one byte over', api: ws({ $default: 'x'.repeat(LIMIT + 1) }), expect: [{ at: 'ir1', path: 'ResponseTemplates["$default"]', message: '307,201 bytes' }] },
    {
      name: 'over in UTF-8 bytes though under in characters',
      api: ws({ 'application/json': 'é'.repeat(LIMIT / 2 + 1) }),
      expect: [{ at: 'ir1', path: 'ResponseTemplates["application/json"]', message: '307,202 bytes' }],
    },
    {
      name: 'only the large template of several',
      api: ws({ $default: '{}', big: 'x'.repeat(LIMIT + 10) }),
      expect: [{ at: 'ir1', path: 'ResponseTemplates["big"]' }],
    },
  ],
  quiet: [
    { name: 'exactly 300 KB', api: ws({ $default: 'x'.repeat(LIMIT) }) },
    { name: 'small template with a trailing newline', api: ws({ $default: '{"ok": true}\n' }) },
    { name: 'a non-string template', api: ws({ $default: 12 }) },
    { name: 'null templates', api: ws(null) },
  ],
});

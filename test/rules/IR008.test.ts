import { IR008 } from '../../lib/rules/ir/IR008';
import { ruleTable } from '../support/rule-table';

const ws = (ResponseTemplates: unknown) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates }] }],
});

ruleTable(IR008, {
  fires: [
    { name: 'one character over', api: ws({ $default: 'x'.repeat(32769) }), expect: [{ at: 'ir1', path: 'ResponseTemplates["$default"]', message: '32,769 characters' }] },
    { name: 'just under 300 KB', api: ws({ 'application/json': 'x'.repeat(300 * 1024) }), expect: [{ at: 'ir1', path: 'ResponseTemplates["application/json"]', message: '307,200 characters' }] },
  ],
  quiet: [
    { name: 'exactly 32,768 characters', api: ws({ $default: 'x'.repeat(32768) }) },
    { name: '32,768 astral symbols (65,536 UTF-16 units)', api: ws({ $default: '😀'.repeat(32768) }) },
    { name: 'above 300 KB is IR007, not this rule', api: ws({ $default: 'x'.repeat(300 * 1024 + 1) }) },
    { name: 'a non-string template', api: ws({ $default: ['x'] }) },
    { name: 'no templates', api: ws(undefined) },
  ],
});

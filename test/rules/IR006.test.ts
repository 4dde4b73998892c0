import { IR006 } from '../../lib/rules/ir/IR006';
import { findingsOf, ruleTable } from '../support/rule-table';

const ws = (ResponseParameters: unknown) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseParameters }] }],
});
const at = (value: unknown) => ws({ 'method.response.header.X': value });
const path = 'ResponseParameters["method.response.header.X"]';
const quoted = (length: number) => `'${'v'.repeat(length - 2)}'`;

ruleTable(IR006, {
  fires: [
    { name: '513 characters', api: at(quoted(513)), expect: [{ at: 'ir1', path, message: '513 characters' }] },
    { name: 'far too long', api: at(quoted(2000)), expect: [{ at: 'ir1', path, message: '2,000 characters' }] },
    { name: 'empty', api: at(''), expect: [{ at: 'ir1', path, message: 'is empty' }] },
    {
      name: 'only the bad values of several',
      api: ws({ 'method.response.header.A': quoted(512), 'method.response.header.B': quoted(600) }),
      expect: [{ at: 'ir1', path: 'ResponseParameters["method.response.header.B"]', message: '600 characters' }],
    },
  ],
  quiet: [
    { name: 'exactly 512 characters', api: at(quoted(512)) },
    { name: 'one character', api: at('x') },
    { name: '512 characters that are astral symbols (1,024 UTF-16 units)', api: at(`'${'😀'.repeat(510)}'`) },
    { name: 'a number is IR005, not this rule', api: at(12345) },
    { name: 'null', api: at(null) },
    { name: 'no response parameters', api: ws(undefined) },
  ],
});

test('the message gives the length, never the value (it may be a key)', () => {
  const [finding] = findingsOf(IR006, at(`'-----BEGIN PRIVATE KEY-----${'A'.repeat(600)}'`));
  expect(finding?.message).not.toContain('BEGIN');
});

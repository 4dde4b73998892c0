import { IR005 } from '../../lib/rules/ir/IR005';
import { findingsOf, ruleTable } from '../support/rule-table';

const ws = (ResponseParameters: unknown) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseParameters }] }],
});
const at = (value: unknown) => ws({ 'method.response.header.X': value });
const path = 'ResponseParameters["method.response.header.X"]';

ruleTable(IR005, {
  fires: [
    { name: 'body expression with $ prefix', api: at('integration.response.body.$.id'), expect: [{ at: 'ir1', path, message: '"integration.response.body.$.id"' }] },
    { name: 'body expression with a bare $', api: at('integration.response.body.$'), expect: [{ at: 'ir1', path, message: '$ prefix' }] },
    { name: 'REST-style context source', api: at('context.requestId'), expect: [{ at: 'ir1', path, message: '"context.requestId"' }] },
    { name: 'selection-expression style reference', api: at('$integration.response.header.X'), expect: [{ at: 'ir1', path, message: '"$integration.response.header.X"' }] },
    { name: 'header source without a name', api: at('integration.response.header.'), expect: [{ at: 'ir1', path }] },
    { name: 'header source with a space', api: at('integration.response.header.X Y'), expect: [{ at: 'ir1', path }] },
    { name: 'body source with an empty path', api: at('integration.response.body.'), expect: [{ at: 'ir1', path }] },
    { name: 'misspelt source', api: at('integration.response.headers.X'), expect: [{ at: 'ir1', path, message: 'integration.response.headers.X' }] },
    { name: 'unquoted static value', api: at('no-store'), expect: [{ at: 'ir1', path, message: 'unquoted static value (8 characters)' }] },
    { name: 'half-quoted static value', api: at("'no-store"), expect: [{ at: 'ir1', path, message: 'single quotes' }] },
    { name: 'double-quoted static value', api: at('"no-store"'), expect: [{ at: 'ir1', path, message: 'unquoted static value' }] },
    { name: 'empty value', api: at(''), expect: [{ at: 'ir1', path, message: 'empty value' }] },
    { name: 'a number', api: at(42), expect: [{ at: 'ir1', path, message: 'maps 42, which is not a string' }] },
    { name: 'an object', api: at({ value: "'x'" }), expect: [{ at: 'ir1', path, message: 'an object' }] },
    {
      name: 'only the bad values of several',
      api: ws({ 'method.response.header.A': "'ok'", 'method.response.header.B': 'integration.response.body.$.b', 'method.response.header.C': 'integration.response.header.C' }),
      expect: [{ at: 'ir1', path: 'ResponseParameters["method.response.header.B"]' }],
    },
  ],
  quiet: [
    { name: 'quoted static value', api: at("'no-store'") },
    { name: 'empty quoted static value', api: at("''") },
    { name: 'static value with quotes and a line break inside', api: at("'a 'b'\nc'") },
    { name: 'header source', api: at('integration.response.header.X-Trace-Id') },
    { name: 'whole body', api: at('integration.response.body') },
    { name: 'body JSON expression without $', api: at('integration.response.body.data.items[0].id') },
    { name: 'body expression with a $ later in the path', api: at('integration.response.body.price$usd') },
    { name: 'null value reads as absent', api: at(null) },
    { name: 'no response parameters', api: ws(undefined) },
    { name: 'response parameters that are not a map', api: ws(['integration.response.body.$.x']) },
  ],
});

test('an unquoted static value is never quoted in the message (it may be a secret)', () => {
  const [finding] = findingsOf(IR005, at('Bearer abcdefghijklmnopqrstuvwxyz0123456789'));
  expect(finding?.message).not.toContain('abcdefgh');
});

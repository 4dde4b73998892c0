import { IR112 } from '../../lib/rules/ir/IR112';
import { ruleTable } from '../support/rule-table';

const template = (text: unknown) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates: { 'application/json': text } }] }],
});
const at = { at: 'ir1', path: 'ResponseTemplates["application/json"]' };

ruleTable(IR112, {
  fires: [
    {
      name: '$input.path inside a JSON string',
      api: template('{"name": "$input.path(\'$.name\')"}'),
      expect: [{ ...at, message: 'Template "application/json" inserts $input.path(...) inside a JSON string on line 1 without $util.escapeJavaScript(...).' }],
    },
    { name: '$input.json inside a JSON string', api: template('{\n  "raw": "$input.json(\'$.a\')"\n}'), expect: [{ ...at, message: '$input.json(...) inside a JSON string on line 2' }] },
    { name: '$util.parseJson inside a JSON string', api: template('{"v": "$util.parseJson($input.body).name"}'), expect: [{ ...at, message: '$util.parseJson(...)' }] },
    { name: 'quiet and braced references, with text around them', api: template('{"msg": "Hello $!{input.path(\'$.n\')}!"}'), expect: [{ ...at, message: '$input.path(...)' }] },
    { name: 'a VTL argument in double quotes', api: template('{"name": "$input.path("$.name")"}'), expect: [{ ...at, message: '$input.path(...)' }] },
    {
      name: 'counts the others',
      api: template('{"a": "$input.path(\'$.a\')", "b": "$util.escapeJavaScript($input.path(\'$.b\'))", "c": "$input.path(\'$.c\')"}'),
      expect: [{ ...at, message: '(and 1 more)' }],
    },
    { name: 'escapeJavaScript that closes before the value', api: template('{"a": "$util.escapeJavaScript($x) $input.path(\'$.a\')"}'), expect: [at] },
  ],
  quiet: [
    { name: 'values outside strings', api: template('{"body": $input.json(\'$\'), "a": $input.path(\'$.a\')}\n') },
    { name: 'wrapped in escapeJavaScript', api: template('{"name": "$util.escapeJavaScript($input.path(\'$.name\'))"}') },
    { name: 'wrapped, with the documented replaceAll', api: template('{"name": "$util.escapeJavaScript($input.path(\'$.name\')).replaceAll("\\\\\'","\'")"}') },
    { name: 'context variables inside strings', api: template('{"message": "connected", "connectionId": "$context.connectionId"}\n') },
    { name: 'VTL strings on directive lines', api: template('#set($n = "$input.path(\'$.n\')")\n{"n": $n}') },
    { name: 'comments and escapes', api: template('## "$input.path(\'$.a\')"\n{"a": "\\$input.path(\'$.a\')"}') },
    { name: 'a template of an odd type', api: template(null) },
  ],
});

import { SEC009 } from '../../lib/rules/sec/SEC009';
import { ruleTable } from '../support/rule-table';

const ws = (ResponseTemplates: Record<string, unknown>, ProtocolType = 'WEBSOCKET') => ({
  ProtocolType,
  integrations: [{ IntegrationType: 'AWS', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates }] }],
});

ruleTable(SEC009, {
  fires: [
    { name: 'raw body in a string', api: ws({ $default: '{"echo": "$input.body"}' }), expect: [{ at: 'ir1', path: 'ResponseTemplates["$default"]', message: '$input.body inside a string literal' }] },
    { name: 'quiet and braced forms', api: ws({ 'application/json': '{"echo": "got: $!{input.body}"}\n' }), expect: [{ at: 'ir1', path: 'ResponseTemplates["application/json"]', message: '$!{input.body}' }] },
    { name: "whole JSON in a string", api: ws({ $default: '{\n  "data": "$input.json(\'$\')"\n}' }), expect: [{ at: 'ir1', path: 'ResponseTemplates["$default"]', message: "$input.json('$') inside a string literal" }] },
    { name: 'base64 decode of response data', api: ws({ $default: '{"data": $util.base64Decode($input.path(\'$.payload\'))}' }), expect: [{ at: 'ir1', path: 'ResponseTemplates["$default"]', message: '$util.base64Decode() of response data' }] },
    {
      name: 'only the unescaped one of two',
      api: ws({ $default: '{"a": "$util.escapeJavaScript($input.body)", "b": "$input.body"}' }),
      expect: [{ at: 'ir1', path: 'ResponseTemplates["$default"]' }],
    },
  ],
  quiet: [
    { name: 'escaped body', api: ws({ $default: '{"echo": "$util.escapeJavaScript($input.body).replaceAll("\\\\\'","\'")"}' }) },
    { name: 'body as a JSON value, not in a string', api: ws({ $default: '{"echo": $input.body}' }) },
    { name: 'whole JSON as a value', api: ws({ $default: '{"data": $input.json(\'$\')}' }) },
    { name: 'a selected field in a string', api: ws({ $default: '{"id": "$input.path(\'$.id\')"}' }) },
    { name: 'escaped base64 decode', api: ws({ $default: '{"d": "$util.escapeJavaScript($util.base64Decode($input.path(\'$.p\')))"}' }) },
    { name: 'base64 decode of a constant', api: ws({ $default: '{"d": "$util.base64Decode(\'aGk=\')"}' }) },
    { name: 'a string closed before the variable', api: ws({ $default: '{"a": "x", "b": $input.body}' }) },
    { name: 'commented out', api: ws({ $default: '## {"echo": "$input.body"}\n#* "$input.body" *#\n{"ok": true}' }) },
    { name: 'a longer variable name', api: ws({ $default: '{"x": "$input.bodyText"}' }) },
    { name: 'non-string template', api: ws({ $default: null }) },
    { name: 'HTTP API', api: ws({ $default: '{"echo": "$input.body"}' }, 'HTTP') },
  ],
});

import { IR111 } from '../../lib/rules/ir/IR111';
import { ruleTable } from '../support/rule-table';

const template = (text: unknown) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates: { $default: text } }] }],
});
const at = { at: 'ir1', path: 'ResponseTemplates["$default"]' };

ruleTable(IR111, {
  fires: [
    { name: '$context.responseOverride', api: template('#set($context.responseOverride.status = 400)\n{}'), expect: [{ ...at, message: '$context.responseOverride (line 1)' }] },
    { name: '$context.requestOverride, quiet and braced', api: template('{"h": "$!{context.requestOverride.header.x}"}'), expect: [{ ...at, message: '$context.requestOverride' }] },
    { name: '$method.*', api: template('{\n"p": "$method.request.path.id"\n}'), expect: [{ ...at, message: '$method.request (line 2)' }] },
    { name: 'an HTTP API context variable', api: template('{"m": "$context.httpMethod"}'), expect: [{ ...at, message: '$context.httpMethod' }] },
    { name: 'an undocumented identity field', api: template('{"c": "$context.identity.clientCert.subjectDN"}'), expect: [{ ...at, message: '$context.identity.clientCert' }] },
    { name: 'a misspelt variable', api: template('{"id": "$context.connectionID"}'), expect: [{ ...at, message: 'Template "$default" uses $context.connectionID (line 1), which' }] },
    {
      name: 'several, each named once with its first line, at most three',
      api: template('{"a": "$method.y",\n"b": "$method.y",\n"c": "$context.path",\n"d": "$context.protocol",\n"e": "$context.httpMethod"}'),
      expect: [{ ...at, message: '$method.y (line 1), $context.path (line 3), $context.protocol (line 4) and 1 more' }],
    },
  ],
  quiet: [
    {
      name: 'documented WebSocket variables',
      api: template(
        '{"id": "$context.connectionId", "at": $context.connectedAt, "ip": "$context.identity.sourceIp", "sub": "$context.authorizer.claims.sub", "p": "$context.authorizer.principalId", "e": "$context.error.messageString", "r": "${context.requestId}", "l": $context.requestId.length(), "body": $input.json(\'$\'), "x": "$util.escapeJavaScript($input.path(\'$.x\'))", "s": "$stageVariables.mode", "b": "$input.body"}\n',
      ),
    },
    { name: '$input.params, which AWS\'s own WebSocket samples use', api: template('{"id": "$input.params(\'id\')", "h": "$input.params().get(\'header\')"}') },
    { name: 'undocumented variables in comments', api: template('## $input.params()\n#* $context.responseOverride.status *#\n{}') },
    { name: 'escaped references', api: template('{"a": "\\$input.params", "b": "\\$context.httpMethod"}') },
    { name: 'bare roots and local variables', api: template('#set($method = "x")\n{"c": "$context", "m": "$method", "i": "$input"}') },
    { name: 'text that only looks like a variable', api: template('{"price": "$5", "mail": "a$context"}') },
    { name: 'a template of an odd type', api: template(['$input.params()']) },
  ],
});

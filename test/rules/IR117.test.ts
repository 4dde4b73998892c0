import { IR117 } from '../../lib/rules/ir/IR117';
import { ruleTable } from '../support/rule-table';

const templates = (ResponseTemplates: unknown) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates }] }],
});

ruleTable(IR117, {
  fires: [
    {
      name: 'a trailing comma',
      api: templates({ $default: '{"status": "ok",}' }),
      expect: [{ at: 'ir1', path: 'ResponseTemplates["$default"]', message: 'Template "$default", rendered with a placeholder for every variable, is not valid JSON: Expected double-quoted property name on rendered line 1' }],
    },
    {
      name: 'a missing comma after a bare reference',
      api: templates({ $default: '{\n  "body": $input.json(\'$\')\n  "id": "$context.connectionId"\n}\n' }),
      expect: [{ at: 'ir1', path: 'ResponseTemplates["$default"]', message: 'on rendered line 3' }],
    },
    { name: 'text keyed application/json', api: templates({ 'application/json': 'status: ok' }), expect: [{ at: 'ir1', path: 'ResponseTemplates["application/json"]' }] },
    { name: 'an unclosed object', api: templates({ 'application/json; charset=utf-8': '{"a": [1, 2]' }), expect: [{ at: 'ir1', path: 'ResponseTemplates["application/json; charset=utf-8"]', message: 'Expected' }] },
    { name: 'a broken first branch', api: templates({ 'application/json': '#if($input.path(\'$.ok\'))\n{"ok": true\n#else\n{"ok": false}\n#end\n' }), expect: [{ at: 'ir1', path: 'ResponseTemplates["application/json"]' }] },
    { name: 'single quotes', api: templates({ $default: "{'a': 1}" }), expect: [{ at: 'ir1', path: 'ResponseTemplates["$default"]' }] },
  ],
  quiet: [
    { name: 'the clean samples: references inside strings, trailing newline', api: templates({ $default: '{"message": "connected", "connectionId": "$context.connectionId"}\n' }) },
    { name: 'a bare $input.json value', api: templates({ $default: '{"connectionId": "$context.connectionId", "body": $input.json(\'$\')}\n' }) },
    {
      name: 'directives: #set, #if/#else, #foreach with separators',
      api: templates({
        'application/json':
          '#set($b = $util.parseJson($input.json(\'$\')))\n{\n  "name": "$util.escapeJavaScript($b.name).replaceAll("\\\\\'","\'")",\n#if($b.vip)\n  "tier": "gold",\n#else\n  "tier": "basic",\n#end\n  "items": [#foreach($i in $b.items)"$i"#if($foreach.hasNext),#end#end]\n}\n',
      }),
    },
    { name: 'a reference as a key, and adjacent references', api: templates({ $default: '{$key: 1, "v": $a$b, "n": $!{input.path(\'$.n\')}}' }) },
    { name: 'an array of values', api: templates({ 'application/json': "[$input.json('$.a'), $input.json('$.b')]" }) },
    { name: 'a comment line and escaped quotes', api: templates({ $default: '## the reply\n{"q": "say \\"hi\\""}' }) },
    { name: 'a blank template for application/json', api: templates({ 'application/json': '\n' }) },
    { name: 'text that is not JSON, not keyed application/json', api: templates({ $default: 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)\n', 'text/plain': 'ok' }) },
    { name: 'text after a directive, keyed $default (its literal text does not start with { or [)', api: templates({ $default: '#set($a = 1)\nok' }) },
    { name: 'a macro call, whose output is unknown', api: templates({ 'application/json': '#macro(fields)"a": 1#end\n{"b": 2, #fields()}' }) },
    { name: 'a template velocityjs cannot parse (IR109)', api: templates({ $default: "{\"a\": $input.json('$.a'}" }) },
    { name: 'unbalanced blocks (IR110)', api: templates({ $default: '{\n#if($x)\n"a": 1\n}' }) },
    { name: 'template values of odd types', api: templates({ 'application/json': 5, $default: null }) },
  ],
});

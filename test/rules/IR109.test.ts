import { IR109 } from '../../lib/rules/ir/IR109';
import { ruleTable } from '../support/rule-table';

const templates = (ResponseTemplates: unknown) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates }] }],
});

ruleTable(IR109, {
  fires: [
    {
      name: 'an unclosed parenthesis',
      api: templates({ 'application/json': "{\"a\": $input.json('$.a'}" }),
      expect: [{ at: 'ir1', path: 'ResponseTemplates["application/json"]', message: 'Template "application/json" does not parse as Velocity on line 1' }],
    },
    {
      name: 'an unterminated string names its line',
      api: templates({ $default: "{\n#set($a = 'abc)\n\"a\": \"$a\"\n}\n" }),
      expect: [{ at: 'ir1', path: 'ResponseTemplates["$default"]', message: 'on line 2 ("#set($a = \'abc)")' }],
    },
    { name: '#set without parentheses', api: templates({ $default: '#set $a = 1\n{}' }), expect: [{ at: 'ir1', path: 'ResponseTemplates["$default"]' }] },
    { name: 'an unclosed ${', api: templates({ $default: '{"id": "${context.requestId"}' }), expect: [{ at: 'ir1', path: 'ResponseTemplates["$default"]' }] },
    {
      name: 'only the broken template of several',
      api: templates({ $default: '{"ok": true}', 'application/json': "#set($x = )\n{}" }),
      expect: [{ at: 'ir1', path: 'ResponseTemplates["application/json"]', message: 'expecting' }],
    },
  ],
  quiet: [
    { name: 'the clean sample templates (trailing newline)', api: templates({ $default: '{"message": "connected", "connectionId": "$context.connectionId"}\n', other: '{"connectionId": "$context.connectionId", "body": $input.json(\'$\')}\n' }) },
    { name: 'directives, comments and escapes', api: templates({ $default: "## comment\n#set($b = $util.parseJson($input.json('$')))\n#if($b.ok)\n{\"ok\": true}\n#else\n{\"ok\": false, \"price\": \"\\$5\"}\n#end\n" }) },
    { name: 'an unclosed #if (IR110 covers it; velocityjs accepts it)', api: templates({ $default: '#if($x)\n{}' }) },
    { name: 'plain text without VTL', api: templates({ $default: 'Action=SendMessage&x=(1' }) },
    { name: 'an empty template', api: templates({ $default: '' }) },
    { name: 'template values of odd types', api: templates({ $default: 42, other: null }) },
    { name: 'no templates', api: templates(undefined) },
  ],
});

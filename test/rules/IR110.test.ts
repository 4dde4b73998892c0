import { IR110 } from '../../lib/rules/ir/IR110';
import { ruleTable } from '../support/rule-table';

const template = (text: unknown) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates: { 'application/json': text } }] }],
});
const at = { at: 'ir1', path: 'ResponseTemplates["application/json"]' };

ruleTable(IR110, {
  fires: [
    {
      name: 'an #if without #end',
      api: template('{\n#if($input.path(\'$.ok\'))\n"ok": true\n}\n'),
      expect: [{ ...at, message: 'Template "application/json" has 1 block opener (#if, #foreach, #macro, #define) but 0 #end: the #if on line 2 is never closed' }],
    },
    { name: 'a stray #end', api: template('{"a": 1}\n#end\n'), expect: [{ ...at, message: 'the #end on line 2 closes nothing' }] },
    { name: 'nested blocks with one #end', api: template('#if($a)\n#foreach($b in $c)\n$b\n#end\n'), expect: [{ ...at, message: '2 block openers' }] },
    { name: '#foreach with a space before the parenthesis', api: template('[#foreach ($i in $list)"$i"]'), expect: [{ ...at, message: 'the #foreach on line 1' }] },
    { name: 'braced forms', api: template('#{if}($a)x'), expect: [{ ...at, message: 'the #if on line 1' }] },
    { name: 'a #macro and a #define without #end', api: template('#macro(m $a)$a\n#define($d)x#end'), expect: [{ ...at, message: 'the #macro on line 1' }] },
  ],
  quiet: [
    { name: 'balanced blocks with #else and #elseif', api: template('#if($a)\n{"a": 1}\n#elseif($b)\n{"b": 1}\n#else\n{}\n#end\n') },
    { name: 'braced forms, balanced', api: template('#{if}($a)x#{else}y#{end} #foreach($i in $l)$i#{end}') },
    { name: 'openers in ## and #* *# comments', api: template('## #if($a)\n#* #foreach($i in $l)\n *#\n{}') },
    { name: 'escaped and unparsed openers', api: template('\\#if($a) #[[ #if($b) ]]#') },
    { name: 'words that only start like directives', api: template('#endif #iff($a) #ifx #ending "#fff"') },
    { name: 'an escaped backslash before a real block', api: template('\\\\#if($a)x#end') },
    { name: 'no directives', api: template('{"message": "connected", "connectionId": "$context.connectionId"}\n') },
    { name: 'a template of an odd type', api: template(7) },
  ],
});

import { IR106 } from '../../lib/rules/ir/IR106';
import { ruleTable } from '../support/rule-table';

const withTse = (...expressions: unknown[]) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [
    {
      IntegrationType: 'MOCK',
      integrationResponses: expressions.map((TemplateSelectionExpression) => ({ IntegrationResponseKey: '$default', TemplateSelectionExpression, ResponseTemplates: { $default: '{}' } })),
    },
  ],
});

ruleTable(IR106, {
  fires: [
    { name: 'exactly $default', api: withTse('$default'), expect: [{ at: 'ir1', path: 'TemplateSelectionExpression', message: '"$default" has an unescaped $default' }] },
    { name: 'braced', api: withTse('${default}'), expect: [{ at: 'ir1', path: 'TemplateSelectionExpression' }] },
    { name: 'inside a longer expression', api: withTse('prefix-$default'), expect: [{ at: 'ir1', path: 'TemplateSelectionExpression' }] },
  ],
  quiet: [
    { name: 'the documented escaped form', api: withTse('\\$default') },
    { name: 'another variable that starts with "default"', api: withTse('$defaultValue') },
    { name: 'static and variable expressions', api: withTse('200', '${integration.response.statuscode}', 'default') },
    { name: 'absent, null and odd types', api: withTse(undefined, null, 7) },
  ],
});

import { IR105 } from '../../lib/rules/ir/IR105';
import { ruleTable } from '../support/rule-table';

const withTse = (...expressions: unknown[]) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [
    {
      IntegrationType: 'HTTP',
      integrationResponses: expressions.map((TemplateSelectionExpression) => ({ IntegrationResponseKey: '$default', TemplateSelectionExpression, ResponseTemplates: { $default: '{}' } })),
    },
  ],
});

ruleTable(IR105, {
  fires: [
    { name: 'a context variable', api: withTse('$context.routeKey'), expect: [{ at: 'ir1', path: 'TemplateSelectionExpression', message: 'references "$context.routeKey"' }] },
    { name: 'a braced stage variable', api: withTse('${stageVariables.mode}'), expect: [{ at: 'ir1', path: 'TemplateSelectionExpression', message: '"$stageVariables.mode"' }] },
    { name: 'the integration response body (not a selection source)', api: withTse('$integration.response.body.status'), expect: [{ at: 'ir1', path: 'TemplateSelectionExpression' }] },
    { name: 'a request header (only the request body is a source)', api: withTse('${request.header.x}'), expect: [{ at: 'ir1', path: 'TemplateSelectionExpression' }] },
    { name: 'a misspelt status code source', api: withTse('${integration.response.status}'), expect: [{ at: 'ir1', path: 'TemplateSelectionExpression' }] },
    {
      name: 'only the unsupported variable of a combined expression is named',
      api: withTse('${integration.response.statuscode}-${context.stage}'),
      expect: [{ at: 'ir1', path: 'TemplateSelectionExpression', message: 'references "$context.stage", not one of' }],
    },
  ],
  quiet: [
    { name: 'the documented sources', api: withTse('${integration.response.statuscode}', '$integration.response.statuscode', '${request.body.action}', '$request.body.items[0].type', '${integration.response.header.Content-Type}', '${integration.response.multivalueheader.X-Ids}') },
    { name: 'static values and the escaped $default', api: withTse('\\$default', '200', 'application/json') },
    { name: 'an unescaped $default (IR106)', api: withTse('$default') },
    { name: 'an escaped dollar is no variable', api: withTse('\\$context.routeKey') },
    { name: 'absent, null and odd types', api: withTse(undefined, null, 200, ['$context.x']) },
  ],
});

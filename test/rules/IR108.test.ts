import { IR108 } from '../../lib/rules/ir/IR108';
import { ruleTable } from '../support/rule-table';

const response = (TemplateSelectionExpression: unknown, ResponseTemplates?: unknown) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', TemplateSelectionExpression, ResponseTemplates }] }],
});

ruleTable(IR108, {
  fires: [
    { name: 'an escaped $default and no templates', api: response('\\$default'), expect: [{ at: 'ir1', path: 'TemplateSelectionExpression', message: '"\\\\$default" is set' }] },
    { name: 'an empty template map', api: response('${integration.response.statuscode}', {}), expect: [{ at: 'ir1', path: 'TemplateSelectionExpression' }] },
    { name: 'null templates', api: response('200', null), expect: [{ at: 'ir1', path: 'TemplateSelectionExpression' }] },
  ],
  quiet: [
    { name: 'an expression with templates', api: response('\\$default', { $default: '{"status": "queued"}\n' }) },
    { name: 'no expression', api: response(undefined) },
    {
      name: 'a response dead as a whole is reported once, by IR015',
      api: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'AWS', integrationResponses: [{ IntegrationResponseKey: '$default', TemplateSelectionExpression: '\\$default' }] }],
        routes: [{ RouteKey: '$disconnect', Target: 'integrations/i1' }],
      },
    },
    { name: 'a null expression', api: response(null, {}) },
    { name: 'templates of an odd type are not "empty"', api: response('200', 'not a map') },
  ],
});

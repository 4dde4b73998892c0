import { IR118 } from '../../lib/rules/ir/IR118';
import { ruleTable } from '../support/rule-table';

const response = (ResponseTemplates: unknown, TemplateSelectionExpression?: unknown) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates, TemplateSelectionExpression }] }],
});

ruleTable(IR118, {
  fires: [
    {
      name: 'a typo such as xxx beside a $default template',
      api: response({ 'application/json': '{"a": 1}', $default: '{}' }, 'xxx'),
      expect: [{ at: 'ir1', path: 'TemplateSelectionExpression', message: '"xxx" can evaluate to none of "application/json", so every response falls back to the $default template and that template is never used' }],
    },
    {
      name: 'the status code against content-type keys',
      api: response({ 'application/json': '{}', 'text/plain': 'x', $default: '{}' }, '${integration.response.statuscode}'),
      expect: [{ at: 'ir1', path: 'TemplateSelectionExpression', message: 'those templates are never used' }],
    },
    {
      name: 'an escaped key name that differs',
      api: response({ $custom: '{}', $default: '{}' }, '\\$other'),
      expect: [{ at: 'ir1', path: 'TemplateSelectionExpression', message: '"$custom"' }],
    },
  ],
  quiet: [
    { name: 'the expression names a template', api: response({ 'application/json': '{}', $default: '{}' }, 'application/json') },
    { name: 'an escaped expression naming a key once unescaped', api: response({ $custom: '{}', $default: '{}' }, '\\$custom') },
    { name: 'the status code with a status code key', api: response({ '404': '{}', $default: '{}' }, '$integration.response.statuscode') },
    { name: 'a body path may evaluate to anything', api: response({ a: '{}', $default: '{}' }, '${request.body.kind}') },
    { name: 'only a $default template: nothing else to select', api: response({ $default: '{}' }, 'xxx') },
    { name: 'no $default template (IR107 reports it)', api: response({ 'application/json': '{}' }, 'xxx') },
    { name: 'no expression', api: response({ 'application/json': '{}', $default: '{}' }) },
    { name: 'a response on an HTTP API is dead as a whole (IR010)', api: { ...response({ a: '{}', $default: '{}' }, 'xxx'), ProtocolType: 'HTTP' } },
    { name: 'an expression of an odd type', api: response({ a: '{}', $default: '{}' }, 7) },
    { name: 'templates that are not a map', api: response('{}', 'xxx') },
  ],
});

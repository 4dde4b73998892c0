import { IR107 } from '../../lib/rules/ir/IR107';
import { ruleTable } from '../support/rule-table';

const response = (ResponseTemplates: unknown, TemplateSelectionExpression?: unknown) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates, TemplateSelectionExpression }] }],
});

ruleTable(IR107, {
  fires: [
    {
      name: 'a static expression that names no key',
      api: response({ '201': '{}', '202': '{}' }, '200'),
      expect: [{ at: 'ir1', path: 'ResponseTemplates', message: 'TemplateSelectionExpression "200" can evaluate to none of them' }],
    },
    { name: 'a typo such as xxx', api: response({ 'application/json': '{}' }, 'xxx'), expect: [{ at: 'ir1', path: 'ResponseTemplates', message: 'from "application/json"' }] },
    {
      name: 'the escaped $default without a $default template',
      api: response({ 'application/json': '{}' }, '\\$default'),
      expect: [{ at: 'ir1', path: 'ResponseTemplates', message: 'no $default template to fall back to' }],
    },
    {
      name: 'the status code against keys that are not status codes',
      api: response({ 'application/json': '{}' }, '${integration.response.statuscode}'),
      expect: [{ at: 'ir1', path: 'ResponseTemplates', message: '"${integration.response.statuscode}"' }],
    },
  ],
  quiet: [
    { name: 'no expression: a lone template is used in practice', api: response({ 'application/json': '{}' }) },
    { name: 'a null expression counts as unset', api: response({ 'application/json': '{}' }, null) },
    { name: 'a $default template (IR118 reports dead named templates)', api: response({ $default: '{"status": "queued"}\n', x: '{}' }, 'xxx') },
    { name: 'a $default template and no expression', api: response({ $default: '{}' }) },
    { name: 'a static expression such as 200 that names a key', api: response({ '200': '{}' }, '200') },
    { name: 'an escaped expression that names a key once unescaped', api: response({ $custom: '{}' }, '\\$custom') },
    { name: 'the status code with status code keys', api: response({ '200': '{}', '404': '{}' }, '${integration.response.statuscode}') },
    { name: 'the status code, unbraced', api: response({ '200': '{}' }, '$integration.response.statuscode') },
    { name: 'a header may evaluate to anything', api: response({ 'application/json': '{}' }, '${integration.response.header.Content-Type}') },
    { name: 'the status code inside other text may be anything', api: response({ 'x-200': '{}' }, 'x-${integration.response.statuscode}') },
    { name: 'no templates (IR108 covers the expression)', api: response({}, '200') },
    { name: 'a response on a proxy integration is dead as a whole (IR009)', api: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'AWS_PROXY', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates: { a: '{}' }, TemplateSelectionExpression: 'xxx' }] }] } },
    { name: 'absent or odd templates', api: response(undefined) },
    { name: 'templates that are not a map', api: response('{}') },
    { name: 'an expression of an odd type', api: response({ '200': '{}' }, 200) },
  ],
});

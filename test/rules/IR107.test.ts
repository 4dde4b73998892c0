import { IR107 } from '../../lib/rules/ir/IR107';
import { ruleTable } from '../support/rule-table';

const response = (ResponseTemplates: unknown, TemplateSelectionExpression?: unknown) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates, TemplateSelectionExpression }] }],
});

ruleTable(IR107, {
  fires: [
    { name: 'content-type keys and no expression', api: response({ 'application/json': '{}' }), expect: [{ at: 'ir1', path: 'ResponseTemplates', message: 'there is no TemplateSelectionExpression' }] },
    { name: 'a null expression counts as unset', api: response({ 'application/json': '{}' }, null), expect: [{ at: 'ir1', path: 'ResponseTemplates' }] },
    {
      name: 'a static expression that names no key',
      api: response({ '201': '{}', '202': '{}' }, '200'),
      expect: [{ at: 'ir1', path: 'ResponseTemplates', message: 'the static TemplateSelectionExpression "200" names none of them' }],
    },
    {
      name: 'the escaped $default without a $default template',
      api: response({ 'application/json': '{}' }, '\\$default'),
      expect: [{ at: 'ir1', path: 'ResponseTemplates', message: 'from "application/json"' }],
    },
  ],
  quiet: [
    { name: 'a $default template', api: response({ $default: '{"status": "queued"}\n' }, '\\$default') },
    { name: 'a $default template and no expression', api: response({ $default: '{}' }) },
    { name: 'a static expression such as 200 that names a key', api: response({ '200': '{}' }, '200') },
    { name: 'an escaped expression that names a key once unescaped', api: response({ $custom: '{}' }, '\\$custom') },
    { name: 'a variable expression may select any key', api: response({ '200': '{}', '404': '{}' }, '${integration.response.statuscode}') },
    { name: 'no templates (IR108 covers the expression)', api: response({}, '200') },
    { name: 'absent or odd templates', api: response(undefined) },
    { name: 'templates that are not a map', api: response('{}') },
    { name: 'an expression of an odd type', api: response({ '200': '{}' }, 200) },
  ],
});

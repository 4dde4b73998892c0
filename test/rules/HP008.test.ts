import { HP008 } from '../../lib/rules/hp/HP008';
import { ruleTable } from '../support/rule-table';

const api = (fields: Record<string, unknown>, ProtocolType = 'HTTP') => ({ ProtocolType, integrations: [{ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0', ...fields }] });

ruleTable(HP008, {
  fires: [
    { name: 'PassthroughBehavior', api: api({ PassthroughBehavior: 'WHEN_NO_MATCH' }), expect: [{ at: 'i1', path: 'PassthroughBehavior', message: '"WHEN_NO_MATCH"' }] },
    { name: 'ContentHandlingStrategy', api: api({ ContentHandlingStrategy: 'CONVERT_TO_TEXT' }), expect: [{ at: 'i1', path: 'ContentHandlingStrategy' }] },
    {
      name: 'request templates: keys, never the template',
      api: api({ RequestTemplates: { 'application/json': '{"secret": "hunter2-hunter2"}' } }),
      expect: [{ at: 'i1', path: 'RequestTemplates', message: 'keys "application/json"' }],
    },
    {
      name: 'every field that is set',
      api: api({ TemplateSelectionExpression: '\\$default', IntegrationResponseSelectionExpression: '$integration.response.statuscode', PassthroughBehavior: 'NEVER' }),
      expect: [
        { at: 'i1', path: 'TemplateSelectionExpression' },
        { at: 'i1', path: 'IntegrationResponseSelectionExpression' },
        { at: 'i1', path: 'PassthroughBehavior' },
      ],
    },
  ],
  quiet: [
    { name: 'HTTP API integration with HTTP API fields', api: api({ RequestParameters: { 'overwrite:path': '$request.path' }, ResponseParameters: { '200': { 'overwrite:header.x': 'v' } }, TimeoutInMillis: 30000 }) },
    { name: 'fields null, empty or an empty map', api: api({ PassthroughBehavior: null, TemplateSelectionExpression: '', RequestTemplates: {} }) },
    { name: 'WebSocket API', api: api({ PassthroughBehavior: 'WHEN_NO_MATCH', ContentHandlingStrategy: 'CONVERT_TO_TEXT', RequestTemplates: { $default: '{}' } }, 'WEBSOCKET') },
  ],
});

import { SEC005 } from '../../lib/rules/sec/SEC005';
import { ruleTable } from '../support/rule-table';

const http = (inner: Record<string, unknown>) => ({ ProtocolType: 'HTTP', integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': inner } }] });
const ws = (ResponseParameters: Record<string, unknown>) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseParameters }] }],
});
const at = (key: string) => `ResponseParameters["200"][${JSON.stringify(key)}]`;

ruleTable(SEC005, {
  fires: [
    { name: 'HTTP: unbraced', api: http({ 'overwrite:header.x-result': '$response.body' }), expect: [{ at: 'i1', path: at('overwrite:header.x-result'), message: '"$response.body"' }] },
    { name: 'HTTP: braced', api: http({ 'append:header.x-result': '${response.body}' }), expect: [{ at: 'i1', path: at('append:header.x-result'), message: '"${response.body}"' }] },
    {
      name: 'WebSocket: whole body',
      api: ws({ 'method.response.header.X-Result': 'integration.response.body' }),
      expect: [{ at: 'ir1', path: 'ResponseParameters["method.response.header.X-Result"]', message: '"integration.response.body"' }],
    },
  ],
  quiet: [
    { name: 'HTTP: a body field', api: http({ 'overwrite:header.x-result': '$response.body.id' }) },
    { name: 'HTTP: status code from the body is no header', api: http({ 'overwrite:statuscode': '$response.body' }) },
    { name: 'HTTP: removal', api: http({ 'remove:header.x': '$response.body' }) },
    { name: 'WebSocket: a body field', api: ws({ 'method.response.header.X-Result': 'integration.response.body.id' }) },
    { name: 'WebSocket: malformed key', api: ws({ 'X-Result': 'integration.response.body' }) },
  ],
});

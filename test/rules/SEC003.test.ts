import { SEC003 } from '../../lib/rules/sec/SEC003';
import { ruleTable } from '../support/rule-table';

const http = (inner: Record<string, unknown>) => ({ ProtocolType: 'HTTP', integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': inner } }] });
const ws = (ResponseParameters: Record<string, unknown>) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseParameters }] }],
});
const at = (key: string) => `ResponseParameters["200"][${JSON.stringify(key)}]`;

ruleTable(SEC003, {
  fires: [
    { name: 'HTTP: body path', api: http({ 'append:header.set-cookie': '$response.body.cookie' }), expect: [{ at: 'i1', path: at('append:header.set-cookie'), message: '"$response.body.cookie"' }] },
    { name: 'HTTP: braced body path inside text', api: http({ 'overwrite:header.Set-Cookie': 'sid=${response.body.session}; Secure' }), expect: [{ at: 'i1', path: at('overwrite:header.Set-Cookie') }] },
    {
      name: 'WebSocket: body source',
      api: ws({ 'method.response.header.Set-Cookie': 'integration.response.body.cookie' }),
      expect: [{ at: 'ir1', path: 'ResponseParameters["method.response.header.Set-Cookie"]', message: '"integration.response.body.cookie"' }],
    },
  ],
  quiet: [
    { name: 'HTTP: backend Set-Cookie header', api: http({ 'append:header.set-cookie': '$response.header.set-cookie' }) },
    { name: 'HTTP: body into another header', api: http({ 'append:header.x-session': '$response.body.session' }) },
    { name: 'HTTP: removal', api: http({ 'remove:header.set-cookie': '$response.body.cookie' }) },
    { name: 'WebSocket: static cookie (SEC002)', api: ws({ 'method.response.header.Set-Cookie': "'a=b'" }) },
  ],
});

import { SEC002 } from '../../lib/rules/sec/SEC002';
import { ruleTable } from '../support/rule-table';

const http = (inner: Record<string, unknown>) => ({ ProtocolType: 'HTTP', integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': inner } }] });
const ws = (ResponseParameters: Record<string, unknown>) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseParameters }] }],
});
const at = (key: string) => `ResponseParameters["200"][${JSON.stringify(key)}]`;

ruleTable(SEC002, {
  fires: [
    {
      name: 'HTTP: static session cookie',
      api: http({ 'append:header.set-cookie': 'session=abc123; Secure; HttpOnly' }),
      expect: [{ at: 'i1', path: at('append:header.set-cookie'), message: 'sets the cookie "session" to a static value' }],
    },
    { name: 'HTTP: header name in another case', api: http({ 'overwrite:header.Set-Cookie': 'theme=dark' }), expect: [{ at: 'i1', path: at('overwrite:header.Set-Cookie') }] },
    {
      name: 'WebSocket: quoted static cookie',
      api: ws({ 'method.response.header.Set-Cookie': "'sid=42; Path=/'" }),
      expect: [{ at: 'ir1', path: 'ResponseParameters["method.response.header.Set-Cookie"]', message: '"sid"' }],
    },
  ],
  quiet: [
    { name: 'HTTP: cookie from the backend header', api: http({ 'append:header.set-cookie': '$response.header.x-session-cookie' }) },
    { name: 'HTTP: cookie with a variable part', api: http({ 'append:header.set-cookie': 'rid=${context.requestId}' }) },
    { name: 'HTTP: removal', api: http({ 'remove:header.set-cookie': "''" }) },
    { name: 'HTTP: clearing a cookie', api: http({ 'append:header.set-cookie': 'session=; Max-Age=0; Path=/' }) },
    { name: 'HTTP: static value on another header', api: http({ 'append:header.x-cookie-policy': 'session=abc' }) },
    { name: "WebSocket: empty quotes", api: ws({ 'method.response.header.Set-Cookie': "''" }) },
    { name: 'WebSocket: cookie from the backend', api: ws({ 'method.response.header.Set-Cookie': 'integration.response.header.Set-Cookie' }) },
    { name: 'WebSocket: non-string value', api: ws({ 'method.response.header.Set-Cookie': 7 }) },
  ],
});

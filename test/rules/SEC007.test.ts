import { SEC007 } from '../../lib/rules/sec/SEC007';
import { ruleTable } from '../support/rule-table';

const http = (inner: Record<string, unknown>) => ({ ProtocolType: 'HTTP', integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '502': inner } }] });
const ws = (ResponseParameters: Record<string, unknown>) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '/5\\d\\d/', ResponseParameters }] }],
});
const at = (key: string) => `ResponseParameters["502"][${JSON.stringify(key)}]`;

ruleTable(SEC007, {
  fires: [
    { name: 'HTTP: integration error message', api: http({ 'overwrite:header.x-error': '$context.integrationErrorMessage' }), expect: [{ at: 'i1', path: at('overwrite:header.x-error'), message: '"$context.integrationErrorMessage"' }] },
    {
      name: 'HTTP: several error variables',
      api: http({ 'overwrite:header.x-error': '${context.integration.error} ${context.error.message}' }),
      expect: [{ at: 'i1', path: at('overwrite:header.x-error'), message: '"${context.integration.error}", "${context.error.message}"' }],
    },
    { name: 'HTTP: authorizer error', api: http({ 'append:header.x-auth': '$context.authorizer.error' }), expect: [{ at: 'i1', path: at('append:header.x-auth') }] },
    {
      name: 'WebSocket: context form',
      api: ws({ 'method.response.header.X-Error': 'context.integrationErrorMessage' }),
      expect: [{ at: 'ir1', path: 'ResponseParameters["method.response.header.X-Error"]' }],
    },
  ],
  quiet: [
    { name: 'HTTP: request id for correlation', api: http({ 'overwrite:header.x-error-id': '$context.requestId' }) },
    { name: 'HTTP: error response type', api: http({ 'overwrite:header.x-error-type': '$context.error.responseType', 'overwrite:header.y': '$context.error.messageString' }) },
    { name: 'HTTP: removal', api: http({ 'remove:header.x-error': '$context.integrationErrorMessage' }) },
    { name: 'WebSocket: static text', api: ws({ 'method.response.header.X-Error': "'integrationErrorMessage'" }) },
  ],
});

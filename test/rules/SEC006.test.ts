import { SEC006 } from '../../lib/rules/sec/SEC006';
import { ruleTable } from '../support/rule-table';

const http = (inner: Record<string, unknown>) => ({ ProtocolType: 'HTTP', integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': inner } }] });
const ws = (ResponseParameters: Record<string, unknown>) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseParameters }] }],
});
const at = (key: string) => `ResponseParameters["200"][${JSON.stringify(key)}]`;

ruleTable(SEC006, {
  fires: [
    { name: 'HTTP: caller ARN', api: http({ 'overwrite:header.x-caller': '$context.identity.userArn' }), expect: [{ at: 'i1', path: at('overwrite:header.x-caller'), message: '"$context.identity.userArn"' }] },
    {
      name: 'HTTP: several identity fields in one value',
      api: http({ 'overwrite:header.x-who': '${context.identity.accountId}/${context.identity.user}/${context.identity.principalOrgId}' }),
      expect: [{ at: 'i1', path: at('overwrite:header.x-who'), message: '"${context.identity.accountId}", "${context.identity.user}", "${context.identity.principalOrgId}"' }],
    },
    { name: 'HTTP: client certificate', api: http({ 'append:header.x-cert': '${context.identity.clientCert.subjectDN}' }), expect: [{ at: 'i1', path: at('append:header.x-cert') }] },
    { name: 'HTTP: authorizer claim', api: http({ 'overwrite:header.x-sub': '$context.authorizer.claims.email' }), expect: [{ at: 'i1', path: at('overwrite:header.x-sub') }] },
    { name: 'HTTP: authorizer error', api: http({ 'overwrite:header.x-e': '$context.authorizer.error' }), expect: [{ at: 'i1', path: at('overwrite:header.x-e') }] },
    { name: 'HTTP: caller', api: http({ 'overwrite:header.x-c': '$context.identity.caller' }), expect: [{ at: 'i1', path: at('overwrite:header.x-c') }] },
    {
      name: 'WebSocket: context form',
      api: ws({ 'method.response.header.X-Principal': 'context.authorizer.principalId' }),
      expect: [{ at: 'ir1', path: 'ResponseParameters["method.response.header.X-Principal"]', message: '"context.authorizer.principalId"' }],
    },
  ],
  quiet: [
    { name: 'HTTP: user agent and source IP', api: http({ 'overwrite:header.x-ua': '$context.identity.userAgent', 'overwrite:header.x-ip': '$context.identity.sourceIp' }) },
    { name: 'HTTP: request id', api: http({ 'overwrite:header.x-request-id': '$context.requestId' }) },
    { name: 'HTTP: removal', api: http({ 'remove:header.x-caller': '$context.identity.userArn' }) },
    { name: 'HTTP: static text naming the variable', api: http({ 'overwrite:header.x': 'context.identity.userArn' }) },
    { name: 'WebSocket: static text naming the variable', api: ws({ 'method.response.header.X': "'context.identity.userArn'" }) },
  ],
});

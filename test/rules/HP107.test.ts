import { HP107 } from '../../lib/rules/hp/HP107';
import { ruleTable } from '../support/rule-table';

const http = (inner: Record<string, unknown>, ProtocolType = 'HTTP') => ({ ProtocolType, integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': inner } }] });
const at = (key: string) => `ResponseParameters["200"][${JSON.stringify(key)}]`;

ruleTable(HP107, {
  fires: [
    { name: 'wrong case', api: http({ 'overwrite:header.x': '$context.requestID' }), expect: [{ at: 'i1', path: at('overwrite:header.x'), message: '"$context.requestID" (not a documented HTTP API context variable)' }] },
    { name: 'WebSocket-only variable', api: http({ 'overwrite:header.x': '${context.connectionId}' }), expect: [{ at: 'i1', path: at('overwrite:header.x'), message: 'connectionId' }] },
    { name: 'a character other than . and _', api: http({ 'overwrite:header.x': '${context.request-id}' }), expect: [{ at: 'i1', path: at('overwrite:header.x'), message: 'only letters, digits, . and _ are allowed' }] },
    { name: 'REST-only override variable', api: http({ 'overwrite:header.x': '$context.responseOverride.status' }), expect: [{ at: 'i1', path: at('overwrite:header.x') }] },
  ],
  quiet: [
    { name: 'documented variables', api: http({ 'overwrite:header.a': '$context.requestId', 'overwrite:header.b': '${context.integration.latency}', 'overwrite:header.c': '${context.identity.clientCert.validity.notAfter}' }) },
    { name: 'authorizer properties and claims', api: http({ 'overwrite:header.a': '$context.authorizer.claims.sub', 'overwrite:header.b': '${context.authorizer.tenant_id}' }) },
    { name: 'unbraced name followed by text', api: http({ 'overwrite:header.x': '$context.requestId-suffix', 'overwrite:header.y': 'id $context.requestId.' }) },
    { name: 'other roots', api: http({ 'overwrite:header.x': '$stageVariables.requestID $response.header.x' }) },
    { name: 'WebSocket API', api: http({ 'overwrite:header.x': '$context.requestID' }, 'WEBSOCKET') },
  ],
});

import { HP103 } from '../../lib/rules/hp/HP103';
import { ruleTable } from '../support/rule-table';

const http = (inner: Record<string, unknown>, ProtocolType = 'HTTP') => ({ ProtocolType, integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': inner } }] });
const at = (key: string) => `ResponseParameters["200"][${JSON.stringify(key)}]`;

ruleTable(HP103, {
  fires: [
    { name: 'two bare variables', api: http({ 'overwrite:header.x': '$context.stage $context.requestId' }), expect: [{ at: 'i1', path: at('overwrite:header.x'), message: '"$context.stage", "$context.requestId"' }] },
    { name: 'one braced and one bare', api: http({ 'overwrite:header.x': '${context.stage}-$response.header.x-id' }), expect: [{ at: 'i1', path: at('overwrite:header.x'), message: 'no ${...} braces around "$response.header.x-id"' }] },
    { name: 'bare variables run together', api: http({ 'overwrite:header.x': '$context.stage/$context.requestId' }), expect: [{ at: 'i1', path: at('overwrite:header.x'), message: 'combines 2 variables' }] },
  ],
  quiet: [
    { name: 'all braced', api: http({ 'overwrite:header.x': '${context.stage} ${context.requestId}' }) },
    { name: 'a single bare variable', api: http({ 'overwrite:header.x': '$context.requestId' }) },
    { name: 'a single bare variable with static text', api: http({ 'overwrite:header.x': 'id=$context.requestId' }) },
    { name: 'an escaped dollar is no variable', api: http({ 'overwrite:header.x': '\\$context.stage $context.requestId' }) },
    { name: 'WebSocket API', api: http({ 'overwrite:header.x': '$context.stage $context.requestId' }, 'WEBSOCKET') },
  ],
});

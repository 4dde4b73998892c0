import { HP108 } from '../../lib/rules/hp/HP108';
import { ruleTable } from '../support/rule-table';

const http = (inner: Record<string, unknown>, ProtocolType = 'HTTP') => ({ ProtocolType, integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': inner } }] });
const at = (key: string) => `ResponseParameters["200"][${JSON.stringify(key)}]`;

ruleTable(HP108, {
  fires: [
    { name: 'unbraced body path', api: http({ 'overwrite:header.x-order-id': '$response.body.order.id' }), expect: [{ at: 'i1', path: at('overwrite:header.x-order-id'), message: '"$response.body.order.id"' }] },
    { name: 'braced body path with an index', api: http({ 'overwrite:header.x': 'first=${response.body.items[0].id}' }), expect: [{ at: 'i1', path: at('overwrite:header.x'), message: '"${response.body.items[0].id}"' }] },
    { name: 'status code from the body', api: http({ 'overwrite:statuscode': '${response.body.status}' }), expect: [{ at: 'i1', path: at('overwrite:statuscode') }] },
  ],
  quiet: [
    { name: 'the whole body', api: http({ 'overwrite:header.x': '$response.body', 'overwrite:header.y': '${response.body}' }) },
    { name: 'a trailing dot is punctuation', api: http({ 'overwrite:header.x': 'see $response.body.' }) },
    { name: 'header source', api: http({ 'overwrite:header.x': '$response.header.x' }) },
    { name: 'removal', api: http({ 'remove:header.x': '$response.body.a' }) },
    { name: 'static text', api: http({ 'overwrite:header.x': 'response.body.a' }) },
    { name: 'WebSocket API', api: http({ 'overwrite:header.x': '$response.body.a' }, 'WEBSOCKET') },
  ],
});

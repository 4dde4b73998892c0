import { HP105 } from '../../lib/rules/hp/HP105';
import { ruleTable } from '../support/rule-table';

const http = (inner: Record<string, unknown>, ProtocolType = 'HTTP') => ({ ProtocolType, integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': inner } }] });
const at = (key: string) => `ResponseParameters["200"][${JSON.stringify(key)}]`;

ruleTable(HP105, {
  fires: [
    { name: 'quoted static header', api: http({ 'append:header.cache-control': "'no-store'" }), expect: [{ at: 'i1', path: at('append:header.cache-control'), message: "\"'no-store'\"" }] },
    { name: 'quoted status code', api: http({ 'overwrite:statuscode': "'403'" }), expect: [{ at: 'i1', path: at('overwrite:statuscode') }] },
    { name: 'quoted reference', api: http({ 'overwrite:header.x': "'$context.requestId'" }), expect: [{ at: 'i1', path: at('overwrite:header.x') }] },
  ],
  quiet: [
    { name: 'plain static value', api: http({ 'append:header.cache-control': 'no-store' }) },
    { name: "exactly ''", api: http({ 'overwrite:header.x': "''" }) },
    { name: 'removal with a quoted placeholder', api: http({ 'remove:header.x-internal': "'x'" }) },
    { name: 'quotes inside the value only', api: http({ 'overwrite:header.x': "it's fine", 'overwrite:header.y': "'open" }) },
    { name: 'a lone quote', api: http({ 'overwrite:header.x': "'" }) },
    { name: 'WebSocket API', api: http({ 'append:header.cache-control': "'no-store'" }, 'WEBSOCKET') },
  ],
});

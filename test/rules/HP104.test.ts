import { HP104 } from '../../lib/rules/hp/HP104';
import { ruleTable } from '../support/rule-table';

const http = (ResponseParameters: unknown, ProtocolType = 'HTTP') => ({ ProtocolType, integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters }] });

ruleTable(HP104, {
  fires: [
    { name: 'a reason phrase', api: http({ '500': { 'overwrite:statuscode': 'Forbidden' } }), expect: [{ at: 'i1', path: 'ResponseParameters["500"]["overwrite:statuscode"]', message: '"Forbidden"' }] },
    { name: 'out of range', api: http({ '500': { 'overwrite:statuscode': '600' } }), expect: [{ at: 'i1', path: 'ResponseParameters["500"]["overwrite:statuscode"]', message: '"600"' }] },
    { name: 'quoted code', api: http({ '500': { 'overwrite:statuscode': "'403'" } }), expect: [{ at: 'i1', path: 'ResponseParameters["500"]["overwrite:statuscode"]' }] },
    { name: 'the dot form too', api: http({ '500': { 'overwrite.statuscode': '40' } }), expect: [{ at: 'i1', path: 'ResponseParameters["500"]["overwrite.statuscode"]' }] },
  ],
  quiet: [
    { name: 'a valid code', api: http({ '404': { 'overwrite:statuscode': '410' } }) },
    { name: 'a 1xx code', api: http({ '404': { 'overwrite:statuscode': '100' } }) },
    { name: 'a reference', api: http({ '200': { 'overwrite:statuscode': '$response.body.status' } }) },
    { name: 'a braced reference with text', api: http({ '200': { 'overwrite:statuscode': '4${response.body.code}' } }) },
    { name: 'header mappings are not status codes', api: http({ '200': { 'overwrite:header.x': 'Forbidden' } }) },
    { name: 'empty value (HP006)', api: http({ '200': { 'overwrite:statuscode': '' } }) },
    { name: 'non-string value', api: http({ '200': { 'overwrite:statuscode': 403 } }) },
    { name: 'WebSocket API', api: http({ '500': { 'overwrite:statuscode': 'Forbidden' } }, 'WEBSOCKET') },
  ],
});

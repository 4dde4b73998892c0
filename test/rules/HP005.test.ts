import { HP005 } from '../../lib/rules/hp/HP005';
import { ruleTable } from '../support/rule-table';

const api = (value: unknown, ProtocolType = 'HTTP') => ({ ProtocolType, integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-id': value } } }] });
const PATH = 'ResponseParameters["200"]["overwrite:header.x-id"]';

ruleTable(HP005, {
  fires: [
    { name: 'recursive descent', api: api('$response.body..id'), expect: [{ at: 'i1', path: PATH, message: 'recursive descent' }] },
    { name: 'recursive descent, braced', api: api('${response.body..id}'), expect: [{ at: 'i1', path: PATH, message: 'recursive descent' }] },
    { name: 'filter expression', api: api('$response.body.items[?(@.id == 1)].name'), expect: [{ at: 'i1', path: PATH, message: 'a filter expression' }] },
    { name: 'filter expression, braced, among text', api: api('id=${response.body.items[?(@.ok)].id};v=1'), expect: [{ at: 'i1', path: PATH, message: 'a filter expression' }] },
    { name: 'both in one value', api: api('${response.body..items[?(@.ok)]}'), expect: [{ at: 'i1', path: PATH, message: 'recursive descent (..) and a filter expression' }] },
    { name: 'second of two references', api: api('${response.header.x}-${response.body..id}'), expect: [{ at: 'i1', path: PATH }] },
  ],
  quiet: [
    { name: 'simple paths', api: api('$response.body.order.items[0].id') },
    { name: 'whole body', api: api('$response.body') },
    { name: 'braced simple path', api: api('${response.body.id} ${context.requestId}') },
    { name: 'static value with ?( outside any body path', api: api('Sure?(y/n)') },
    { name: 'header reference with two dots in text after it', api: api('$response.header.x ..') },
    { name: 'single dots between path segments', api: api('$response.body.a.b') },
    { name: 'not a string', api: api(42) },
    { name: 'null', api: api(null) },
    { name: 'WebSocket API (HP007 reports the whole map)', api: api('$response.body..id', 'WEBSOCKET') },
  ],
});

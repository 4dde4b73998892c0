import { HP004 } from '../../lib/rules/hp/HP004';
import { ruleTable } from '../support/rule-table';

const api = (mappings: Record<string, unknown>, ProtocolType = 'HTTP') => ({ ProtocolType, integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': mappings } }] });
const path = (key: string) => `ResponseParameters["200"][${JSON.stringify(key)}]`;

ruleTable(HP004, {
  fires: [
    { name: 'CORS header by hand', api: api({ 'overwrite:header.Access-Control-Allow-Origin': '*' }), expect: [{ at: 'i1', path: path('overwrite:header.Access-Control-Allow-Origin'), message: 'access-control-*' }] },
    { name: 'exact entry, other case', api: api({ 'remove:header.content-length': "''" }), expect: [{ at: 'i1', path: path('remove:header.content-length'), message: '"content-length"' }] },
    { name: 'two-letter TE', api: api({ 'append:header.te': 'trailers' }), expect: [{ at: 'i1', path: path('append:header.te') }] },
    { name: 'x-amz- prefix', api: api({ 'overwrite:header.X-Amz-Date': 'now' }), expect: [{ at: 'i1', path: path('overwrite:header.X-Amz-Date'), message: 'x-amz-*' }] },
    { name: 'x-amzn- prefix', api: api({ 'overwrite:header.x-amzn-RequestId': '$context.requestId' }), expect: [{ at: 'i1', path: path('overwrite:header.x-amzn-RequestId'), message: 'x-amzn-*' }] },
    { name: 'apigw- prefix', api: api({ 'append:header.apigw-requestid': 'x' }), expect: [{ at: 'i1', path: path('append:header.apigw-requestid') }] },
    {
      name: 'several reserved headers, one allowed',
      api: api({ 'overwrite:header.Authorization': 'x', 'overwrite:header.X-Forwarded-For': 'x', 'overwrite:header.Via': 'x', 'overwrite:header.x-id': 'x' }),
      expect: [
        { at: 'i1', path: path('overwrite:header.Authorization') },
        { at: 'i1', path: path('overwrite:header.X-Forwarded-For') },
        { at: 'i1', path: path('overwrite:header.Via') },
      ],
    },
  ],
  quiet: [
    { name: 'ordinary headers', api: api({ 'append:header.cache-control': 'no-store', 'overwrite:header.x-request-id': '$context.requestId', 'remove:header.x-internal-trace': "''" }) },
    { name: 'names that only start like a reserved exact entry', api: api({ 'overwrite:header.Content-Type': 'x', 'overwrite:header.Origin-Trial': 'x', 'overwrite:header.TE2': 'x', 'overwrite:header.Via-Proxy': 'x' }) },
    { name: 'names that only resemble a reserved prefix', api: api({ 'overwrite:header.x-amzfoo': 'x', 'overwrite:header.access-control': 'x', 'overwrite:header.apigw': 'x' }) },
    { name: 'status code mapping', api: api({ 'overwrite:statuscode': '401' }) },
    { name: 'malformed key naming a reserved header (HP002)', api: api({ 'set:header.Authorization': 'x' }) },
    { name: 'WebSocket API (HP007 reports the whole map)', api: api({ 'overwrite:header.Authorization': 'x' }, 'WEBSOCKET') },
  ],
});

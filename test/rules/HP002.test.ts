import { HP002 } from '../../lib/rules/hp/HP002';
import { ruleTable } from '../support/rule-table';

const api = (mappings: unknown, ProtocolType = 'HTTP') => ({ ProtocolType, integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': mappings } }] });

ruleTable(HP002, {
  fires: [
    {
      name: 'wrong location (the Terraform issue)',
      api: api({ 'append:overwrite.static': 'v' }),
      expect: [{ at: 'i1', path: 'ResponseParameters["200"]["append:overwrite.static"]', message: '"append:overwrite.static"' }],
    },
    { name: 'unknown action', api: api({ 'set:header.x': 'v' }), expect: [{ at: 'i1', path: 'ResponseParameters["200"]["set:header.x"]' }] },
    { name: 'request-only location', api: api({ 'overwrite:querystring.x': 'v' }), expect: [{ at: 'i1', path: 'ResponseParameters["200"]["overwrite:querystring.x"]' }] },
    { name: 'WebSocket-style key', api: api({ 'method.response.header.x': "'v'" }), expect: [{ at: 'i1', path: 'ResponseParameters["200"]["method.response.header.x"]' }] },
    { name: 'no header name', api: api({ 'append:header.': 'v' }), expect: [{ at: 'i1', path: 'ResponseParameters["200"]["append:header."]' }] },
    { name: 'space in the header name', api: api({ 'append:header.x id': 'v' }), expect: [{ at: 'i1', path: 'ResponseParameters["200"]["append:header.x id"]' }] },
    { name: 'capitalised action', api: api({ 'Overwrite:header.x': 'v' }), expect: [{ at: 'i1', path: 'ResponseParameters["200"]["Overwrite:header.x"]' }] },
    { name: 'status code with another action', api: api({ 'append:statuscode': '404' }), expect: [{ at: 'i1', path: 'ResponseParameters["200"]["append:statuscode"]' }] },
    {
      name: 'only the bad keys, under every status',
      api: { ProtocolType: 'HTTP', integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'append:header.ok': 'v', 'header.x': 'v' }, 'bad': { 'overwrite:header': 'v' } } }] },
      expect: [
        { at: 'i1', path: 'ResponseParameters["200"]["header.x"]' },
        { at: 'i1', path: 'ResponseParameters["bad"]["overwrite:header"]', message: 'under status "bad"' },
      ],
    },
  ],
  quiet: [
    {
      name: 'all three actions and the status code',
      api: api({ 'append:header.cache-control': 'no-store', 'overwrite:header.x-request-id': '$context.requestId', 'remove:header.server': "''", 'overwrite:statuscode': '410' }),
    },
    { name: 'dot form of the status code (left to HP003)', api: api({ 'overwrite.statuscode': '410' }) },
    { name: 'token characters and dots in the header name', api: api({ "append:header.x.a!#$%&'*+^_`|~9": 'v' }) },
    { name: 'mappings that are not a map', api: api('overwrite:header.x') },
    { name: 'null mappings', api: api(null) },
    { name: 'WebSocket API (HP007 reports the whole map)', api: api({ 'append:overwrite.static': 'v' }, 'WEBSOCKET') },
  ],
});

import { HP001 } from '../../lib/rules/hp/HP001';
import { ruleTable } from '../support/rule-table';

const api = (ResponseParameters: unknown, ProtocolType = 'HTTP') => ({ ProtocolType, integrations: [{ IntegrationType: 'HTTP_PROXY', PayloadFormatVersion: '1.0', ResponseParameters }] });
const header = { 'overwrite:header.x-id': '$context.requestId' };

ruleTable(HP001, {
  fires: [
    {
      name: 'flat header map',
      api: api({ 'overwrite:header.x-id': '$context.requestId' }),
      expect: [{ at: 'i1', path: 'ResponseParameters["overwrite:header.x-id"]', message: 'the map looks flat' }],
    },
    { name: 'status below 200', api: api({ '199': header }), expect: [{ at: 'i1', path: 'ResponseParameters["199"]', message: '"199"' }] },
    { name: 'status above 599', api: api({ '600': header }), expect: [{ at: 'i1', path: 'ResponseParameters["600"]' }] },
    { name: 'pattern instead of a code', api: api({ '2XX': header }), expect: [{ at: 'i1', path: 'ResponseParameters["2XX"]' }] },
    { name: 'WebSocket-style $default', api: api({ $default: header }), expect: [{ at: 'i1', path: 'ResponseParameters["$default"]' }] },
    { name: 'padded code', api: api({ ' 200': header }), expect: [{ at: 'i1', path: 'ResponseParameters[" 200"]' }] },
    {
      name: 'only the bad key of several',
      api: api({ '200': header, '4xx': header, '599': {} }),
      expect: [{ at: 'i1', path: 'ResponseParameters["4xx"]' }],
    },
  ],
  quiet: [
    { name: 'valid codes at both ends of the range', api: api({ '200': header, '599': { 'overwrite:statuscode': '500' } }) },
    { name: 'the clean sample shape', api: api({ '404': { 'overwrite:statuscode': '410' }, '500': { 'remove:header.x-internal-trace': "''" } }) },
    { name: 'empty status map (removes the mappings)', api: api({ '200': {} }) },
    { name: 'absent', api: api(undefined) },
    { name: 'null', api: api(null) },
    { name: 'not a map', api: api('overwrite:header.x') },
    { name: 'WebSocket API (HP007 reports the whole map)', api: api({ 'overwrite:header.x-id': 'v' }, 'WEBSOCKET') },
    { name: 'unknown protocol', api: api({ 'overwrite:header.x-id': 'v' }, 'GRPC') },
  ],
});

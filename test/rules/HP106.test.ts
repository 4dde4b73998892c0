import { HP106 } from '../../lib/rules/hp/HP106';
import { ruleTable } from '../support/rule-table';

const http = (ResponseParameters: unknown, ProtocolType = 'HTTP') => ({ ProtocolType, integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters }] });

ruleTable(HP106, {
  fires: [
    {
      name: 'append and remove, different case',
      api: http({ '200': { 'remove:header.X-Id': "''", 'append:header.x-id': 'a' } }),
      expect: [{ at: 'i1', path: 'ResponseParameters["200"]["append:header.x-id"]', message: 'append and remove: "append:header.x-id", "remove:header.X-Id"' }],
    },
    {
      name: 'all three actions, per status code',
      api: http({
        '200': { 'overwrite:header.x': 'a', 'append:header.x': 'b', 'remove:header.X': "''" },
        '404': { 'overwrite:header.y': 'a', 'remove:header.y': "''", 'overwrite:header.z': 'c' },
      }),
      expect: [
        { at: 'i1', path: 'ResponseParameters["200"]["append:header.x"]', message: 'append and overwrite and remove' },
        { at: 'i1', path: 'ResponseParameters["404"]["overwrite:header.y"]', message: 'overwrite and remove' },
      ],
    },
  ],
  quiet: [
    { name: 'one action per header', api: http({ '200': { 'append:header.x': 'a', 'overwrite:header.y': 'b', 'remove:header.z': "''" } }) },
    { name: 'same header under different status codes', api: http({ '200': { 'append:header.x': 'a' }, '404': { 'remove:header.x': "''" } }) },
    { name: 'same action twice in different case', api: http({ '200': { 'append:header.x': 'a', 'append:header.X': 'b' } }) },
    { name: 'status code mapping next to a header', api: http({ '200': { 'overwrite:statuscode': '204', 'overwrite:header.statuscode': 'x' } }) },
    { name: 'WebSocket API', api: http({ '200': { 'append:header.x': 'a', 'remove:header.x': "''" } }, 'WEBSOCKET') },
  ],
});

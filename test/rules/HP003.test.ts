import { HP003 } from '../../lib/rules/hp/HP003';
import { ruleTable } from '../support/rule-table';

const http = (ResponseParameters: unknown, ProtocolType = 'HTTP') => ({ ProtocolType, integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters }] });

ruleTable(HP003, {
  fires: [
    {
      name: 'dot form',
      api: http({ '404': { 'overwrite.statuscode': '410' } }),
      expect: [{ at: 'i1', path: 'ResponseParameters["404"]["overwrite.statuscode"]', message: '"overwrite.statuscode"' }],
    },
    {
      name: 'under several status codes, next to other keys',
      api: http({ '403': { 'overwrite.statuscode': '404', 'append:header.x': 'v' }, '500': { 'overwrite.statuscode': '503' } }),
      expect: [
        { at: 'i1', path: 'ResponseParameters["403"]["overwrite.statuscode"]' },
        { at: 'i1', path: 'ResponseParameters["500"]["overwrite.statuscode"]' },
      ],
    },
  ],
  quiet: [
    { name: 'colon form', api: http({ '404': { 'overwrite:statuscode': '410' } }) },
    { name: 'other invalid keys are HP002', api: http({ '404': { 'overwrite.header.x': 'v', 'OVERWRITE.STATUSCODE': '410' } }) },
    { name: 'WebSocket API (HP007)', api: http({ '404': { 'overwrite.statuscode': '410' } }, 'WEBSOCKET') },
    { name: 'inner map that is not a map', api: http({ '404': 'overwrite.statuscode' }) },
    { name: 'no response parameters', api: http(null) },
  ],
});

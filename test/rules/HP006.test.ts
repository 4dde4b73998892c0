import { HP006 } from '../../lib/rules/hp/HP006';
import { ruleTable } from '../support/rule-table';

const api = (value: unknown, ProtocolType = 'HTTP') => ({ ProtocolType, integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-id': value } } }] });
const PATH = 'ResponseParameters["200"]["overwrite:header.x-id"]';

ruleTable(HP006, {
  fires: [
    { name: 'empty value', api: api(''), expect: [{ at: 'i1', path: PATH, message: 'a value of 0 characters' }] },
    { name: '513 characters', api: api('a'.repeat(513)), expect: [{ at: 'i1', path: PATH, message: 'a value of 513 characters' }] },
    {
      name: 'the message never carries the value',
      api: api(`secret=${'s'.repeat(600)}`),
      expect: [{ at: 'i1', path: PATH, message: '"overwrite:header.x-id" under status "200" has a value of 607 characters' }],
    },
  ],
  quiet: [
    { name: 'one character', api: api('x') },
    { name: '512 characters', api: api('a'.repeat(512)) },
    { name: '512 characters that are 1024 UTF-16 units', api: api('😀'.repeat(512)) },
    { name: 'quoted empty static value (two characters)', api: api("''") },
    { name: 'not a string', api: api(404) },
    { name: 'null', api: api(null) },
    { name: 'WebSocket API (HP007 reports the whole map)', api: api('', 'WEBSOCKET') },
  ],
});

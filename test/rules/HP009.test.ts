import { HP009 } from '../../lib/rules/hp/HP009';
import { ruleTable } from '../support/rule-table';

const api = (IntegrationType: unknown, ProtocolType = 'HTTP') => ({ ProtocolType, integrations: [{ IntegrationType }] });

ruleTable(HP009, {
  fires: [
    { name: 'MOCK', api: api('MOCK'), expect: [{ at: 'i1', path: 'IntegrationType', message: '"MOCK"' }] },
    { name: 'AWS', api: api('AWS'), expect: [{ at: 'i1', path: 'IntegrationType', message: '"AWS"' }] },
    { name: 'HTTP', api: api('HTTP'), expect: [{ at: 'i1', path: 'IntegrationType', message: '"HTTP"' }] },
  ],
  quiet: [
    { name: 'AWS_PROXY', api: api('AWS_PROXY') },
    { name: 'HTTP_PROXY', api: api('HTTP_PROXY') },
    { name: 'lower case (not a known type)', api: api('mock') },
    { name: 'absent type', api: api(undefined) },
    { name: 'WebSocket non-proxy', api: api('MOCK', 'WEBSOCKET') },
  ],
});

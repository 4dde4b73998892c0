import { WS001 } from '../../lib/rules/ws/WS001';
import { ruleTable } from '../support/rule-table';

const api = (ProtocolType: string, IntegrationType: string, PayloadFormatVersion: unknown) => ({ ProtocolType, integrations: [{ IntegrationType, PayloadFormatVersion }] });

ruleTable(WS001, {
  fires: [
    { name: 'WebSocket Lambda proxy with 2.0', api: api('WEBSOCKET', 'AWS_PROXY', '2.0'), expect: [{ at: 'i1', path: 'PayloadFormatVersion', message: '"2.0"' }] },
    { name: 'WebSocket MOCK with 2.0', api: api('WEBSOCKET', 'MOCK', '2.0'), expect: [{ at: 'i1', path: 'PayloadFormatVersion' }] },
    { name: 'WebSocket with 1.1', api: api('WEBSOCKET', 'HTTP', '1.1'), expect: [{ at: 'i1', path: 'PayloadFormatVersion', message: '"1.1"' }] },
    { name: 'WebSocket with a number instead of the string 1.0', api: api('WEBSOCKET', 'AWS_PROXY', 1), expect: [{ at: 'i1', path: 'PayloadFormatVersion', message: 'PayloadFormatVersion 1;' }] },
    { name: 'HTTP API HTTP proxy with 2.0', api: api('HTTP', 'HTTP_PROXY', '2.0'), expect: [{ at: 'i1', path: 'PayloadFormatVersion', message: '"HTTP_PROXY" integration' }] },
    { name: 'unknown protocol, HTTP proxy with 2.0', api: api('GRPC', 'HTTP_PROXY', '2.0'), expect: [{ at: 'i1', path: 'PayloadFormatVersion' }] },
  ],
  quiet: [
    { name: 'HTTP API Lambda proxy with 2.0 (the clean sample)', api: api('HTTP', 'AWS_PROXY', '2.0') },
    { name: 'HTTP API Lambda proxy with 1.0', api: api('HTTP', 'AWS_PROXY', '1.0') },
    { name: 'HTTP API HTTP proxy with 1.0', api: api('HTTP', 'HTTP_PROXY', '1.0') },
    { name: 'WebSocket with 1.0', api: api('WEBSOCKET', 'AWS_PROXY', '1.0') },
    { name: 'WebSocket unset', api: api('WEBSOCKET', 'AWS', undefined) },
    { name: 'WebSocket null', api: api('WEBSOCKET', 'AWS', null) },
    { name: 'WebSocket empty string', api: api('WEBSOCKET', 'AWS', '') },
    { name: 'unknown protocol, Lambda proxy with 2.0', api: api('GRPC', 'AWS_PROXY', '2.0') },
  ],
});

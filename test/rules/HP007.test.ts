import { HP007 } from '../../lib/rules/hp/HP007';
import { ruleTable } from '../support/rule-table';

const api = (ResponseParameters: unknown, ProtocolType = 'WEBSOCKET', IntegrationType = 'AWS_PROXY') => ({ ProtocolType, integrations: [{ IntegrationType, ResponseParameters }] });

ruleTable(HP007, {
  fires: [
    { name: 'status-keyed map on a proxy integration', api: api({ '200': { 'overwrite:header.x': 'v' } }), expect: [{ at: 'i1', path: 'ResponseParameters', message: '"200"' }] },
    { name: 'on a non-proxy integration', api: api({ '200': {}, '404': {} }, 'WEBSOCKET', 'MOCK'), expect: [{ at: 'i1', path: 'ResponseParameters', message: '"200", "404"' }] },
    { name: 'a flat map', api: api({ 'method.response.header.x': "'v'" }), expect: [{ at: 'i1', path: 'ResponseParameters' }] },
  ],
  quiet: [
    { name: 'HTTP API', api: api({ '200': { 'overwrite:header.x': 'v' } }, 'HTTP') },
    { name: 'empty map', api: api({}) },
    { name: 'absent', api: api(undefined) },
    { name: 'null', api: api(null) },
    { name: 'not a map', api: api('x') },
    {
      name: 'integration response parameters are another field',
      api: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseParameters: { 'method.response.header.x': "'v'" } }] }] },
    },
  ],
});

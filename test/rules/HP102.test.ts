import { HP102 } from '../../lib/rules/hp/HP102';
import { ruleTable } from '../support/rule-table';

const http = (inner: Record<string, unknown>, ProtocolType = 'HTTP') => ({ ProtocolType, integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': inner } }] });
const at = (key: string) => `ResponseParameters["200"][${JSON.stringify(key)}]`;

ruleTable(HP102, {
  fires: [
    { name: 'response status code', api: http({ 'overwrite:header.x': '$response.statuscode' }), expect: [{ at: 'i1', path: at('overwrite:header.x'), message: '"$response.statuscode"' }] },
    { name: 'WebSocket-style integration source', api: http({ 'overwrite:header.x': '${integration.response.header.x}' }), expect: [{ at: 'i1', path: at('overwrite:header.x'), message: '"${integration.response.header.x}"' }] },
    { name: 'REST-style method source', api: http({ 'overwrite:header.x': '$method.request.header.x' }), expect: [{ at: 'i1', path: at('overwrite:header.x'), message: '$method.request.header.x' }] },
    { name: 'wrong case of the root', api: http({ 'overwrite:header.x': '$stagevariables.v' }), expect: [{ at: 'i1', path: at('overwrite:header.x'), message: '$stagevariables.v' }] },
    { name: 'header root without a name', api: http({ 'overwrite:header.x': '${response.header}' }), expect: [{ at: 'i1', path: at('overwrite:header.x') }] },
  ],
  quiet: [
    {
      name: 'every supported source',
      api: http({ 'overwrite:header.a': '$response.header.X-Id', 'overwrite:header.b': '${response.body.a[0].b}', 'overwrite:header.c': '$response.body', 'overwrite:header.d': '${context.requestId}-${stageVariables.v}' }),
    },
    { name: '$request is HP101', api: http({ 'overwrite:header.x': '$request.header.x' }) },
    { name: 'static values with dollar signs that are no references', api: http({ 'overwrite:header.price': 'costs $5', 'overwrite:header.y': '\\$notavariable', 'overwrite:header.z': '$' }) },
    { name: 'removal placeholder', api: http({ 'remove:header.x': "''" }) },
    { name: 'WebSocket API', api: http({ 'overwrite:header.x': '$response.statuscode' }, 'WEBSOCKET') },
  ],
});

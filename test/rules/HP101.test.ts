import { HP101 } from '../../lib/rules/hp/HP101';
import { ruleTable } from '../support/rule-table';

const http = (inner: Record<string, unknown>, ProtocolType = 'HTTP') => ({ ProtocolType, integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': inner } }] });
const at = (key: string) => `ResponseParameters["200"][${JSON.stringify(key)}]`;

ruleTable(HP101, {
  fires: [
    { name: 'unbraced request header', api: http({ 'overwrite:header.x-trace': '$request.header.x-trace' }), expect: [{ at: 'i1', path: at('overwrite:header.x-trace'), message: '"$request.header.x-trace"' }] },
    { name: 'braced request path', api: http({ 'append:header.x-id': 'id=${request.path.id}' }), expect: [{ at: 'i1', path: at('append:header.x-id'), message: '"${request.path.id}"' }] },
    {
      name: 'several request references in one value, one finding',
      api: http({ 'overwrite:header.x': '${request.querystring.a} ${request.body.b}' }),
      expect: [{ at: 'i1', path: at('overwrite:header.x'), message: '"${request.querystring.a}", "${request.body.b}"' }],
    },
  ],
  quiet: [
    { name: 'response and context sources', api: http({ 'overwrite:header.x': '${response.header.x} ${context.requestId} $stageVariables.v' }) },
    { name: 'static text mentioning request', api: http({ 'overwrite:header.x': 'request.header.x' }) },
    { name: 'escaped dollar', api: http({ 'overwrite:header.x': '\\$request.header.x' }) },
    { name: 'a bare $request is HP102', api: http({ 'overwrite:header.x': '$request' }) },
    { name: 'non-string value', api: http({ 'overwrite:header.x': 42 }) },
    { name: 'WebSocket API', api: http({ 'overwrite:header.x': '$request.header.x' }, 'WEBSOCKET') },
  ],
});

import { SEC001 } from '../../lib/rules/sec/SEC001';
import { ruleTable } from '../support/rule-table';

const http = (inner: Record<string, unknown>) => ({ ProtocolType: 'HTTP', integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': inner } }] });
const ws = (ResponseParameters: Record<string, unknown>, ProtocolType = 'WEBSOCKET') => ({
  ProtocolType,
  integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseParameters }] }],
});
const at = (key: string) => `ResponseParameters["200"][${JSON.stringify(key)}]`;

ruleTable(SEC001, {
  fires: [
    {
      name: 'HTTP: X-Powered-By passed through',
      api: http({ 'overwrite:header.x-powered-by': '$response.header.x-powered-by' }),
      expect: [{ at: 'i1', path: at('overwrite:header.x-powered-by'), message: 'copies the backend\'s "x-powered-by" header' }],
    },
    {
      name: 'HTTP: backend Server header copied into another header',
      api: http({ 'append:header.x-upstream': '${response.header.Server}' }),
      expect: [{ at: 'i1', path: at('append:header.x-upstream'), message: '"Server"' }],
    },
    {
      name: 'HTTP: Server filled from another backend header',
      api: http({ 'overwrite:header.Server': '$response.header.x-engine' }),
      expect: [{ at: 'i1', path: at('overwrite:header.Server'), message: 'fills a fingerprint header from the backend ("$response.header.x-engine")' }],
    },
    { name: 'HTTP: static Server value with a version', api: http({ 'overwrite:header.server': 'nginx/1.25.3' }), expect: [{ at: 'i1', path: at('overwrite:header.server'), message: '"nginx/1.25.3"' }] },
    {
      name: 'WebSocket: X-AspNet-Version passed through',
      api: ws({ 'method.response.header.X-AspNet-Version': 'integration.response.header.X-AspNet-Version' }),
      expect: [{ at: 'ir1', path: 'ResponseParameters["method.response.header.X-AspNet-Version"]', message: 'X-AspNet-Version' }],
    },
    {
      name: 'WebSocket: static version',
      api: ws({ 'method.response.header.X-AspNetMvc-Version': "'5.2'" }),
      expect: [{ at: 'ir1', path: 'ResponseParameters["method.response.header.X-AspNetMvc-Version"]', message: '"5.2"' }],
    },
  ],
  quiet: [
    { name: 'HTTP: removing the header (the advice)', api: http({ 'remove:header.server': "''", 'remove:header.x-powered-by': '$response.header.x-powered-by' }) },
    { name: 'HTTP: non-informative static Server value', api: http({ 'overwrite:header.server': 'api' }) },
    { name: 'HTTP: version-like value in another header', api: http({ 'overwrite:header.x-api-version': '2.1' }) },
    { name: 'HTTP: context source into Server', api: http({ 'overwrite:header.server': '$context.domainName' }) },
    { name: 'HTTP: other backend headers', api: http({ 'overwrite:header.x-request-id': '$response.header.x-request-id' }) },
    { name: 'WebSocket: body source', api: ws({ 'method.response.header.Server': 'integration.response.body.server' }) },
    { name: 'WebSocket mapping shape on an HTTP API', api: ws({ 'method.response.header.Server': 'integration.response.header.Server' }, 'HTTP') },
  ],
});

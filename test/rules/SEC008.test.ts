import { SEC008 } from '../../lib/rules/sec/SEC008';
import { ruleTable } from '../support/rule-table';

const http = (inner: Record<string, unknown>) => ({ ProtocolType: 'HTTP', integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': inner } }] });
const ws = (ResponseParameters: Record<string, unknown>) => ({
  ProtocolType: 'WEBSOCKET',
  integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseParameters }] }],
});
const at = (key: string) => `ResponseParameters["200"][${JSON.stringify(key)}]`;

ruleTable(SEC008, {
  fires: [
    { name: 'HTTP: unbraced', api: http({ 'overwrite:header.x-backend': '$stageVariables.backendHost' }), expect: [{ at: 'i1', path: at('overwrite:header.x-backend'), message: '"$stageVariables.backendHost"' }] },
    { name: 'HTTP: braced, in a status code mapping', api: http({ 'overwrite:statuscode': '${stageVariables.code}' }), expect: [{ at: 'i1', path: at('overwrite:statuscode') }] },
    {
      name: 'WebSocket: stageVariables form',
      api: ws({ 'method.response.header.X-Env': 'stageVariables.env' }),
      expect: [{ at: 'ir1', path: 'ResponseParameters["method.response.header.X-Env"]', message: '"stageVariables.env"' }],
    },
  ],
  quiet: [
    { name: 'HTTP: stage name from the context', api: http({ 'overwrite:header.x-stage': '$context.stage' }) },
    { name: 'HTTP: removal', api: http({ 'remove:header.x-backend': '$stageVariables.backendHost' }) },
    { name: 'HTTP: static text', api: http({ 'overwrite:header.x': 'stageVariables.backendHost' }) },
    { name: 'HTTP: escaped dollar', api: http({ 'overwrite:header.x': '\\$stageVariables.backendHost' }) },
    { name: 'WebSocket: static text', api: ws({ 'method.response.header.X': "'stageVariables.env'" }) },
  ],
});

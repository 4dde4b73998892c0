import { defineRule } from '../define-rule';
import { isWebSocket } from '../selectors';
import { entriesOf, show } from '../values';

export const HP007 = defineRule({
  meta: {
    id: 'HP007',
    name: 'http-resp-params-on-websocket',
    kind: 'certain',
    severity: 'low',
    title: 'WebSocket integration has HTTP API response parameters',
    rationale: 'Integration.ResponseParameters is "Supported only for HTTP APIs"; on a WebSocket API the mappings have no effect.',
    remediation: 'Move the header logic into the integration responses (ResponseParameters with method.response.header.* keys, or response templates) and remove the integration\'s ResponseParameters.',
    source: 'https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-integrations-integrationid.html',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'AWS_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-id': '$context.requestId' } } }],
      },
      quiet: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'AWS_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-id': '$context.requestId' } } }],
      },
    },
  },
  check: {
    integration: ({ api, integration }) => {
      const keys = entriesOf(integration.ResponseParameters).map(([key]) => key);
      if (!isWebSocket(api) || keys.length === 0) return [];
      return [{ path: 'ResponseParameters', message: `WebSocket integration has HTTP API ResponseParameters (keys ${keys.map((key) => show(key, 20)).join(', ')}), which only HTTP APIs support.` }];
    },
  },
});

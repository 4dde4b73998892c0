import { defineRule } from '../define-rule';
import { isWebSocket } from '../selectors';
import { isConfigured, show } from '../values';

const V1 = '1.0';

export const WS001 = defineRule({
  meta: {
    id: 'WS001',
    name: 'ws-payload-format-version-unsupported',
    kind: 'certain',
    severity: 'high',
    title: 'Integration sets a PayloadFormatVersion its API and integration type do not support',
    rationale:
      'The API model: "Supported values for Lambda proxy integrations are 1.0 and 2.0. For all other integrations, 1.0 is the only supported value"; format 2.0 is documented only for HTTP API Lambda proxy integrations.',
    remediation: 'Set PayloadFormatVersion to 1.0 or leave it unset.',
    source: 'https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-integrations-integrationid.html',
    examples: {
      fires: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' }] },
      quiet: { ProtocolType: 'HTTP', integrations: [{ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' }] },
    },
  },
  check: {
    // An empty string counts as unset, like the other "set" fields. On an HTTP API only non-AWS_PROXY
    // integrations are judged: AWS_PROXY there takes 1.0 and 2.0, and the catalog's predicate
    // stops at that.
    integration: ({ api, integration }) => {
      const version = integration.PayloadFormatVersion;
      if (!isConfigured(version) || version === V1) return [];
      if (isWebSocket(api)) {
        return [{ path: 'PayloadFormatVersion', message: `WebSocket integration sets PayloadFormatVersion ${show(version)}; WebSocket APIs support only 1.0.` }];
      }
      if (integration.IntegrationType === 'AWS_PROXY') return [];
      return [{ path: 'PayloadFormatVersion', message: `${show(integration.IntegrationType)} integration sets PayloadFormatVersion ${show(version)}; only Lambda proxy integrations support a version other than 1.0.` }];
    },
  },
});

import { defineRule } from '../define-rule';
import { isNonProxy, isWebSocket } from '../selectors';
import { isSet, show } from '../values';

export const IR014 = defineRule({
  meta: {
    id: 'IR014',
    name: 'ir-content-handling-missing',
    kind: 'policy',
    severity: 'low',
    title: 'WebSocket integration response leaves ContentHandlingStrategy unset',
    rationale:
      'A policy, not a validity rule: unset is valid and means the payload passes through unconverted. It is on by default because users asked for it: teams that want every response\'s handling explicit (binary backends in particular) need to see where it is left to chance; it matters most when the integration converts requests to binary.',
    remediation: 'Set ContentHandlingStrategy to CONVERT_TO_TEXT (or CONVERT_TO_BINARY) on the integration response.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-develop-binary-media-types.html',
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default' }] }],
      },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ContentHandlingStrategy: 'CONVERT_TO_TEXT' }] }],
      },
    },
  },
  check: {
    integrationResponse: ({ api, integration, response }) => {
      if (!isWebSocket(api) || !isNonProxy(integration) || isSet(response.ContentHandlingStrategy)) return [];
      const binaryIntegration = integration.ContentHandlingStrategy === 'CONVERT_TO_BINARY';
      return [
        {
          path: 'ContentHandlingStrategy',
          message: binaryIntegration
            ? `Integration response ${show(response.IntegrationResponseKey)} has no ContentHandlingStrategy while its ${String(integration.IntegrationType)} integration converts requests to binary.`
            : `Integration response ${show(response.IntegrationResponseKey)} (${String(integration.IntegrationType)} integration) has no ContentHandlingStrategy, so its payload passes through unconverted.`,
          severity: binaryIntegration ? 'medium' : 'low',
        },
      ];
    },
  },
});

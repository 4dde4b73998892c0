import { defineRule } from '../define-rule';

export const IR113 = defineRule({
  meta: {
    id: 'IR113',
    name: 'ir-convert-to-binary-on-response',
    kind: 'heuristic',
    severity: 'info',
    title: 'Integration response converts the payload to binary',
    rationale:
      'The docs describe only CONVERT_TO_TEXT for returning binary payloads in route responses ("set the integration response\'s contentHandlingStrategy property to CONVERT_TO_TEXT"); what CONVERT_TO_BINARY does to the outgoing WebSocket frame is unsourced.',
    remediation: 'Verify that clients accept binary frames, or use CONVERT_TO_TEXT.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-develop-binary-media-types.html',
    examples: {
      fires: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '$default', ContentHandlingStrategy: 'CONVERT_TO_BINARY' }] }] },
      quiet: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '$default', ContentHandlingStrategy: 'CONVERT_TO_TEXT' }] }] },
    },
  },
  check: {
    integrationResponse: ({ response }) =>
      response.ContentHandlingStrategy === 'CONVERT_TO_BINARY'
        ? [{ path: 'ContentHandlingStrategy', message: 'ContentHandlingStrategy is "CONVERT_TO_BINARY", whose effect on the response sent to WebSocket clients is undocumented; the docs use CONVERT_TO_TEXT.' }]
        : [],
  },
});

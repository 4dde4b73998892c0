import { defineRule } from '../define-rule';
import { deadResponse, onProxyIntegration } from './dead-response';

export const IR009 = defineRule({
  meta: {
    id: 'IR009',
    name: 'ir-on-proxy-integration',
    kind: 'certain',
    severity: 'low',
    title: 'Integration response on a proxy integration, which never uses it',
    rationale:
      'The docs say "For proxy integrations, ... There is no integration response", and for HTTP_PROXY and AWS_PROXY the selection expression "isn\'t utilized": the backend response passes through, so these integration responses are dead configuration.',
    remediation: 'Delete the integration responses, or switch to a non-proxy integration (AWS, HTTP, MOCK) if the response must be transformed.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-integration-responses.html',
    examples: {
      fires: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'AWS_PROXY', integrationResponses: [{ IntegrationResponseKey: '$default' }] }] },
      quiet: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'AWS', integrationResponses: [{ IntegrationResponseKey: '$default' }] }] },
    },
  },
  check: {
    // On an HTTP API every integration response is dead whatever the integration: IR010 reports
    // it there, so one mistake gives one finding.
    integrationResponse: (node) =>
      onProxyIntegration(node)
        ? deadResponse(node, `${String(node.integration.IntegrationType)} is a proxy integration, which passes the backend response through and has no integration response`)
        : [],
  },
});

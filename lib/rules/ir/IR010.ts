import { defineRule } from '../define-rule';
import { deadResponse, onHttpApi } from './dead-response';

export const IR010 = defineRule({
  meta: {
    id: 'IR010',
    name: 'ir-on-http-api',
    kind: 'certain',
    severity: 'low',
    title: 'Integration response on an HTTP API, which never uses it',
    rationale:
      'HTTP APIs "may only be associated with proxy integrations (AWS_PROXY, HTTP_PROXY)", and proxy integrations have no integration response; integration responses are a WebSocket API feature (the CloudFormation resource is "for an WebSocket API"), so on an HTTP API they are dead configuration.',
    remediation: 'Delete the integration responses; to change HTTP API responses use the integration\'s ResponseParameters (keyed by status code).',
    source: 'https://github.com/aws/aws-cli/issues/6363',
    examples: {
      fires: { ProtocolType: 'HTTP', integrations: [{ IntegrationType: 'HTTP_PROXY', integrationResponses: [{ IntegrationResponseKey: '$default' }] }] },
      quiet: { ProtocolType: 'HTTP', integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-api': 'v1' } } }] },
    },
  },
  check: {
    integrationResponse: (node) =>
      onHttpApi(node) ? deadResponse(node, 'integration responses exist only for WebSocket APIs, and HTTP APIs allow only proxy integrations, which have none') : [],
  },
});

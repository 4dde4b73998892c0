import { defineRule } from '../define-rule';
import { deadResponse, onDisconnectOnly } from './dead-response';

export const IR015 = defineRule({
  meta: {
    id: 'IR015',
    name: 'ir-on-disconnect-only',
    kind: 'certain',
    severity: 'low',
    title: 'Integration response on an integration used only by $disconnect',
    rationale: 'The $disconnect route "is executed after the connection is closed", on a best-effort basis: nothing it produces can reach the client, so its integration responses are dead configuration.',
    remediation: 'Delete the integration responses of the $disconnect integration.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-route-keys-connect-disconnect.html',
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'AWS', integrationResponses: [{ IntegrationResponseKey: '$default' }] }],
        routes: [{ RouteKey: '$disconnect', Target: 'integrations/i1' }],
      },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'AWS' }],
        routes: [{ RouteKey: '$disconnect', Target: 'integrations/i1' }],
      },
    },
  },
  check: {
    integrationResponse: (node) =>
      onDisconnectOnly(node)
        ? deadResponse(node, 'its integration serves only $disconnect, which runs after the connection is closed, so nothing reaches the client')
        : [],
  },
});

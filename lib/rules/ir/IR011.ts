import { defineRule } from '../define-rule';
import { deadResponse, onOneWayRoutesOnly } from './dead-response';
import { showList } from './show-list';

export const IR011 = defineRule({
  meta: {
    id: 'IR011',
    name: 'ir-on-one-way-routes-only',
    kind: 'certain',
    severity: 'low',
    title: 'Integration response on an integration whose routes are all one-way',
    rationale:
      '"If a route is configured for one-way communication, then regardless of any integration response configuration, no response will be returned over the WebSocket channel"; a route is two-way only when it has a route response.',
    remediation: 'Enable two-way communication on the route (RouteResponseSelectionExpression $default plus a $default route response), or delete the integration responses.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-integration-responses.html',
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default' }] }],
        routes: [{ RouteKey: 'ping', Target: 'integrations/i1' }],
      },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default' }] }],
        routes: [{ RouteKey: 'ping', Target: 'integrations/i1', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }],
      },
    },
  },
  check: {
    integrationResponse: (node) => {
      if (!onOneWayRoutesOnly(node)) return [];
      return deadResponse(node, `every route of this integration (${showList(node.routes.map((route) => route.RouteKey))}) is one-way, so no response is returned to the client`);
    },
  },
});

import { defineRule } from '../define-rule';
import { isNonProxy, isTwoWay, isWebSocket } from '../selectors';
import { show } from '../values';

export const IR012 = defineRule({
  meta: {
    id: 'IR012',
    name: 'two-way-nonproxy-without-ir',
    kind: 'certain',
    severity: 'critical',
    title: 'Two-way route targets a non-proxy integration that has no integration response',
    rationale:
      '"For non-proxy integrations, you must set up at least one integration response"; without one, every reply on a two-way route fails with "No match for output mapping and no default output mapping configured".',
    remediation: 'Add a $default integration response to the integration.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-integration-responses.html',
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK' }],
        routes: [{ RouteKey: 'ping', Target: 'integrations/i1', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }],
      },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default' }] }],
        routes: [{ RouteKey: 'ping', Target: 'integrations/i1', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }],
      },
    },
  },
  check: {
    route: ({ api, route, integration }) => {
      if (!isWebSocket(api) || !isTwoWay(route) || integration === undefined || !isNonProxy(integration) || integration.integrationResponses.length > 0) return [];
      return [
        {
          path: 'Target',
          message: `Two-way route ${show(route.RouteKey)} targets ${String(integration.IntegrationType)} integration ${show(integration.IntegrationId)}, which has no integration response, so every reply fails with "No match for output mapping".`,
        },
      ];
    },
  },
});

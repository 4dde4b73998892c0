import { defineRule } from '../define-rule';
import { isWebSocket } from '../selectors';
import { isSet, show } from '../values';

export const RR101 = defineRule({
  meta: {
    id: 'RR101',
    name: 'two-way-half-configured',
    kind: 'heuristic',
    severity: 'medium',
    title: 'WebSocket route sets RouteResponseSelectionExpression but has no route response',
    rationale:
      'A route becomes two-way through its route response; the RouteResponseSelectionExpression "should be provided to initiate two-way communication", but alone it returns nothing, a frequent cause of "my reply never arrives". Narrowed after the real-world review: a route response without the expression still replies (valid, and common in real configurations), so that half no longer fires.',
    remediation: 'Add a $default route response if the client should get a reply, or remove the RouteResponseSelectionExpression from a one-way route.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-route-response.html',
    examples: {
      fires: { ProtocolType: 'WEBSOCKET', routes: [{ RouteKey: 'sendmessage', RouteResponseSelectionExpression: '$default' }] },
      quiet: { ProtocolType: 'WEBSOCKET', routes: [{ RouteKey: 'sendmessage', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }] },
    },
  },
  check: {
    route: ({ api, route }) => {
      if (!isWebSocket(api) || route.RouteKey === '$disconnect' || !isSet(route.RouteResponseSelectionExpression) || route.routeResponses.length > 0) return [];
      return [
        {
          path: 'RouteResponseSelectionExpression',
          message: `Route ${show(route.RouteKey)} sets RouteResponseSelectionExpression ${show(route.RouteResponseSelectionExpression)} but has no route response, so it stays one-way and no reply is sent.`,
        },
      ];
    },
  },
});

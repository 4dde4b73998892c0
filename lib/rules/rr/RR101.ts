import { defineRule } from '../define-rule';
import { isWebSocket } from '../selectors';
import { isSet, show } from '../values';

export const RR101 = defineRule({
  meta: {
    id: 'RR101',
    name: 'two-way-half-configured',
    kind: 'heuristic',
    severity: 'medium',
    title: 'WebSocket route has only one of RouteResponseSelectionExpression and a route response',
    rationale:
      'A route becomes two-way through its route response, while the RouteResponseSelectionExpression "should be provided to initiate two-way communication"; the console and the CDK set both. The expression alone returns nothing (medium); a route response without it works but is half-configured (info). Half-configured routes are a frequent cause of "my reply never arrives".',
    remediation: 'Set both (RouteResponseSelectionExpression $default and a $default route response), or neither for a one-way route.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-route-response.html',
    examples: {
      fires: { ProtocolType: 'WEBSOCKET', routes: [{ RouteKey: 'sendmessage', RouteResponseSelectionExpression: '$default' }] },
      quiet: { ProtocolType: 'WEBSOCKET', routes: [{ RouteKey: 'sendmessage', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }] },
    },
  },
  check: {
    route: ({ api, route }) => {
      if (!isWebSocket(api) || route.RouteKey === '$disconnect') return [];
      const expression = isSet(route.RouteResponseSelectionExpression);
      const responses = route.routeResponses.length > 0;
      if (expression && !responses) {
        return [
          {
            path: 'RouteResponseSelectionExpression',
            message: `Route ${show(route.RouteKey)} sets RouteResponseSelectionExpression ${show(route.RouteResponseSelectionExpression)} but has no route response, so it stays one-way and no reply is sent.`,
            severity: 'medium',
          },
        ];
      }
      if (responses && !expression) {
        return [
          {
            path: 'RouteResponseSelectionExpression',
            message: `Route ${show(route.RouteKey)} has a route response but no RouteResponseSelectionExpression; it replies, but the docs say the expression should be provided.`,
            severity: 'info',
          },
        ];
      }
      return [];
    },
  },
});

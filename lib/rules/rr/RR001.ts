import { defineRule } from '../define-rule';
import { DEFAULT_KEY, isWebSocket } from '../selectors';
import { show } from '../values';

export const RR001 = defineRule({
  meta: {
    id: 'RR001',
    name: 'route-response-key-not-default',
    kind: 'certain',
    severity: 'high',
    title: 'Route response key is not $default',
    rationale: 'WebSocket routes accept a single route response: "You can only define the $default route response for WebSocket APIs."',
    remediation: 'Rename the route response key to $default.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-route-response.html',
    examples: {
      fires: { ProtocolType: 'WEBSOCKET', routes: [{ RouteKey: 'send', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '200' }] }] },
      quiet: { ProtocolType: 'WEBSOCKET', routes: [{ RouteKey: 'send', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }] },
    },
  },
  check: {
    // WebSocket APIs only: the restriction is documented for them, and on an HTTP API RR005
    // already reports every route response as unsupported, whatever its key.
    routeResponse: ({ api, response }) =>
      isWebSocket(api) && response.RouteResponseKey !== DEFAULT_KEY
        ? [{ path: 'RouteResponseKey', message: `Route response key is ${show(response.RouteResponseKey)}, not $default, the only route response a WebSocket route can have.` }]
        : [],
  },
});

import { defineRule } from '../define-rule';
import { isWebSocket } from '../selectors';
import { isConfigured, show } from '../values';

const DISCONNECT = '$disconnect';

export const RR004 = defineRule({
  meta: {
    id: 'RR004',
    name: 'route-response-on-disconnect',
    kind: 'certain',
    severity: 'info',
    title: 'Route response configured on the $disconnect route, which cannot reply',
    rationale: 'The $disconnect route "is executed after the connection is closed", on a best-effort basis, so nothing can be returned to the client.',
    remediation: 'Remove the route response and the RouteResponseSelectionExpression from the $disconnect route.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-route-keys-connect-disconnect.html',
    examples: {
      fires: { ProtocolType: 'WEBSOCKET', routes: [{ RouteKey: '$disconnect', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }] },
      quiet: { ProtocolType: 'WEBSOCKET', routes: [{ RouteKey: '$disconnect' }] },
    },
  },
  check: {
    // With route responses, each one is the finding (removing them is the fix); the route is
    // reported only when the expression is all there is, so one mistake gives one finding.
    route: ({ api, route }) =>
      isWebSocket(api) && route.RouteKey === DISCONNECT && route.routeResponses.length === 0 && isConfigured(route.RouteResponseSelectionExpression)
        ? [{ path: 'RouteResponseSelectionExpression', message: `The $disconnect route sets RouteResponseSelectionExpression ${show(route.RouteResponseSelectionExpression)}, but nothing can be returned after the connection is closed.` }]
        : [],
    routeResponse: ({ api, route, response }) =>
      isWebSocket(api) && route.RouteKey === DISCONNECT
        ? [{ path: 'RouteResponseKey', message: `Route response ${show(response.RouteResponseKey)} is on the $disconnect route, which runs after the connection is closed and cannot return anything.` }]
        : [],
  },
});

import { defineRule } from '../define-rule';
import { isWebSocket } from '../selectors';
import { isConfigured, show } from '../values';

export const RR003 = defineRule({
  meta: {
    id: 'RR003',
    name: 'route-response-model-selection-set',
    kind: 'certain',
    severity: 'info',
    title: 'Route response sets ModelSelectionExpression, which is unsupported',
    rationale: 'RouteResponse.ModelSelectionExpression is "Currently unsupported" for WebSocket APIs, so the expression has no effect.',
    remediation: 'Remove ModelSelectionExpression from the route response.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-selection-expressions.html',
    examples: {
      fires: { ProtocolType: 'WEBSOCKET', routes: [{ RouteKey: 'send', routeResponses: [{ RouteResponseKey: '$default', ModelSelectionExpression: '$request.body.type' }] }] },
      quiet: { ProtocolType: 'WEBSOCKET', routes: [{ RouteKey: 'send', routeResponses: [{ RouteResponseKey: '$default' }] }] },
    },
  },
  check: {
    // WebSocket APIs only: on an HTTP API RR005 reports the whole route response as unsupported.
    routeResponse: ({ api, response }) =>
      isWebSocket(api) && isConfigured(response.ModelSelectionExpression)
        ? [{ path: 'ModelSelectionExpression', message: `Route response sets ModelSelectionExpression to ${show(response.ModelSelectionExpression)}, which route responses do not support.` }]
        : [],
  },
});

import { defineRule } from '../define-rule';
import { isWebSocket } from '../selectors';
import { isConfigured, show } from '../values';

export const WS002 = defineRule({
  meta: {
    id: 'WS002',
    name: 'ws-route-selection-expression-missing',
    kind: 'certain',
    severity: 'high',
    title: 'WebSocket API has no RouteSelectionExpression',
    rationale: 'RouteSelectionExpression is a required field of an API and the only way a WebSocket API picks a route for a message; without it no message can be routed.',
    remediation: 'Set RouteSelectionExpression, e.g. $request.body.action.',
    source: 'https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid.html',
    examples: {
      fires: { ProtocolType: 'WEBSOCKET' },
      quiet: { ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' },
    },
  },
  check: {
    api: ({ api }) =>
      isWebSocket(api) && !isConfigured(api.RouteSelectionExpression)
        ? [{ path: 'RouteSelectionExpression', message: `WebSocket API ${show(api.Name ?? api.ApiId)} has no RouteSelectionExpression, so no message can be routed.` }]
        : [],
  },
});

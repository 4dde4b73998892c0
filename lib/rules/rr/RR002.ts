import { defineRule } from '../define-rule';
import { DEFAULT_KEY, isWebSocket } from '../selectors';
import { isConfigured, show } from '../values';

/**
 * `\$default` is the selection-expression language's escaped form of the same literal (`\$`
 * escapes a dollar sign); whether the service stores it is unsourced, so it is not reported.
 */
const DEFAULT_EXPRESSIONS: readonly unknown[] = [DEFAULT_KEY, `\\${DEFAULT_KEY}`];

export const RR002 = defineRule({
  meta: {
    id: 'RR002',
    name: 'route-response-selection-not-default',
    kind: 'certain',
    severity: 'high',
    title: 'Route response selection expression is not $default',
    rationale: 'The route response selection expression of a WebSocket route "is restricted to $default only"; any other value is refused or selects nothing.',
    remediation: 'Set RouteResponseSelectionExpression to $default.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-selection-expressions.html',
    examples: {
      fires: { ProtocolType: 'WEBSOCKET', routes: [{ RouteKey: 'send', RouteResponseSelectionExpression: '$request.body.action', routeResponses: [{ RouteResponseKey: '$default' }] }] },
      quiet: { ProtocolType: 'WEBSOCKET', routes: [{ RouteKey: 'send', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }] },
    },
  },
  check: {
    // WebSocket APIs only: on an HTTP API RR005 reports the expression itself as unsupported.
    route: ({ api, route }) => {
      const expression = route.RouteResponseSelectionExpression;
      if (!isWebSocket(api) || !isConfigured(expression) || DEFAULT_EXPRESSIONS.includes(expression)) return [];
      return [{ path: 'RouteResponseSelectionExpression', message: `Route response selection expression is ${show(expression)}; the only allowed value is $default.` }];
    },
  },
});

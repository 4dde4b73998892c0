import { defineRule } from '../define-rule';
import type { Problem } from '../rule';
import { isHttpApi } from '../selectors';
import { isConfigured, show } from '../values';

export const RR005 = defineRule({
  meta: {
    id: 'RR005',
    name: 'route-response-on-http-api',
    kind: 'certain',
    severity: 'low',
    title: 'HTTP API route has a route response or a route response selection expression',
    rationale:
      'Route responses and RouteResponseSelectionExpression are WebSocket features (the model marks the expression "Supported only for WebSocket APIs"; CloudFormation\'s RouteResponse is "for a WebSocket API"); on an HTTP API they have no effect.',
    remediation: 'Remove the route responses and the RouteResponseSelectionExpression; HTTP APIs shape responses with the integration\'s ResponseParameters.',
    source: 'https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-routes-routeid.html',
    examples: {
      fires: { ProtocolType: 'HTTP', routes: [{ RouteKey: 'GET /items', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }] },
      quiet: { ProtocolType: 'HTTP', routes: [{ RouteKey: 'GET /items' }] },
    },
  },
  check: {
    // One finding per leftover (the expression, the route responses), so each names what to remove.
    route: ({ api, route }) => {
      if (!isHttpApi(api)) return [];
      const problems: Problem[] = [];
      if (isConfigured(route.RouteResponseSelectionExpression)) {
        problems.push({
          path: 'RouteResponseSelectionExpression',
          message: `HTTP API route sets RouteResponseSelectionExpression ${show(route.RouteResponseSelectionExpression)}, which only WebSocket APIs support.`,
        });
      }
      const keys = route.routeResponses.map((response) => show(response.RouteResponseKey, 20));
      if (keys.length > 0) {
        problems.push({ path: 'routeResponses', message: `HTTP API route has ${keys.length} route response(s) (keys ${keys.join(', ')}), which only WebSocket APIs support.` });
      }
      return problems;
    },
  },
});

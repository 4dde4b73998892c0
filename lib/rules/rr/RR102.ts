import { defineRule } from '../define-rule';
import { isProxy, isTwoWay, isWebSocket } from '../selectors';
import { isSet, show } from '../values';

export const RR102 = defineRule({
  meta: {
    id: 'RR102',
    name: 'proxy-route-two-way-expected',
    kind: 'heuristic',
    severity: 'info',
    title: 'Proxy WebSocket route looks meant to reply but has no route response',
    rationale:
      'For a route with an AWS_PROXY integration "communication is one-way ... If you want the client to receive integration responses, you must define a route response"; integration responses on such a route\'s integration suggest a reply was expected (a RouteResponseSelectionExpression without a route response is RR101\'s finding).',
    remediation: 'Add a $default route response (and RouteResponseSelectionExpression $default) if the client should receive the backend\'s response; otherwise remove the leftovers.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-routes-integrations.html',
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'AWS_PROXY', integrationResponses: [{ IntegrationResponseKey: '$default' }] }],
        routes: [{ RouteKey: 'sendmessage', Target: 'integrations/i1' }],
      },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'AWS_PROXY' }],
        routes: [{ RouteKey: 'sendmessage', Target: 'integrations/i1', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }],
      },
    },
  },
  check: {
    // A plain one-way proxy route (no hint of an expected reply) is the normal chat-app shape
    // and stays quiet; $connect and $disconnect never return a message body. A
    // RouteResponseSelectionExpression without a route response is RR101's finding, on any
    // route: here it is only more evidence, so one mistake gives one finding.
    route: ({ api, route, integration }) => {
      if (!isWebSocket(api) || integration === undefined || !isProxy(integration) || isTwoWay(route)) return [];
      if (route.RouteKey === '$connect' || route.RouteKey === '$disconnect' || isSet(route.RouteResponseSelectionExpression)) return [];
      const responseCount = integration.integrationResponses.length;
      if (responseCount === 0) return [];
      return [
        {
          path: 'Target',
          message: `Route ${show(route.RouteKey)} is a one-way proxy route with no route response, yet its ${String(integration.IntegrationType)} integration has ${responseCount} integration response(s), which suggests a reply was expected.`,
        },
      ];
    },
  },
});

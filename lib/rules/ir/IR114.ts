import { defineRule } from '../define-rule';
import { isDeadResponse } from './dead-response';
import { entriesOf, show } from '../values';
import { showList } from './show-list';

export const IR114 = defineRule({
  meta: {
    id: 'IR114',
    name: 'ir-response-params-on-websocket-message-route',
    kind: 'heuristic',
    severity: 'low',
    title: 'Integration response maps headers, but no route using it is $connect',
    rationale:
      'IntegrationResponse.ResponseParameters is documented with REST wording (method.response.header.*); WebSocket message frames carry no HTTP headers, and only the $connect handshake returns any. The runtime effect on message routes is unsourced.',
    remediation: 'Move the data into the response template (the message body).',
    source: 'https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-integrations-integrationid-integrationresponses-integrationresponseid.html',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseParameters: { 'method.response.header.X-Id': 'integration.response.header.X-Id' } }] }],
        routes: [{ RouteKey: 'sendmessage', Target: 'integrations/i1', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }],
      },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseParameters: { 'method.response.header.X-Id': 'integration.response.header.X-Id' } }] }],
        routes: [{ RouteKey: '$connect', Target: 'integrations/i1' }],
      },
    },
  },
  check: {
    // As the catalog states it: `every` also holds for an integration no route uses (IR116 adds that it is orphaned).
    // A response that is dead as a whole (IR009, IR010, IR011, IR015) is reported once, there.
    integrationResponse: (node) => {
      const { routes, response } = node;
      const parameters = entriesOf(response.ResponseParameters);
      if (parameters.length === 0 || routes.some((route) => route.RouteKey === '$connect') || isDeadResponse(node)) return [];
      const headers = showList(parameters.map(([key]) => key));
      const used = routes.length === 0 ? 'no route uses the integration' : `its routes (${showList(routes.map((route) => route.RouteKey))}) send WebSocket messages, which carry no headers`;
      return [{ path: 'ResponseParameters', message: `Integration response ${show(response.IntegrationResponseKey)} maps ${headers}, but ${used}, and only $connect returns headers.` }];
    },
  },
});

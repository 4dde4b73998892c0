import { defineRule } from '../define-rule';
import { show, text } from '../values';

/** The only Target form the API documents: `integrations/` and an integration id (alphanumeric). */
const TARGET_FORM = /^integrations\/[A-Za-z0-9]+$/;

export const RR006 = defineRule({
  meta: {
    id: 'RR006',
    name: 'route-target-unknown-integration',
    kind: 'certain',
    severity: 'high',
    title: 'Route Target names no integration of its API',
    rationale:
      'A route\'s Target must be "integrations/{integration-id}" of an integration of the same API. A Target that names none (a typo, an integration of another API, a character left over from a template such as integrations/${aws_apigatewayv2_integration.x.id}} with an extra brace) is refused when the route is created or updated, or leaves the route without an integration, so no request or message on it reaches a backend.',
    remediation: 'Point the Target at an integration of the same API: integrations/{IntegrationId} (in Terraform, "integrations/${aws_apigatewayv2_integration.NAME.id}").',
    source: 'https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-routes-routeid.html',
    examples: {
      fires: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'AWS_PROXY' }], routes: [{ RouteKey: 'send', Target: 'integrations/i1}' }] },
      quiet: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'AWS_PROXY' }], routes: [{ RouteKey: 'send', Target: 'integrations/i1' }] },
    },
  },
  check: {
    // The engine links a route to the integration its Target names (targetOf); when a scan may
    // not hold every integration of the API, that link is marked unknown and the finding withheld.
    route: ({ route, integration }) => {
      const target = text(route.Target);
      if (target === undefined || integration !== undefined) return [];
      const why = TARGET_FORM.test(target) ? 'no integration of this API has that id' : 'it is not of the form integrations/{integration-id}';
      return [{ path: 'Target', message: `Route ${show(route.RouteKey)} has Target ${show(target)}, but ${why}, so the route reaches no backend.` }];
    },
  },
});

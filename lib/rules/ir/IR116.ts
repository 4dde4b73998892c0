import { defineRule } from '../define-rule';
import { showList } from './show-list';

export const IR116 = defineRule({
  meta: {
    id: 'IR116',
    name: 'ir-orphan-integration',
    kind: 'heuristic',
    severity: 'info',
    title: 'Integration with integration responses that no route targets',
    rationale: 'Routes reach an integration through Target "integrations/{integration-id}"; an integration no route targets never runs, so its integration responses are dead configuration.',
    remediation: 'Delete the integration and its responses, or attach it to a route (Target "integrations/{integration-id}").',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-routes-integrations.html',
    examples: {
      fires: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default' }] }] },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default' }] }],
        routes: [{ RouteKey: '$default', Target: 'integrations/i1' }],
      },
    },
  },
  check: {
    integration: ({ integration, routes }) => {
      const responses = integration.integrationResponses;
      if (responses.length === 0 || routes.length > 0) return [];
      return [
        {
          path: 'integrationResponses',
          message: `No route targets integrations/${integration.IntegrationId}, so its integration responses (${showList(responses.map((response) => response.IntegrationResponseKey))}) are never used.`,
        },
      ];
    },
  },
});

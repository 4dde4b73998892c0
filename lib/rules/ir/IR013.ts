import { defineRule } from '../define-rule';
import { isLambdaAws, isNonProxy, isTwoWay } from '../selectors';
import { show } from '../values';
import { showList } from './show-list';

export const IR013 = defineRule({
  meta: {
    id: 'IR013',
    name: 'nonproxy-missing-default-ir',
    kind: 'certain',
    severity: 'high',
    title: 'Non-proxy integration on a two-way route has integration responses but no $default',
    rationale:
      '"$default is required for non-proxy integrations to act as the catch-all for successful responses"; a reply that matches no key fails with a configuration error. For Lambda (AWS) integrations keys are matched against errorMessage, which successes do not have, so only $default catches them.',
    remediation: 'Add a $default integration response as the catch-all.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-selection-expressions.html',
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '/2\\d\\d/' }] }],
        routes: [{ RouteKey: 'order', Target: 'integrations/i1', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }],
      },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '/2\\d\\d/' }, { IntegrationResponseKey: '$default' }] }],
        routes: [{ RouteKey: 'order', Target: 'integrations/i1', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }],
      },
    },
  },
  check: {
    integration: ({ index, integration, routes }) => {
      const responses = integration.integrationResponses;
      const twoWay = routes.find(isTwoWay);
      // Exactly the catalog's test: a catch-all regex such as /.*/ is not $default (IR104 reports it).
      if (!isNonProxy(integration) || responses.length === 0 || twoWay === undefined || index.defaultResponseOf(integration) !== undefined) return [];
      const keys = showList(responses.map((response) => response.IntegrationResponseKey));
      const unmatched = isLambdaAws(integration) ? 'a successful Lambda reply has no errorMessage to match, so it' : 'a reply that matches none of them';
      return [
        {
          path: 'integrationResponses',
          message: `The ${String(integration.IntegrationType)} integration's responses (${keys}) include no $default, and ${unmatched} fails on two-way route ${show(twoWay.RouteKey)}.`,
          severity: integration.IntegrationType === 'AWS' ? 'high' : 'medium',
        },
      ];
    },
  },
});

import { defineRule } from '../define-rule';
import { isSet, show } from '../values';

/** "Currently the value is fixed depending on the IntegrationType" [D-XF]; proxies do not use it, so any value goes. */
const FIXED_EXPRESSION: Readonly<Record<string, string>> = {
  AWS: '$integration.response.body.errorMessage',
  HTTP: '$integration.response.statuscode',
  MOCK: '$integration.response.statuscode',
};

export const IR115 = defineRule({
  meta: {
    id: 'IR115',
    name: 'integration-response-selection-expression-nonstandard',
    kind: 'heuristic',
    severity: 'info',
    title: 'IntegrationResponseSelectionExpression differs from the fixed value for its integration type',
    rationale:
      '"Currently the value is fixed depending on the IntegrationType": $integration.response.body.errorMessage for Lambda (AWS), $integration.response.statuscode for HTTP and MOCK. Any other value is ignored or rejected (unsourced which). Off by default: a value that is ignored changes nothing, so a finding is rarely worth acting on.',
    enabledByDefault: false,
    remediation: 'Unset IntegrationResponseSelectionExpression and let API Gateway use the fixed value.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-data-transformations.html',
    examples: {
      fires: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'HTTP', IntegrationResponseSelectionExpression: '$integration.response.body.status' }] },
      quiet: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'HTTP', IntegrationResponseSelectionExpression: '$integration.response.statuscode' }] },
    },
  },
  check: {
    integration: ({ integration }) => {
      const type = integration.IntegrationType;
      const fixed = typeof type === 'string' && Object.hasOwn(FIXED_EXPRESSION, type) ? FIXED_EXPRESSION[type] : undefined;
      const expression = integration.IntegrationResponseSelectionExpression;
      if (fixed === undefined || !isSet(expression) || expression === fixed) return [];
      return [
        {
          path: 'IntegrationResponseSelectionExpression',
          message: `IntegrationResponseSelectionExpression is ${show(expression)}, but for ${String(type)} integrations the value is fixed at ${show(fixed)}.`,
        },
      ];
    },
  },
});

import { defineRule } from '../define-rule';
import { isSet, show } from '../values';

const CONTENT_HANDLING_STRATEGIES: readonly unknown[] = ['CONVERT_TO_BINARY', 'CONVERT_TO_TEXT'];

export const IR003 = defineRule({
  meta: {
    id: 'IR003',
    name: 'ir-content-handling-invalid',
    kind: 'certain',
    severity: 'high',
    title: 'Integration response ContentHandlingStrategy is not CONVERT_TO_BINARY or CONVERT_TO_TEXT',
    rationale: 'ContentHandlingStrategy is an enum of CONVERT_TO_BINARY and CONVERT_TO_TEXT; any other value violates the API model.',
    remediation: 'Set CONVERT_TO_TEXT or CONVERT_TO_BINARY, or unset the field to pass the payload through unconverted.',
    source: 'https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-integrations-integrationid-integrationresponses-integrationresponseid.html',
    examples: {
      fires: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ContentHandlingStrategy: 'CONVERT_TO_STRING' }] }] },
      quiet: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ContentHandlingStrategy: 'CONVERT_TO_TEXT' }] }] },
    },
  },
  check: {
    integrationResponse: ({ response }) => {
      const strategy = response.ContentHandlingStrategy;
      if (!isSet(strategy) || CONTENT_HANDLING_STRATEGIES.includes(strategy)) return [];
      return [{ path: 'ContentHandlingStrategy', message: `ContentHandlingStrategy ${show(strategy)} is not CONVERT_TO_BINARY or CONVERT_TO_TEXT.` }];
    },
  },
});

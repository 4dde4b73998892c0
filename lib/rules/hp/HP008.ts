import { defineRule } from '../define-rule';
import { isHttpApi } from '../selectors';
import { isConfigured, isPlainObject, show } from '../values';

/** The integration fields the API model marks "Supported only for WebSocket APIs". */
const WEBSOCKET_ONLY_FIELDS = [
  'ContentHandlingStrategy',
  'TemplateSelectionExpression',
  'RequestTemplates',
  'PassthroughBehavior',
  'IntegrationResponseSelectionExpression',
] as const;

/** A field's value for a message; for template maps only the keys, never a template. */
function shownValue(value: unknown): string {
  return isPlainObject(value) ? `keys ${Object.keys(value).map((key) => show(key, 20)).join(', ')}` : show(value, 40);
}

export const HP008 = defineRule({
  meta: {
    id: 'HP008',
    name: 'websocket-only-integration-field-on-http',
    kind: 'certain',
    severity: 'info',
    title: 'HTTP API integration sets a field supported only for WebSocket APIs',
    rationale:
      'ContentHandlingStrategy, TemplateSelectionExpression, RequestTemplates, PassthroughBehavior and IntegrationResponseSelectionExpression are "Supported only for WebSocket APIs"; on an HTTP API they have no effect.',
    remediation: 'Remove the field; HTTP APIs transform requests and responses with RequestParameters and ResponseParameters.',
    source: 'https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-integrations-integrationid.html',
    examples: {
      fires: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', PassthroughBehavior: 'WHEN_NO_MATCH' }],
      },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'HTTP_PROXY', PassthroughBehavior: 'WHEN_NO_MATCH' }],
      },
    },
  },
  check: {
    integration: ({ api, integration }) =>
      isHttpApi(api)
        ? WEBSOCKET_ONLY_FIELDS.filter((field) => isConfigured(integration[field])).map((field) => ({
            path: field,
            message: `HTTP API integration sets ${field} (${shownValue(integration[field])}), which only WebSocket APIs support.`,
          }))
        : [],
  },
});

import { defineRule } from '../define-rule';
import { entriesOf, mapPath, show } from '../values';
import { characterCount, formatCount, MAX_TEMPLATE_BYTES, utf8Bytes } from './sizes';

/** The API model's shape for templates: StringWithLengthBetween0And32K, "[0-32768]". */
const MODEL_MAX_TEMPLATE_LENGTH = 32768;

export const IR008 = defineRule({
  meta: {
    id: 'IR008',
    name: 'ir-template-exceeds-model-length',
    kind: 'heuristic',
    severity: 'low',
    title: 'Integration response template is longer than the API model\'s 32,768 characters',
    rationale:
      'The API model types templates as StringWithLengthBetween0And32K ("[0-32768]") while the quota page allows 300 KB; a template between the two may be refused by tools that validate against the model, a portability and IaC risk. A heuristic, not certain: which limit the service enforces is not documented, so such a template may well deploy and work.',
    remediation: 'Keep templates at or under 32 KB (32,768 characters), e.g. by selecting only the fields the client needs.',
    source: 'https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-integrations-integrationid-integrationresponses-integrationresponseid.html',
    reportsOnlyWith: ['ResponseTemplates'],
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates: { $default: 'x'.repeat(MODEL_MAX_TEMPLATE_LENGTH + 1) } }] }],
      },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseTemplates: { $default: 'x'.repeat(MODEL_MAX_TEMPLATE_LENGTH) } }] }],
      },
    },
  },
  check: {
    integrationResponse: ({ response }) =>
      entriesOf(response.ResponseTemplates).flatMap(([key, template]) => {
        if (typeof template !== 'string') return [];
        const length = characterCount(template);
        // Above 300 KB the template breaks the quota itself, which IR007 reports.
        if (length <= MODEL_MAX_TEMPLATE_LENGTH || utf8Bytes(template) > MAX_TEMPLATE_BYTES) return [];
        return [
          {
            path: mapPath('ResponseTemplates', key),
            message: `Response template ${show(key)} is ${formatCount(length)} characters, above the API model's ${formatCount(MODEL_MAX_TEMPLATE_LENGTH)}-character limit.`,
          },
        ];
      }),
  },
});

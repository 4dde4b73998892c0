import { defineRule } from '../define-rule';
import { entriesOf, mapPath, show } from '../values';
import { characterCount, formatCount } from './sizes';

const MAX_VALUE_LENGTH = 512;

export const IR006 = defineRule({
  meta: {
    id: 'IR006',
    name: 'ir-response-param-value-length',
    kind: 'certain',
    severity: 'medium',
    title: 'Integration response parameter value is empty or longer than 512 characters',
    rationale: 'The API model types response parameter values as StringWithLengthBetween1And512: an empty value or one longer than 512 characters is outside the allowed shape.',
    remediation: 'Shorten the value to at most 512 characters (move long content into the response template), or remove an empty mapping.',
    source: 'https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-integrations-integrationid-integrationresponses-integrationresponseid.html',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseParameters: { 'method.response.header.X-Note': `'${'x'.repeat(520)}'` } }] }],
      },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseParameters: { 'method.response.header.X-Note': `'${'x'.repeat(510)}'` } }] }],
      },
    },
  },
  check: {
    integrationResponse: ({ response }) =>
      entriesOf(response.ResponseParameters).flatMap(([key, value]) => {
        if (typeof value !== 'string') return [];
        const length = characterCount(value);
        if (length >= 1 && length <= MAX_VALUE_LENGTH) return [];
        // The length, never the value: a long static value may be a key or token.
        const measured = length === 0 ? 'is empty' : `is ${formatCount(length)} characters long`;
        return [{ path: mapPath('ResponseParameters', key), message: `The value of response parameter ${show(key)} ${measured}; values must be 1 to ${MAX_VALUE_LENGTH} characters.` }];
      }),
  },
});

import { defineRule } from '../define-rule';
import { entriesOf, isSet, mapPath, show } from '../values';
import { characterCount } from './sizes';

/** The three value forms the API model allows; `s` so that a static value with a line break is still static. */
const VALUE_FORMS = [/^'.*'$/s, /^integration\.response\.header\.[^\s]+$/, /^integration\.response\.body(\..+)?$/s];

/** A body expression written with the JSONPath `$` the model says to leave out. */
const DOLLAR_PREFIXED_BODY = /^integration\.response\.body\.\$/;

/** A value that reads as a (mistyped) source reference, safe to quote; anything else may be a secret. */
const SOURCE_LIKE = /^\$?(integration|method|context|stageVariables|route|request|response)\./i;

export const IR005 = defineRule({
  meta: {
    id: 'IR005',
    name: 'ir-response-param-value-invalid',
    kind: 'certain',
    severity: 'high',
    title: 'Integration response parameter value is not a quoted static value or an integration.response source',
    rationale:
      'The API model says a value is "an integration response header value, a static value enclosed within a pair of single quotes, or a JSON expression from the integration response body", matching integration.response.header.{name} or integration.response.body.{JSON-expression} "without the $ prefix".',
    remediation: "Enclose static values in single quotes ('value'), use integration.response.header.{name} or integration.response.body.{path}, and drop the $. of a JSON path.",
    source: 'https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-integrations-integrationid-integrationresponses-integrationresponseid.html',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseParameters: { 'method.response.header.X-Id': 'integration.response.body.$.id' } }] }],
      },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseParameters: { 'method.response.header.X-Id': 'integration.response.body.id' } }] }],
      },
    },
  },
  check: {
    integrationResponse: ({ response }) =>
      entriesOf(response.ResponseParameters)
        .filter(([, value]) => isSet(value) && (typeof value !== 'string' || !VALUE_FORMS.some((form) => form.test(value)) || DOLLAR_PREFIXED_BODY.test(value)))
        .map(([key, value]) => ({ path: mapPath('ResponseParameters', key), message: `Response parameter ${show(key)} ${whatIsWrong(value)}.` })),
  },
});

function whatIsWrong(value: unknown): string {
  if (typeof value !== 'string') {
    const shown = typeof value === 'number' || typeof value === 'boolean' ? show(value) : Array.isArray(value) ? 'a list' : 'an object';
    return `maps ${shown}, which is not a string`;
  }
  if (DOLLAR_PREFIXED_BODY.test(value)) return `maps ${show(value)}, a body expression with the $ prefix the model says to leave out`;
  if (SOURCE_LIKE.test(value)) return `maps ${show(value)}, which is neither integration.response.header.{name} nor integration.response.body[.{JSON-expression}]`;
  // Any other value is static text written without quotes; it may be a credential, so only its size is shown.
  if (value === '') return 'maps an empty value, which is neither a quoted static value nor an integration.response source';
  return `maps an unquoted static value (${characterCount(value)} characters); static values must be enclosed in single quotes`;
}

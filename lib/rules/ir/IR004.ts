import { defineRule } from '../define-rule';
import { entriesOf, mapPath, show } from '../values';
import { RESPONSE_HEADER_KEY } from './response-header-key';


export const IR004 = defineRule({
  meta: {
    id: 'IR004',
    name: 'ir-response-param-key-invalid',
    kind: 'certain',
    severity: 'high',
    title: 'Integration response parameter key is not method.response.header.{name}',
    rationale:
      'The API model says the mapping key "must match the pattern of method.response.header.{name}, where name is a valid and unique header name"; any other key is refused or never applied.',
    remediation: 'Rename the key to method.response.header.{Header-Name}, e.g. method.response.header.X-Request-Id.',
    source: 'https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-integrations-integrationid-integrationresponses-integrationresponseid.html',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseParameters: { 'method.response.headr.X-Id': "'1'" } }] }],
      },
      quiet: {
        ProtocolType: 'WEBSOCKET',
        integrations: [{ IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseKey: '$default', ResponseParameters: { 'method.response.header.X-Id': "'1'" } }] }],
      },
    },
  },
  check: {
    integrationResponse: ({ response }) =>
      entriesOf(response.ResponseParameters)
        .filter(([key]) => !RESPONSE_HEADER_KEY.test(key))
        .map(([key]) => ({
          path: mapPath('ResponseParameters', key),
          message: `Response parameter key ${show(key)} does not match method.response.header.{name}.`,
        })),
  },
});

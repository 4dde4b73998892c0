import { defineRule } from '../define-rule';
import { isPlainObject, mapPath, show } from '../values';
import { statusEntriesOf } from './response-parameters';

const STATUS_KEY = /^[2-5]\d\d$/;

export const HP001 = defineRule({
  meta: {
    id: 'HP001',
    name: 'http-resp-param-status-key-invalid',
    kind: 'certain',
    severity: 'high',
    title: 'HTTP API response parameters are keyed by something other than a 200-599 status code',
    rationale:
      'Integration.ResponseParameters groups the mappings by status code: "The selection key must be a valid HTTP status code within the range of 200-599." A flat header map or any other key is refused.',
    remediation: 'Group the mappings under a three-digit status code from 200 to 599, e.g. {"200": {"overwrite:header.x-id": "$context.requestId"}}.',
    source: 'https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-integrations-integrationid.html',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { 'overwrite:header.x-id': '$context.requestId' } }],
      },
      quiet: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-id': '$context.requestId' } } }],
      },
    },
  },
  check: {
    // HTTP APIs only (see statusEntriesOf).
    integration: (node) =>
      statusEntriesOf(node)
        .filter(([status]) => !STATUS_KEY.test(status))
        .map(([status, mappings]) => ({
          path: mapPath('ResponseParameters', status),
          message: isPlainObject(mappings)
            ? `Response parameters key ${show(status)} is not an HTTP status code from 200 to 599.`
            : `Response parameters key ${show(status)} is not an HTTP status code from 200 to 599; the map looks flat, with mappings not grouped by status code.`,
        })),
  },
});

import { defineRule } from '../define-rule';
import { show, text } from '../values';
import { parseMappingKey } from './mapping-key';
import { mappingsOf } from './response-parameters';
import { findReferences } from '../value-references';

const STATUS_CODE = /^[1-5]\d\d$/;

export const HP104 = defineRule({
  meta: {
    id: 'HP104',
    name: 'http-resp-param-statuscode-value-invalid',
    kind: 'heuristic',
    severity: 'medium',
    title: 'HTTP API overwrite:statuscode value is neither a status code nor a variable',
    rationale:
      'overwrite:statuscode replaces the status of the response sent to the client, so its value must be a 3-digit HTTP status code (the developer guide\'s example is "403") or a variable that yields one; how the service validates other values is not documented.',
    remediation: 'Use a valid 3-digit status code such as 403, or a $response/$context variable that holds one.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '500': { 'overwrite:statuscode': 'Forbidden' } } }],
      },
      quiet: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '500': { 'overwrite:statuscode': '403' } } }],
      },
    },
  },
  check: {
    // The dot form (HP003) is still a status code mapping, so its value is checked too. Empty
    // and non-string values are left to the length and shape rules (HP006).
    integration: (node) =>
      mappingsOf(node).flatMap(({ status, key, value, path }) => {
        const parsed = parseMappingKey(key);
        const written = text(value);
        if (parsed === undefined || !('statusCode' in parsed) || written === undefined || written === '') return [];
        if (STATUS_CODE.test(written) || findReferences(written).length > 0) return [];
        return [{ path, message: `Status ${show(status)} sets ${show(key)} to ${show(written)}, which is neither a 3-digit status code nor a $ variable.` }];
      }),
  },
});

import { defineRule } from '../define-rule';
import { show, text } from '../values';
import { mappingsOf } from './response-parameters';

const MAX_LENGTH = 512;

export const HP006 = defineRule({
  meta: {
    id: 'HP006',
    name: 'http-resp-param-value-length',
    kind: 'certain',
    severity: 'medium',
    title: 'HTTP API response mapping value is empty or longer than 512 characters',
    rationale:
      'The API model types response mapping values as StringWithLengthBetween1And512; an empty value deletes a mapping rather than setting one, and a longer value is outside the documented shape.',
    remediation: 'Shorten the value to at most 512 characters, or remove the mapping instead of leaving its value empty.',
    source: 'https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-integrations-integrationid.html',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-id': '' } } }],
      },
      quiet: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-id': '$context.requestId' } } }],
      },
    },
  },
  check: {
    // HTTP APIs only (see statusEntriesOf). Counted in code points, not UTF-16 units, so a value of
    // 512 characters with emoji is not reported. Non-string values have no length in this sense
    // and are left to other rules.
    integration: (node) =>
      mappingsOf(node).flatMap(({ status, key, value, path }) => {
        const string = text(value);
        if (string === undefined) return [];
        const length = [...string].length;
        if (length >= 1 && length <= MAX_LENGTH) return [];
        // The length, never the value: a long static value may be a credential.
        return [{ path, message: `Response mapping ${show(key)} under status ${show(status)} has a value of ${length} characters; values must be 1 to ${MAX_LENGTH}.` }];
      }),
  },
});

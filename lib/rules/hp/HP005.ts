import { defineRule } from '../define-rule';
import { show, text } from '../values';
import { mappingsOf } from './response-parameters';

/**
 * The JSON path after each `$response.body` / `${response.body` reference: up to the closing
 * brace, or for the unbraced form up to the next whitespace.
 */
const BODY_REFERENCE = /\$\{response\.body([^}]*)|\$response\.body(\S*)/g;

/**
 * The unsupported JSONPath features a value uses. A filter `?(` counts only inside a body
 * reference: HTTP API static values are plain strings, and "Sure?(y/n)" is a valid static value.
 */
function unsupportedFeatures(value: string): string[] {
  const features = new Set<string>();
  for (const [, braced, bare] of value.matchAll(BODY_REFERENCE)) {
    const path = braced ?? bare ?? '';
    if (path.startsWith('..')) features.add('recursive descent (..)');
    if (path.includes('?(')) features.add('a filter expression (?(...))');
  }
  return [...features];
}

export const HP005 = defineRule({
  meta: {
    id: 'HP005',
    name: 'http-resp-param-jsonpath-unsupported',
    kind: 'certain',
    severity: 'high',
    title: 'HTTP API response mapping uses recursive descent or a filter in a $response.body path',
    rationale:
      'HTTP API response mappings select body values with a simple JSON path: "Recursive descent ($response.body..name) and filter expressions (?(expression)) aren\'t supported."',
    remediation: 'Use a simple path such as $response.body.items[0].id, or return the value as a header from the backend.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-id': '$response.body..id' } } }],
      },
      quiet: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-id': '$response.body.order.id' } } }],
      },
    },
  },
  check: {
    // HTTP APIs only (see statusEntriesOf).
    integration: (node) =>
      mappingsOf(node).flatMap(({ status, key, value, path }) => {
        const features = unsupportedFeatures(text(value) ?? '');
        return features.length === 0
          ? []
          : [{ path, message: `Response mapping ${show(key)} under status ${show(status)} has the value ${show(value)}, which uses ${features.join(' and ')}.` }];
      }),
  },
});

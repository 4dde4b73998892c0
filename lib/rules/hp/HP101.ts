import { defineRule } from '../define-rule';
import { show, text } from '../values';
import { mappingsOf } from './response-parameters';
import { findReferences } from '../value-references';

export const HP101 = defineRule({
  meta: {
    id: 'HP101',
    name: 'http-resp-param-request-source',
    kind: 'heuristic',
    severity: 'high',
    title: 'HTTP API response mapping value references $request',
    rationale:
      '$request.* is a request-mapping source; the supported response-mapping values are $response.header, $response.body, $context, $stageVariables and static strings, so the request data cannot be mapped into the response this way.',
    remediation: 'Use a $response, $context or $stageVariables source; to echo request data, return it from the backend.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-trace': '$request.header.x-trace' } } }],
      },
      quiet: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-trace': '$response.header.x-trace' } } }],
      },
    },
  },
  check: {
    integration: (node) =>
      mappingsOf(node).flatMap(({ status, key, value, path }) => {
        const requests = findReferences(text(value) ?? '').filter((reference) => reference.root === 'request');
        if (requests.length === 0) return [];
        const names = requests.map((reference) => show(reference.text)).join(', ');
        return [{ path, message: `Response mapping ${show(key)} for status ${show(status)} reads ${names}, a request source that response mappings do not support.` }];
      }),
  },
});

import { defineRule } from '../define-rule';
import { show, text } from '../values';
import { mappingsOf } from './response-parameters';
import { findReferences } from '../value-references';

export const HP102 = defineRule({
  meta: {
    id: 'HP102',
    name: 'http-resp-param-unknown-source',
    kind: 'heuristic',
    severity: 'medium',
    title: 'HTTP API response mapping value references an unsupported $ source',
    rationale:
      'Response-mapping values may reference only $response.header, $response.body, $context and $stageVariables; any other $ reference is unsupported and is either rejected or sent as literal text (which of the two is not documented).',
    remediation: 'Use one of $response.header.name, $response.body.path, $context.name or $stageVariables.name.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-status': '$response.statuscode' } } }],
      },
      quiet: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-status': '$context.integration.status' } } }],
      },
    },
  },
  check: {
    // `$request.*` is also unsupported here, but HP101 reports it with a more precise reason.
    integration: (node) =>
      mappingsOf(node).flatMap(({ status, key, value, path }) => {
        const unknown = findReferences(text(value) ?? '').filter((reference) => reference.root === 'other');
        if (unknown.length === 0) return [];
        const names = unknown.map((reference) => show(reference.text)).join(', ');
        return [
          {
            path,
            message: `Response mapping ${show(key)} for status ${show(status)} references ${names}, which is not $response.header, $response.body, $context or $stageVariables.`,
          },
        ];
      }),
  },
});

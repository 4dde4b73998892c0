import { defineRule } from '../define-rule';
import { show, text } from '../values';
import { mappingsOf } from './response-parameters';
import { findReferences } from '../value-references';

export const HP103 = defineRule({
  meta: {
    id: 'HP103',
    name: 'http-resp-param-multi-var-no-braces',
    kind: 'heuristic',
    severity: 'medium',
    title: 'HTTP API response mapping combines several variables without ${...} braces',
    rationale: 'The developer guide says: "To use multiple variables in a selection expression, enclose the variable in brackets"; without them the variable boundaries are ambiguous.',
    remediation: 'Write every variable of the value as ${...}, e.g. ${context.stage}-${context.requestId}.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-id': '$context.stage $context.requestId' } } }],
      },
      quiet: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-id': '${context.stage} ${context.requestId}' } } }],
      },
    },
  },
  check: {
    integration: (node) =>
      mappingsOf(node).flatMap(({ status, key, value, path }) => {
        const references = findReferences(text(value) ?? '');
        const bare = references.filter((reference) => !reference.braced);
        if (references.length < 2 || bare.length === 0) return [];
        return [
          {
            path,
            message: `Response mapping ${show(key)} for status ${show(status)} combines ${references.length} variables, with no \${...} braces around ${bare.map((reference) => show(reference.text)).join(', ')}.`,
          },
        ];
      }),
  },
});

import { defineRule } from '../define-rule';
import { show, text } from '../values';
import { isRemoval } from './mapping-actions';
import { mappingsOf } from './response-parameters';

const QUOTED = /^'.*'$/s;

export const HP105 = defineRule({
  meta: {
    id: 'HP105',
    name: 'http-resp-param-quoted-static',
    kind: 'heuristic',
    severity: 'low',
    title: 'HTTP API response mapping static value is wrapped in single quotes',
    rationale:
      'HTTP API static values are plain strings; the single quotes WebSocket mappings require are a WebSocket habit and likely end up in the header (the exact behaviour is not documented).',
    remediation: "Remove the quotes: write no-store, not 'no-store'.",
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'append:header.cache-control': "'no-store'" } } }],
      },
      quiet: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'append:header.cache-control': 'no-store' } } }],
      },
    },
  },
  check: {
    // A remove mapping sends nothing, so quotes in its value cannot reach a header (the
    // documented removal example even uses "''").
    integration: (node) =>
      mappingsOf(node).flatMap(({ status, key, value, path }) => {
        const written = text(value);
        if (written === undefined || written === "''" || !QUOTED.test(written) || isRemoval(key)) return [];
        return [{ path, message: `Response mapping ${show(key)} for status ${show(status)} has the single-quoted value ${show(written)}; HTTP API static values take no quotes, so they likely become part of the value.` }];
      }),
  },
});

import { defineRule } from '../define-rule';
import { show, text } from '../values';
import { isRemoval } from './mapping-actions';
import { mappingsOf } from './response-parameters';
import { findReferences } from '../value-references';

export const HP108 = defineRule({
  meta: {
    id: 'HP108',
    name: 'http-resp-param-body-path-truncation',
    kind: 'heuristic',
    severity: 'info',
    title: 'HTTP API response mapping reads a JSON path of a body that is truncated at 100 KB',
    rationale:
      '"API Gateway truncates the response body at 100 KB and then applies the selection expression"; for larger bodies a $response.body.<path> value can come out empty or wrong.',
    remediation: 'Make sure the field sits in the first 100 KB of the body (or keep bodies small), or return it as a backend header.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-order-id': '$response.body.order.id' } } }],
      },
      quiet: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-order-id': '$response.header.x-order-id' } } }],
      },
    },
  },
  check: {
    // A remove mapping reads nothing from the body, whatever its value says.
    integration: (node) =>
      mappingsOf(node).flatMap(({ status, key, value, path }) => {
        if (isRemoval(key)) return [];
        const paths = findReferences(text(value) ?? '').filter(({ root, name }) => root === 'response.body' && name !== '');
        if (paths.length === 0) return [];
        return [
          {
            path,
            message: `Response mapping ${show(key)} for status ${show(status)} reads ${paths.map((reference) => show(reference.text)).join(', ')}, a JSON path applied after the body is truncated at 100 KB.`,
          },
        ];
      }),
  },
});

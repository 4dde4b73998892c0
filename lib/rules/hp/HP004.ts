import { defineRule } from '../define-rule';
import { show } from '../values';
import { parseMappingKey } from './mapping-key';
import { reservedHeaderEntry } from './reserved-headers';
import { mappingsOf } from './response-parameters';

export const HP004 = defineRule({
  meta: {
    id: 'HP004',
    name: 'http-resp-param-reserved-header',
    kind: 'certain',
    severity: 'high',
    title: 'HTTP API response mapping targets a reserved header',
    rationale:
      'HTTP API parameter mapping lists reserved headers (access-control-*, apigw-*, Authorization, Content-Length, x-amz-*, x-amzn-* and others): "You can\'t configure request or response mappings for these headers."',
    remediation: 'Remove the mapping; configure CORS headers with the API\'s CorsConfiguration instead of mapping access-control-* headers.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.Access-Control-Allow-Origin': '*' } } }],
      },
      quiet: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.Cache-Control': 'no-store' } } }],
      },
    },
  },
  check: {
    // HTTP APIs only (see statusEntriesOf).
    integration: (node) =>
      mappingsOf(node).flatMap(({ status, key, path }) => {
        const parsed = parseMappingKey(key);
        if (parsed === undefined || !('header' in parsed)) return [];
        const reserved = reservedHeaderEntry(parsed.header);
        return reserved === undefined
          ? []
          : [{ path, message: `Response mapping ${show(key)} under status ${show(status)} maps the header ${show(parsed.header)}, which is reserved (${reserved}).` }];
      }),
  },
});

import { defineRule } from '../define-rule';
import { show } from '../values';
import { mappingChecks } from './client-mappings';

export const SEC005 = defineRule({
  meta: {
    id: 'SEC005',
    name: 'whole-body-to-header',
    kind: 'security',
    severity: 'medium',
    title: 'Response mapping copies the whole response body into a header',
    rationale:
      'The entire payload ends up in a header, where it is exposed to logs, caches and intermediaries and can exceed header size limits (a heuristic; no AWS statement covers it).',
    remediation: 'Map a specific field, e.g. $response.body.id or integration.response.body.id.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-result': '$response.body' } } }],
      },
      quiet: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-result': '$response.body.id' } } }],
      },
    },
  },
  check: mappingChecks(({ where, header, sources }) => {
    const whole = sources.find((source) => source.root === 'response.body' && source.name === '');
    return header === undefined || whole === undefined ? undefined : `The mapping of ${where} copies the whole response body (${show(whole.text)}) into the header.`;
  }),
});

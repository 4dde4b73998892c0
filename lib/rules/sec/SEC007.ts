import { defineRule } from '../define-rule';
import { show } from '../values';
import { mappingChecks } from './client-mappings';

/** Context variables that carry backend or authorizer error text (http-api-logging-variables.html). */
const ERROR_DETAIL = new Set(['integrationErrorMessage', 'integration.error', 'authorizer.error', 'error.message']);

export const SEC007 = defineRule({
  meta: {
    id: 'SEC007',
    name: 'error-detail-to-client',
    kind: 'security',
    severity: 'low',
    title: 'Response mapping sends backend or authorizer error details to the client',
    rationale:
      'Integration and authorizer error messages can reveal backend internals (hosts, stack traces, policy decisions) to clients (a heuristic; the variable meanings are AWS\'s).',
    remediation: 'Return a generic error with a correlation id such as $context.requestId, and log the details instead.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging-variables.html',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '502': { 'overwrite:header.x-error': '$context.integrationErrorMessage' } } }],
      },
      quiet: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '502': { 'overwrite:header.x-error': '$context.requestId' } } }],
      },
    },
  },
  check: mappingChecks(({ where, sent, sources }) => {
    const leaked = sources.filter((source) => source.root === 'context' && ERROR_DETAIL.has(source.name));
    return !sent || leaked.length === 0 ? undefined : `The mapping of ${where} sends ${leaked.map((source) => show(source.text)).join(', ')} to the client, exposing error details.`;
  }),
});

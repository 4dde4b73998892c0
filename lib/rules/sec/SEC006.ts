import { defineRule } from '../define-rule';
import { show } from '../values';
import { mappingChecks } from './client-mappings';

/** Caller identity fields and anything an authorizer returns (http-api-logging-variables.html). */
const IDENTITY = /^(?:identity\.(?:(?:accountId|userArn|caller|user|principalOrgId)$|clientCert\.\w)|authorizer\.)/;

export const SEC006 = defineRule({
  meta: {
    id: 'SEC006',
    name: 'identity-context-to-client',
    kind: 'security',
    severity: 'medium',
    title: 'Response mapping sends caller identity or authorizer data to the client',
    rationale:
      'Account ids, ARNs, organisation ids, client certificates and authorizer output describe the caller and the authorization internals; reflecting them in responses leaks them to clients and caches (a heuristic; the variable meanings are AWS\'s).',
    remediation: 'Remove the mapping, or map only fields that are meant for the client.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging-variables.html',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-caller': '$context.identity.userArn' } } }],
      },
      quiet: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-caller': '$context.identity.userAgent' } } }],
      },
    },
  },
  check: mappingChecks(({ where, sent, sources }) => {
    const leaked = sources.filter((source) => source.root === 'context' && IDENTITY.test(source.name));
    return !sent || leaked.length === 0
      ? undefined
      : `The mapping of ${where} sends ${leaked.map((source) => show(source.text)).join(', ')} to the client, exposing caller identity or authorizer data.`;
  }),
});

import { defineRule } from '../define-rule';
import type { Problem } from '../rule';
import { isWebSocket } from '../selectors';
import { entriesOf, mapPath, show, text } from '../values';
import { httpMappings, isBlank, webSocketMappings, type ClientMapping } from './client-mappings';
import { isSecretName, secretKinds } from '../../model/redact';

/**
 * Messages say which kind of secret matched and where, never any of its characters: findings
 * end up in reports, tickets and logs.
 */
function judgeMapping({ path, where, header, isStatic, literal }: ClientMapping): Problem[] {
  const kinds = secretKinds(literal);
  if (kinds.length > 0) return [{ path, message: `The static text of the mapping of ${where} contains what looks like ${kinds.join(' and ')} (value not shown).` }];
  // Remove mappings have no written header, so their placeholder values never count here.
  if (header !== undefined && isSecretName(header) && isStatic && !isBlank(literal)) {
    return [{ path, message: `The mapping of ${where} gives a header whose name suggests a credential a static value (not shown), stored in the API configuration.` }];
  }
  return [];
}

export const SEC004 = defineRule({
  meta: {
    id: 'SEC004',
    name: 'secret-in-static-value',
    kind: 'security',
    severity: 'high',
    title: 'Response mapping or template holds what looks like a credential',
    rationale:
      'Static mapping values and template text are stored in the API configuration and sent to every client; AWS says even stage variables "are not intended to be used for sensitive data, such as credentials". The patterns are heuristics.',
    remediation: 'Remove the credential, rotate it, and keep secrets in a secret store or behind a Lambda authorizer.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-stages.stage-variables.html',
    reportsOnlyWith: ['ResponseParameters', 'ResponseTemplates'],
    examples: {
      fires: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-api-key': 'k3y-0123456789abcdef' } } }],
      },
      quiet: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-api-key': '$response.header.x-api-key' } } }],
      },
    },
  },
  check: {
    integration: (node) => httpMappings(node).flatMap(judgeMapping),
    integrationResponse: (node) => {
      const templates = isWebSocket(node.api) ? entriesOf(node.response.ResponseTemplates) : [];
      return [
        ...webSocketMappings(node).flatMap(judgeMapping),
        ...templates.flatMap(([contentType, template]) => {
          const kinds = secretKinds(text(template) ?? '');
          return kinds.length === 0
            ? []
            : [{ path: mapPath('ResponseTemplates', contentType), message: `Response template ${show(contentType)} contains what looks like ${kinds.join(' and ')} (value not shown).` }];
        }),
      ];
    },
  },
});

import { defineRule } from '../define-rule';
import { isWebSocket } from '../selectors';
import { entriesOf, mapPath, show, text } from '../values';
import { isBlank, mappingChecks } from './client-mappings';
import { isSecretName, secretKinds } from '../../model/redact';

/**
 * Messages say which kind of secret matched and where, never any of its characters: findings
 * end up in reports, tickets and logs.
 */
const mappings = mappingChecks(({ where, header, isStatic, literal }) => {
  const kinds = secretKinds(literal);
  if (kinds.length > 0) return `The static text of the mapping of ${where} contains what looks like ${kinds.join(' and ')} (value not shown).`;
  // Remove mappings have no written header, so their placeholder values never count here.
  if (header !== undefined && isSecretName(header) && isStatic && !isBlank(literal)) {
    return `The mapping of ${where} gives a header whose name suggests a credential a static value (not shown), stored in the API configuration.`;
  }
  return undefined;
});

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
    integration: mappings.integration,
    // A loop onto the mappings' problems rather than spreads of flatMaps: it runs on every
    // integration response with parameters or templates.
    integrationResponse: (node) => {
      const problems = mappings.integrationResponse(node);
      if (!isWebSocket(node.api)) return problems;
      for (const [contentType, template] of entriesOf(node.response.ResponseTemplates)) {
        const kinds = secretKinds(text(template) ?? '');
        if (kinds.length > 0) problems.push({ path: mapPath('ResponseTemplates', contentType), message: `Response template ${show(contentType)} contains what looks like ${kinds.join(' and ')} (value not shown).` });
      }
      return problems;
    },
  },
});

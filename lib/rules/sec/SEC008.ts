import { defineRule } from '../define-rule';
import { show } from '../values';
import { mappingChecks } from './client-mappings';

export const SEC008 = defineRule({
  meta: {
    id: 'SEC008',
    name: 'stage-variable-to-client',
    kind: 'security',
    severity: 'low',
    title: 'Response mapping sends a stage variable to the client',
    rationale:
      'Stage variables hold deployment configuration (backend hosts, feature switches) that is rarely meant for clients; AWS says they "are not intended to be used for sensitive data, such as credentials", yet they often end up holding such data.',
    remediation: 'Expose only values that are meant for clients, or return them from the backend.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-stages.stage-variables.html',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-backend': '$stageVariables.backendHost' } } }],
      },
      quiet: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'overwrite:header.x-stage': '$context.stage' } } }],
      },
    },
  },
  check: mappingChecks(({ where, sent, sources }) => {
    const variables = sources.filter((source) => source.root === 'stageVariables');
    return !sent || variables.length === 0 ? undefined : `The mapping of ${where} sends the stage variable(s) ${variables.map((source) => show(source.text)).join(', ')} to the client.`;
  }),
});

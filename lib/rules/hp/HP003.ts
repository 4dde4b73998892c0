import { defineRule } from '../define-rule';
import { show } from '../values';
import { mappingsOf } from './response-parameters';

export const HP003 = defineRule({
  meta: {
    id: 'HP003',
    name: 'http-resp-param-statuscode-dot-form',
    kind: 'heuristic',
    severity: 'medium',
    title: 'HTTP API response mapping uses overwrite.statuscode instead of overwrite:statuscode',
    rationale:
      'The API model and the CloudFormation docs spell the key overwrite.statuscode, but the developer guide and its CLI example use overwrite:statuscode; whether the service accepts the dot form is not documented.',
    remediation: 'Rename the key to overwrite:statuscode, the form the developer guide documents.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '404': { 'overwrite.statuscode': '410' } } }],
      },
      quiet: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '404': { 'overwrite:statuscode': '410' } } }],
      },
    },
  },
  check: {
    integration: (node) =>
      mappingsOf(node)
        .filter(({ key }) => key === 'overwrite.statuscode')
        .map(({ status, key, path }) => ({
          path,
          message: `Status ${show(status)} maps ${show(key)} with a dot; the developer guide documents only the colon form overwrite:statuscode.`,
        })),
  },
});

import { defineRule } from '../define-rule';
import { show } from '../values';
import { parseMappingKey } from './mapping-key';
import { mappingsOf } from './response-parameters';

export const HP002 = defineRule({
  meta: {
    id: 'HP002',
    name: 'http-resp-param-key-invalid',
    kind: 'certain',
    severity: 'high',
    title: 'HTTP API response mapping key is not append|overwrite|remove:header.{name} or overwrite:statuscode',
    rationale:
      'The only supported response mapping keys are append|overwrite|remove:header.{name} and overwrite:statuscode; anything else is refused, e.g. append:overwrite.static fails with "Invalid Response Actioned Parameter".',
    remediation: 'Fix the action (append, overwrite or remove) or the location (header.{name}), or use overwrite:statuscode to change the status code.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'append:overwrite.static': 'v' } } }],
      },
      quiet: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'append:header.static': 'v' } } }],
      },
    },
  },
  check: {
    // HTTP APIs only (see statusEntriesOf). parseMappingKey also accepts `overwrite.statuscode`:
    // whether the service takes the dot form is unsourced, so HP003 (a heuristic) reports it and
    // this certain rule stays quiet.
    integration: (node) =>
      mappingsOf(node)
        .filter(({ key }) => parseMappingKey(key) === undefined)
        .map(({ status, key, path }) => ({
          path,
          message: `Response mapping key ${show(key)} under status ${show(status)} is neither append|overwrite|remove:header.{name} nor overwrite:statuscode.`,
        })),
  },
});

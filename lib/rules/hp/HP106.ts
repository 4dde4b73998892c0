import { defineRule } from '../define-rule';
import type { Problem } from '../rule';
import { mapPath, show } from '../values';
import { parseMappingKey, type MappingAction } from './mapping-key';
import { mappingsOf } from './response-parameters';

export const HP106 = defineRule({
  meta: {
    id: 'HP106',
    name: 'http-resp-param-conflicting-actions',
    kind: 'heuristic',
    severity: 'low',
    title: 'HTTP API response mapping applies several actions to the same header',
    rationale:
      'The order in which API Gateway applies append, overwrite and remove to one header is not documented, so a header with several actions under one status code has no predictable result.',
    remediation: 'Keep one action per header and status code.',
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html',
    reportsOnlyWith: ['ResponseParameters'],
    examples: {
      fires: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'append:header.x-id': 'a', 'remove:header.X-Id': "''" } } }],
      },
      quiet: {
        ProtocolType: 'HTTP',
        integrations: [{ IntegrationType: 'HTTP_PROXY', ResponseParameters: { '200': { 'append:header.x-id': 'a' }, '404': { 'remove:header.x-id': "''" } } }],
      },
    },
  },
  check: {
    integration: (node) => {
      const byHeader = new Map<string, { status: string; keys: string[]; actions: Set<MappingAction> }>();
      for (const { status, key } of mappingsOf(node)) {
        const parsed = parseMappingKey(key);
        if (parsed === undefined || !('action' in parsed)) continue;
        const id = JSON.stringify([status, parsed.header.toLowerCase()]);
        const group = byHeader.get(id) ?? { status, keys: [], actions: new Set<MappingAction>() };
        group.keys.push(key);
        group.actions.add(parsed.action);
        byHeader.set(id, group);
      }
      const problems: Problem[] = [];
      for (const { status, keys, actions } of byHeader.values()) {
        if (actions.size < 2) continue;
        // Reported on the first key in sorted order, so the finding stays put when keys are reordered.
        const [first = '', ...rest] = [...keys].sort();
        problems.push({
          path: mapPath('ResponseParameters', status, first),
          message: `Status ${show(status)} maps the same header with ${[...actions].sort().join(' and ')}: ${[first, ...rest].map((key) => show(key)).join(', ')}.`,
        });
      }
      return problems;
    },
  },
});

import type { SnapshotIntegration } from '../../model/snapshot';
import { defineRule } from '../define-rule';
import { regexBody } from '../selectors';
import { show } from '../values';
import { commonStatusCode, matchesStatusCodes, normaliseKeyBody, readStatusKey } from './status-keys';

/** Why two regex keys overlap, as a message states it, or undefined when they do not. */
function overlap(integration: SnapshotIntegration, body: string, other: string): string | undefined {
  if (normaliseKeyBody(body) === normaliseKeyBody(other)) return 'the same pattern once \\d and {n} are written out';
  if (!matchesStatusCodes(integration)) return undefined;
  const mine = readStatusKey(body);
  const theirs = readStatusKey(other);
  const common = mine === undefined || theirs === undefined ? undefined : commonStatusCode(mine, theirs);
  if (common === undefined) return undefined;
  const java = mine?.javaOnly ?? theirs?.javaOnly;
  return `both fully match status code ${common}${java === undefined ? '' : ` (read as JavaScript; ${java} is Java-only syntax)`}`;
}

export const IR103 = defineRule({
  meta: {
    id: 'IR103',
    name: 'ir-keys-overlap',
    kind: 'heuristic',
    severity: 'info',
    title: 'Two integration response keys of one integration match the same responses',
    rationale:
      'Which of several matching keys wins is unsourced, so overlapping keys make the selected response ambiguous; keys that are the same pattern are presumably refused as duplicates ("The resource already exists.", an inference).',
    remediation: 'Make the keys disjoint, e.g. /4\\d\\d/ and /5\\d\\d/ rather than /4\\d\\d/ and /40\\d/.',
    source: 'https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-integrations-integrationid-integrationresponses.html',
    examples: {
      fires: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '/4\\d\\d/' }, { IntegrationResponseKey: '/404/' }] }] },
      quiet: { ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: 'HTTP', integrationResponses: [{ IntegrationResponseKey: '/4\\d\\d/' }, { IntegrationResponseKey: '/5\\d\\d/' }] }] },
    },
  },
  check: {
    // Reported once per pair, on the later of the two responses, naming the earlier key.
    integrationResponse: ({ integration, response }) => {
      const key = response.IntegrationResponseKey;
      const body = regexBody(key);
      if (body === undefined) return [];
      const overlaps: string[] = [];
      for (const earlier of integration.integrationResponses) {
        if (earlier === response) break;
        const other = regexBody(earlier.IntegrationResponseKey);
        const why = other === undefined ? undefined : overlap(integration, body, other);
        if (why !== undefined) overlaps.push(`${show(earlier.IntegrationResponseKey)} (${why})`);
      }
      const [first, ...more] = overlaps;
      if (first === undefined) return [];
      return [
        {
          path: 'IntegrationResponseKey',
          message: `Key ${show(key)} overlaps key ${first}${more.length > 0 ? ` and ${more.length} more` : ''}, so which response is selected is ambiguous.`,
        },
      ];
    },
  },
});

import type { SnapshotIntegration, SnapshotIntegrationResponse } from '../../model/snapshot';
import { defineRule } from '../define-rule';
import { regexBody } from '../selectors';
import { show } from '../values';
import { commonStatusCode, matchesStatusCodes, normaliseKeyBody, readStatusKey, type StatusCodeReading } from './status-keys';

/** Why two regex keys overlap, as a message states it, or undefined when they do not. */
export function overlap(integration: SnapshotIntegration, body: string, other: string): string | undefined {
  if (normaliseKeyBody(body) === normaliseKeyBody(other)) return 'the same pattern once \\d and {n} are written out';
  if (!matchesStatusCodes(integration)) return undefined;
  const mine = readStatusKey(body);
  const theirs = readStatusKey(other);
  const common = mine === undefined || theirs === undefined ? undefined : commonStatusCode(mine, theirs);
  if (common === undefined) return undefined;
  const java = mine?.javaOnly ?? theirs?.javaOnly;
  return `both fully match status code ${common}${java === undefined ? '' : ` (read as JavaScript; ${java} is Java-only syntax)`}`;
}

/** Earlier responses whose keys overlap one response's key: the earliest, and how many. */
interface Overlaps {
  firstKey: unknown;
  /** Why the earliest one overlaps, as the message states it. */
  why: string;
  count: number;
}

/** Earlier responses that share a trait (a normalised body, a set of matched codes). */
interface Group {
  first: number;
  count: number;
}

const NO_CODES = 'none';

/**
 * For each regex key of an integration, the earlier keys it overlaps, found without comparing
 * every pair: earlier keys are grouped by the status codes they match (an account repeats a few
 * patterns) and by normalised body, and a key is compared with each group once.
 */
function overlapsOf(integration: SnapshotIntegration): Map<SnapshotIntegrationResponse, Overlaps> {
  const found = new Map<SnapshotIntegrationResponse, Overlaps>();
  const byCodes = new Map<string, { reading: StatusCodeReading; group: Group }>();
  const byBody = new Map<string, Map<string, Group>>();
  const bodies: (string | undefined)[] = [];
  const statusCodes = matchesStatusCodes(integration);
  integration.integrationResponses.forEach((response, i) => {
    const body = regexBody(response.IntegrationResponseKey);
    bodies.push(body);
    if (body === undefined) return;
    const reading = statusCodes ? readStatusKey(body) : undefined;
    const codesKey = reading === undefined ? NO_CODES : reading.codesKey;
    const normalised = normaliseKeyBody(body);
    let first = Number.POSITIVE_INFINITY;
    let count = 0;
    const counted = new Set<string>();
    if (reading !== undefined) {
      for (const [key, earlier] of byCodes) {
        if (commonStatusCode(reading, earlier.reading) === undefined) continue;
        counted.add(key);
        first = Math.min(first, earlier.group.first);
        count += earlier.group.count;
      }
    }
    const sameBody = byBody.get(normalised) ?? new Map<string, Group>();
    for (const [key, group] of sameBody) {
      if (counted.has(key)) continue;
      first = Math.min(first, group.first);
      count += group.count;
    }
    const firstResponse = integration.integrationResponses[first];
    const firstBody = bodies[first];
    const why = firstBody === undefined ? undefined : overlap(integration, body, firstBody);
    if (firstResponse !== undefined && why !== undefined) found.set(response, { firstKey: firstResponse.IntegrationResponseKey, why, count });
    if (reading !== undefined) {
      const codes = byCodes.get(codesKey);
      if (codes === undefined) byCodes.set(codesKey, { reading, group: { first: i, count: 1 } });
      else codes.group.count += 1;
    }
    const group = sameBody.get(codesKey);
    if (group === undefined) sameBody.set(codesKey, { first: i, count: 1 });
    else group.count += 1;
    byBody.set(normalised, sameBody);
  });
  return found;
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
    integrationResponse: ({ index, integration, response }) => {
      const overlaps = index.derive(integration, overlapsOf).get(response);
      if (overlaps === undefined) return [];
      const more = overlaps.count - 1;
      return [
        {
          path: 'IntegrationResponseKey',
          message: `Key ${show(response.IntegrationResponseKey)} overlaps key ${show(overlaps.firstKey)} (${overlaps.why})${more > 0 ? ` and ${more} more` : ''}, so which response is selected is ambiguous.`,
        },
      ];
    },
  },
});

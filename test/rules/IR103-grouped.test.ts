import fc from 'fast-check';
import { evaluate } from '../../lib/engine/evaluate';
import { apiFromSketch } from '../../lib/model/sketch';
import type { SnapshotIntegration } from '../../lib/model/snapshot';
import { IR103, overlap } from '../../lib/rules/ir/IR103';
import { regexBody } from '../../lib/rules/selectors';
import { show } from '../../lib/rules/values';

/**
 * IR103 finds overlaps through groups instead of comparing every pair of keys. The pairwise
 * walk it replaced (with the same reason for each pair) is kept here as the oracle: both must
 * give the same messages.
 */
function pairwiseMessages(integration: SnapshotIntegration): string[] {
  const why = (body: string, other: string) => overlap(integration, body, other);
  return integration.integrationResponses.flatMap((response, i) => {
    const body = regexBody(response.IntegrationResponseKey);
    if (body === undefined) return [];
    const overlaps = integration.integrationResponses.slice(0, i).flatMap((earlier) => {
      const other = regexBody(earlier.IntegrationResponseKey);
      const reason = other === undefined ? undefined : why(body, other);
      return reason === undefined ? [] : [`${show(earlier.IntegrationResponseKey)} (${reason})`];
    });
    const [first, ...more] = overlaps;
    return first === undefined ? [] : [`Key ${show(response.IntegrationResponseKey)} overlaps key ${first}${more.length > 0 ? ` and ${more.length} more` : ''}, so which response is selected is ambiguous.`];
  });
}

const KEYS = ['$default', '/2\\d\\d/', '/20[0-9]/', '/200/', '/2\\d{2}/', '/2[0-9][0-9]/', '/4\\d\\d/', '/404/', '/5\\d\\d/', '/[45]00/', '/.*Error.*/', '/(/', '/.*/', '/\\d{3}/', 'plain', '/(?i)x/'];

test('grouped overlaps give the same messages as comparing every pair', () => {
  fc.assert(
    fc.property(fc.constantFrom('HTTP', 'MOCK', 'AWS'), fc.array(fc.constantFrom(...KEYS), { maxLength: 12 }), (type, keys) => {
      const api = apiFromSketch({ ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationType: type, integrationResponses: keys.map((IntegrationResponseKey) => ({ IntegrationResponseKey })) }] });
      const [integration] = api.integrations;
      if (integration === undefined) throw new Error('the sketch has one integration');
      const messages = evaluate({ region: 'eu-west-1', apis: [api] }, [{ rule: IR103 }]).findings.map((finding) => finding.message);
      expect(messages.sort()).toEqual(pairwiseMessages(integration).sort());
    }),
    { numRuns: 300 },
  );
});

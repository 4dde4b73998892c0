import fc from 'fast-check';
import { arnsAreDistinct } from '../../lib/engine/distinct-arns';
import { evaluate } from '../../lib/engine/evaluate';
import { FindingList } from '../../lib/engine/finding-list';
import type { Finding } from '../../lib/model/finding';
import { apiFromSketch } from '../../lib/model/sketch';
import type { Snapshot } from '../../lib/model/snapshot';
import { RULES } from '../../lib/rules';

/** What the engine's list must equal: one map by fingerprint, first place, last finding. */
const byMap = (findings: readonly Finding[]): Finding[] => [...new Map(findings.map((finding) => [finding.fingerprint, finding])).values()];

const fake = (fingerprint: string, id: number) => ({ fingerprint, message: String(id) }) as unknown as Finding;

describe('FindingList', () => {
  // Nodes of up to 40 findings, so both the scan and the map of a node with many are exercised.
  const nodes = fc.array(fc.array(fc.nat({ max: 30 }), { maxLength: 40 }), { maxLength: 8 });

  test('keeps one finding per fingerprint as a map would, when fingerprints repeat across nodes', () => {
    fc.assert(
      fc.property(nodes, (drawn) => {
        const list = new FindingList();
        const all: Finding[] = [];
        drawn.forEach((node) => {
          list.nextNode();
          for (const print of node) {
            const finding = fake(`f${print}`, all.length);
            all.push(finding);
            list.add(finding);
          }
        });
        expect(list.all(true)).toEqual(byMap(all));
      }),
    );
  });

  test('compares within a node only when nodes have ARNs of their own, and gives the same list', () => {
    fc.assert(
      fc.property(nodes, (drawn) => {
        const list = new FindingList();
        const all: Finding[] = [];
        drawn.forEach((node, n) => {
          list.nextNode();
          for (const print of node) {
            const finding = fake(`node ${n} f${print}`, all.length);
            all.push(finding);
            list.add(finding);
          }
        });
        expect(list.all(false)).toEqual(byMap(all));
      }),
    );
  });
});

describe('arnsAreDistinct', () => {
  const snapshot = (...sketches: Parameters<typeof apiFromSketch>[0][]): Snapshot => ({ region: 'eu-west-1', apis: sketches.map(apiFromSketch) });
  const responses = (...ids: string[]) => ids.map((IntegrationResponseId) => ({ IntegrationResponseId, IntegrationResponseKey: '$default' }));

  test.each<[string, Snapshot, boolean]>([
    ['ids unique within their parents (the same id under two parents is fine)', snapshot({ ApiId: 'a', integrations: [{ IntegrationId: 'i1', integrationResponses: responses('r1') }, { IntegrationId: 'i2', integrationResponses: responses('r1') }] }, { ApiId: 'b' }), true],
    ['two APIs with one id', snapshot({ ApiId: 'a' }, { ApiId: 'a' }), false],
    ['two integrations of an API with one id', snapshot({ integrations: [{ IntegrationId: 'i1' }, { IntegrationId: 'i1' }] }), false],
    ['two responses of an integration with one id', snapshot({ integrations: [{ integrationResponses: responses('r1', 'r1') }] }), false],
    ['two routes with one id', snapshot({ routes: [{ RouteId: 'r' }, { RouteId: 'r' }] }), false],
    ['two route responses of a route with one id', snapshot({ routes: [{ routeResponses: [{ RouteResponseId: 'x' }, { RouteResponseId: 'x' }] }] }), false],
    ['an id with a slash', snapshot({ integrations: [{ IntegrationId: 'i1/integrationresponses/r1' }] }), false],
  ])('%s', (_case, given, expected) => {
    expect(arnsAreDistinct(given)).toBe(expected);
  });

  test('findings of nodes that share an ARN are one finding, as before', () => {
    const mistake = { IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseId: 'r1', IntegrationResponseKey: '2\\d\\d' }] };
    const once = evaluate(snapshot({ ApiId: 'a', ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationId: 'i1', ...mistake }] }), RULES.map((rule) => ({ rule })));
    const twice = evaluate(snapshot({ ApiId: 'a', ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationId: 'i1', ...mistake }, { IntegrationId: 'i1', ...mistake }] }), RULES.map((rule) => ({ rule })));
    expect(once.findings.length).toBeGreaterThan(0);
    expect(twice.findings.map((finding) => finding.fingerprint)).toEqual(once.findings.map((finding) => finding.fingerprint));
  });

  test('findings of nodes whose ARNs differ only in a credential are one finding, as before', () => {
    const api = (ApiId: string) => ({ ApiId, ProtocolType: 'WEBSOCKET', integrations: [{ IntegrationId: 'i1', IntegrationType: 'MOCK', integrationResponses: [{ IntegrationResponseId: 'r1', IntegrationResponseKey: '2\\d\\d' }] }] });
    const rules = RULES.map((rule) => ({ rule }));
    const one = evaluate(snapshot(api('AKIAZ7Q3X9PLM2VB6TRW')), rules).findings;
    const both = evaluate(snapshot(api('AKIAZ7Q3X9PLM2VB6TRW'), api('AKIAZ7Q3X9PLM2VB6TRX')), rules).findings;
    expect(one.length).toBeGreaterThan(0);
    expect(both.every((finding) => finding.resource.arn.includes('/apis/[redacted]'))).toBe(true);
    expect(both.map((finding) => finding.fingerprint)).toEqual(one.map((finding) => finding.fingerprint));
  });
});

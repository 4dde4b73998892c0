import demoFingerprints from '../fixtures/demo-fingerprints.json';
import { evaluate } from '../../lib/engine/evaluate';
import { fingerprintOf } from '../../lib/model/fingerprint';
import { loadSnapshotFile } from '../../lib/model/load-snapshot';
import { RULES } from '../../lib/rules';

/**
 * Fingerprints are a contract: baselines and the deployed state table hold them, so a change in
 * how they are computed would make every known finding look new. These values were taken from
 * the engine before it was optimised and must never change.
 */
describe('fingerprints', () => {
  test.each([
    ['SEC004', 'arn:aws-cn:apigateway:cn-north-1::/apis/é/routes/r', 'ResponseTemplates["application/json"]', 'ab8189f35c417793a1d7059783268d55'],
    ['IR001', '', '', 'a2ffffa0ce3373e76e58a278d70fd444'],
    ['WS002', 'arn:aws:apigateway:::/apis/x', '😀\n', '079142135706b584cd7acf5922b663ef'],
  ])('fingerprintOf(%s, %s, %s) is pinned', (ruleId, arn, path, expected) => {
    expect(fingerprintOf(ruleId, arn, path)).toBe(expected);
  });

  // Matched by rule, ARN and path rather than as a whole list, so rule changes that add or drop
  // demo findings do not touch this test; most pins must still be found for it to mean anything.
  test('the engine gives the demo account findings their pinned fingerprints', async () => {
    const { snapshot } = await loadSnapshotFile('examples/demo-account.json');
    const { findings } = evaluate(snapshot, RULES.map((rule) => ({ rule })));
    const pinned = new Map(demoFingerprints.map((pin) => [`${pin.ruleId} ${pin.arn} ${pin.path}`, pin.fingerprint]));
    const compared = findings.flatMap((finding) => {
      const expected = pinned.get(`${finding.ruleId} ${finding.resource.arn} ${finding.path}`);
      return expected === undefined ? [] : [{ actual: finding.fingerprint, expected }];
    });
    expect(compared.length).toBeGreaterThanOrEqual(demoFingerprints.length / 2);
    for (const { actual, expected } of compared) expect(actual).toBe(expected);
  });

  test.each(demoFingerprints)('$ruleId at $path keeps fingerprint $fingerprint', ({ ruleId, arn, path, fingerprint }) => {
    expect(fingerprintOf(ruleId, arn, path)).toBe(fingerprint);
  });
});

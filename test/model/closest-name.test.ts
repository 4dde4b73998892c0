import { closestName, didYouMean } from '../../lib/model/closest-name';

describe('closestName', () => {
  test.each([
    ['integration_type', ['IntegrationType', 'IntegrationId'], 'IntegrationType'],
    ['scna', ['audit', 'scan', 'snapshot', 'rules'], 'scan'],
    ['of', ['off', 'critical'], 'off'],
    ['--snapshots', ['--snapshot', '--region'], '--snapshot'],
    ['IR04', ['IR004', 'IR014'], 'IR004'],
  ])('%s -> %s', (name, candidates, expected) => {
    expect(closestName(name, candidates)).toBe(expected);
  });

  test.each([
    ['x', ['xy']],
    ['banana', ['audit', 'scan']],
    ['a'.repeat(200), ['a'.repeat(199)]],
  ])('%s has no suggestion', (name, candidates) => {
    expect(closestName(name, candidates)).toBeUndefined();
  });

  test('didYouMean phrases it, or says nothing', () => {
    expect(didYouMean('hgh', ['high', 'low'])).toBe(' (did you mean "high"?)');
    expect(didYouMean('zzz', ['high', 'low'])).toBe('');
  });
});

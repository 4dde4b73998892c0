import { findingKey, forbids } from '../../lib/docs/real-world/finding-key';
import type { Finding } from '../../lib/model/finding';

const finding = (logicalId: string | undefined): Finding => ({
  ruleId: 'IR012',
  rule: 'two-way-nonproxy-without-ir',
  ruleKind: 'certain',
  severity: 'critical',
  title: 't',
  message: 'm',
  resource: { type: 'Route', arn: 'arn:aws:apigateway:us-east-1::/apis/a1/routes/r1', apiId: 'a1', ...(logicalId === undefined ? {} : { logicalId }) },
  path: 'Target',
  remediation: 'r',
  fingerprint: 'f',
});

test('a key is the rule id, the logical id (or the ARN without one) and the property path', () => {
  expect(findingKey(finding('ConnectRoute'))).toBe('IR012 ConnectRoute Target');
  expect(findingKey(finding(undefined))).toBe('IR012 arn:aws:apigateway:us-east-1::/apis/a1/routes/r1 Target');
});

test.each([
  ['IR012 ConnectRoute Target', true],
  ['IR012 ConnectRoute', true],
  ['IR012', true],
  ['IR01', false],
  ['IR012 Connect', false],
  ['IR013 ConnectRoute', false],
])('forbidden entry "%s" matches IR012 ConnectRoute Target: %s', (entry, matches) => {
  expect(forbids(entry, 'IR012 ConnectRoute Target')).toBe(matches);
});

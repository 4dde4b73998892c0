import { runAudit } from '../../lib/engine/audit-result';
import { gateExitCode } from '../../lib/cli/gate';
import { IR004 } from '../../lib/rules/ir/IR004';
import { apiFromSketch } from '../../lib/model/sketch';

const badKey = apiFromSketch({ integrations: [{ integrationResponses: [{ ResponseParameters: { bad: "'x'" } }] }] });
const failedCall = { source: 'collector' as const, operation: 'GetRoutes', apiId: 'a1', message: 'AccessDenied' };

describe('exit code gate', () => {
  test('clean and complete: 0', () => {
    expect(gateExitCode(runAudit([{ snapshot: { apis: [] } }], [{ rule: IR004 }]), 'high')).toBe(0);
  });
  test('incomplete without gating findings: 3', () => {
    const result = runAudit([{ snapshot: { apis: [] }, errors: [failedCall], complete: false }], [{ rule: IR004 }]);
    expect(result.summary.complete).toBe(false);
    expect(gateExitCode(result, 'high')).toBe(3);
  });
  test('findings at or above the threshold win over incompleteness: 1', () => {
    const result = runAudit([{ snapshot: { apis: [badKey] }, errors: [failedCall], complete: false }], [{ rule: IR004 }]);
    expect(gateExitCode(result, 'high')).toBe(1);
    expect(gateExitCode(result, 'critical')).toBe(3);
    expect(gateExitCode(result, 'none')).toBe(3);
  });
});

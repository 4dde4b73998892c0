import { runAudit } from '../../lib/engine/audit-result';
import { gate } from '../../lib/cli/gate';
import { IR004 } from '../../lib/rules/ir/IR004';
import { apiFromSketch } from '../../lib/model/sketch';

const badKey = apiFromSketch({ integrations: [{ integrationResponses: [{ ResponseParameters: { bad: "'x'" } }] }] });
const failedCall = { source: 'collector' as const, operation: 'GetRoutes', apiId: 'a1', message: 'AccessDenied' };

describe('exit code gate', () => {
  test('clean and complete: 0, and says so', () => {
    expect(gate(runAudit([{ snapshot: { apis: [] } }], [{ rule: IR004 }]), 'high')).toEqual({ code: 0, reason: 'exit 0: no finding at or above high (--fail-on high), and the audit is complete' });
  });
  test('incomplete without gating findings: 3', () => {
    const result = runAudit([{ snapshot: { apis: [] }, errors: [failedCall], complete: false }], [{ rule: IR004 }]);
    expect(result.summary.complete).toBe(false);
    expect(gate(result, 'high')).toEqual({ code: 3, reason: 'exit 3: the audit is incomplete (1 error), so missing findings prove nothing' });
  });
  test('findings at or above the threshold win over incompleteness: 1', () => {
    const result = runAudit([{ snapshot: { apis: [badKey] }, errors: [failedCall], complete: false }], [{ rule: IR004 }]);
    expect(gate(result, 'high')).toEqual({ code: 1, reason: 'exit 1: 1 finding at or above high (--fail-on high); the audit is also incomplete (1 error)' });
    expect(gate(result, 'critical').code).toBe(3);
    expect(gate(result, 'none').code).toBe(3);
  });
  test('--fail-on none says findings never fail the run', () => {
    expect(gate(runAudit([{ snapshot: { apis: [badKey] } }], [{ rule: IR004 }]), 'none').reason).toBe('exit 0: findings never fail the run (--fail-on none), and the audit is complete');
  });
  test('warnings refused by --strict win: 2', () => {
    const result = runAudit([{ snapshot: { apis: [badKey] } }], [{ rule: IR004 }]);
    expect(gate(result, 'high', 2)).toEqual({ code: 2, reason: 'exit 2: 2 snapshot warnings and --strict (fix the field names, or drop --strict)' });
  });
});

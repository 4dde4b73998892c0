import type { FailOn } from '../config/audit-config';
import type { AuditResult } from '../engine/audit-result';
import { atLeast } from '../model/severity';
import { EXIT, type ExitCode } from './exit-codes';

/** The exit code a CI job gates on, and the sentence that says why (the text report's last line). */
export interface Verdict {
  code: ExitCode;
  reason: string;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * Precedence: input `--strict` refuses (2), then findings at or above --fail-on (1, even when
 * the audit is also incomplete: the gate has its answer), then an incomplete audit (3).
 * `refusedWarnings` counts the warnings that --strict turns into bad input (0 without it).
 */
export function gate(result: AuditResult, failOn: FailOn, refusedWarnings = 0): Verdict {
  if (refusedWarnings > 0) return { code: EXIT.USAGE, reason: `exit 2: ${plural(refusedWarnings, 'snapshot warning')} and --strict (fix the field names, or drop --strict)` };
  const gating = failOn === 'none' ? 0 : result.findings.filter((finding) => atLeast(finding.severity, failOn)).length;
  const incomplete = result.summary.complete ? '' : `; the audit is also incomplete (${plural(result.summary.errors, 'error')})`;
  if (gating > 0) return { code: EXIT.FINDINGS, reason: `exit 1: ${plural(gating, 'finding')} at or above ${failOn} (--fail-on ${failOn})${incomplete}` };
  if (!result.summary.complete) {
    return { code: EXIT.INCOMPLETE, reason: `exit 3: the audit is incomplete (${plural(result.summary.errors, 'error')}), so missing findings prove nothing` };
  }
  const threshold = failOn === 'none' ? 'findings never fail the run (--fail-on none)' : `no finding at or above ${failOn} (--fail-on ${failOn})`;
  return { code: EXIT.CLEAN, reason: `exit 0: ${threshold}, and the audit is complete` };
}

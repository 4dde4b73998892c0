import type { AuditResult } from '../engine/audit-result';
import { atLeast, type Severity } from '../model/severity';
import { EXIT, type ExitCode } from './exit-codes';

/** The exit code a CI job gates on (see exit-codes.ts for the precedence). */
export function gateExitCode(result: AuditResult, failOn: Severity | 'none'): ExitCode {
  if (failOn !== 'none' && result.findings.some((finding) => atLeast(finding.severity, failOn))) return EXIT.FINDINGS;
  if (!result.summary.complete) return EXIT.INCOMPLETE;
  return EXIT.CLEAN;
}

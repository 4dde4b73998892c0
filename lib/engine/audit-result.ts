import type { AuditError, Finding } from '../model/finding';
import { redactFields } from '../model/redact';
import { SEVERITIES, type Severity } from '../model/severity';
import type { Snapshot } from '../model/snapshot';
import { evaluate, type ActiveRule } from './evaluate';
import { sortFindings } from './sort-findings';

/** What an audit read: a snapshot plus whatever kept it from being complete. */
export interface AuditInput {
  snapshot: Snapshot;
  /** Errors met while reading it: a live walk's failed calls, or those a snapshot file kept from the walk that wrote it. */
  errors?: AuditError[];
  complete?: boolean;
  /** Adds what only the reader knows to this input's findings (a template's source locations). */
  refine?: (findings: Finding[]) => Finding[];
}

export interface AuditSummary {
  apisAudited: number;
  rulesRun: number;
  findings: number;
  bySeverity: Record<Severity, number>;
  errors: number;
  /** False when something could not be read or a rule crashed: absent findings prove nothing. */
  complete: boolean;
  /** Findings left out of `findings` because a suppression covers them (only when suppressions were given). */
  suppressed?: number;
  /** Findings left out because their fingerprint is in the baseline (only when a baseline was given). */
  baselined?: number;
  /** Values a template scan could not resolve (`scan` only; they are listed as warnings). */
  unresolved?: number;
  /** Findings left out because they rest on an unresolved value (`scan` only). */
  withheld?: number;
}

export interface AuditResult {
  findings: Finding[];
  summary: AuditSummary;
  errors: AuditError[];
}

/**
 * The audit every entry point runs (CLI, Lambda, scan): evaluate each input for the findings
 * at or above `minSeverity` (those below are never built), and summarise.
 */
export function runAudit(inputs: readonly AuditInput[], rules: readonly ActiveRule[], minSeverity: Severity = 'info'): AuditResult {
  const findings: Finding[] = [];
  const errors: AuditError[] = [];
  let complete = true;
  for (const input of inputs) {
    const evaluation = evaluate(input.snapshot, rules, minSeverity);
    const found = input.refine === undefined ? evaluation.findings : input.refine(evaluation.findings);
    // Loops, not push(...spread): a spread of a million findings overflows the call stack.
    for (const finding of found) findings.push(finding);
    // A collector error may quote what a server answered: redacted like the findings.
    for (const error of input.errors ?? []) errors.push(redactFields(error));
    for (const error of evaluation.errors) errors.push(error);
    complete &&= input.complete !== false && evaluation.errors.length === 0;
  }
  const sorted = sortFindings(findings);
  return {
    findings: sorted,
    errors,
    summary: {
      apisAudited: inputs.reduce((count, input) => count + input.snapshot.apis.length, 0),
      rulesRun: rules.length,
      findings: sorted.length,
      bySeverity: countBySeverity(sorted),
      errors: errors.length,
      complete: complete && errors.length === 0,
    },
  };
}

/** Only the severity is read, so the state's records of resolved findings count the same way. */
export function countBySeverity(findings: readonly Pick<Finding, 'severity'>[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

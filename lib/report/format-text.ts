import type { AuditResult } from '../engine/audit-result';
import type { Finding, SourceLocation } from '../model/finding';
import type { SnapshotWarning } from '../model/load-snapshot';
import { SEVERITIES } from '../model/severity';
import { oneLine, shortName } from './escape';
import { resourceLabel } from './resource-label';

/** What the text report says beside the result. */
export interface TextReportContext {
  /** Why the run exits with its code (lib/cli/gate.ts): the report's last line. */
  exitReason: string;
  /** Warnings printed on stderr (fields the rules cannot read, values a scan could not resolve). */
  warnings: number;
  /** Values a scan could not resolve, listed so the reader sees what the count counts. */
  unresolved: readonly SnapshotWarning[];
}

/** Unresolved values listed by name; the rest are counted (all are in the JSON report). */
const UNRESOLVED_LISTED = 10;

/**
 * A report for people: findings grouped by API, one entry of two lines each (what and where,
 * then the message), then the summary, anything that kept the audit from being complete, the
 * values a scan could not resolve, and last why the run exits as it does. A finding from a
 * template starts with its `file:line:column`, which editors and terminals turn into a link.
 */
export function formatText(result: AuditResult, { exitReason, warnings, unresolved }: TextReportContext): string {
  const lines: string[] = [];
  for (const group of groupByApi(result.findings)) {
    const first = group[0]!;
    const { apiName, apiId, protocolType, region } = first.resource;
    // Account- and file-controlled values go through escape.ts: none can add a line.
    lines.push(oneLine(`${shortName(apiName ?? apiId)} (${[apiId, protocolType, region].filter(Boolean).join(', ')})`));
    const ruleWidth = group.reduce((widest, f) => Math.max(widest, f.ruleId.length), 0);
    for (const finding of group) {
      const where = oneLine([resourceLabel(finding), finding.path].filter(Boolean).join('  '));
      const entry = `${finding.severity.toUpperCase().padEnd(8)} ${finding.ruleId.padEnd(ruleWidth)}  ${where}`;
      lines.push(finding.location === undefined ? `  ${entry}` : `${locationLabel(finding.location)}  ${entry}`);
      lines.push(`  ${' '.repeat(8)} ${' '.repeat(ruleWidth)}  ${oneLine(finding.message)}`);
    }
    lines.push('');
  }
  lines.push(summaryLine(result));
  for (const error of result.errors) {
    lines.push(oneLine(`  error: ${[error.source, error.operation, error.apiId, error.ruleId].filter(Boolean).join(' ')}: ${error.message}`));
  }
  if (unresolved.length > 0) {
    lines.push(`${unresolved.length} unresolved value${unresolved.length === 1 ? '' : 's'} (no rule judges them):`);
    for (const value of unresolved.slice(0, UNRESOLVED_LISTED)) lines.push(oneLine(`  ${value.file}: ${value.path}: ${value.message}`));
    if (unresolved.length > UNRESOLVED_LISTED) lines.push(`  ... and ${unresolved.length - UNRESOLVED_LISTED} more (--format json lists them all)`);
  }
  lines.push(`${exitReason}; ${warnings} warning${warnings === 1 ? '' : 's'}${warnings === 0 ? '' : ' (on stderr)'}.`);
  return `${lines.join('\n')}\n`;
}

export function summaryLine({ summary }: AuditResult): string {
  const counts = SEVERITIES.filter((s) => summary.bySeverity[s] > 0).map((s) => `${summary.bySeverity[s]} ${s}`);
  const findings = summary.findings === 0 ? 'No findings' : `${summary.findings} finding${summary.findings === 1 ? '' : 's'} (${counts.join(', ')})`;
  const state = summary.complete ? 'audit complete' : `audit INCOMPLETE: ${summary.errors} error${summary.errors === 1 ? '' : 's'}`;
  const leftOut = [
    summary.suppressed === undefined ? '' : `${summary.suppressed} suppressed`,
    summary.baselined === undefined ? '' : `${summary.baselined} in the baseline`,
    summary.unresolved === undefined ? '' : `${summary.unresolved} value${summary.unresolved === 1 ? '' : 's'} unresolved (${summary.withheld ?? 0} finding${summary.withheld === 1 ? '' : 's'} withheld)`,
  ].filter(Boolean);
  return `${findings} in ${summary.apisAudited} API${summary.apisAudited === 1 ? '' : 's'}, ${summary.rulesRun} rules; ${leftOut.length > 0 ? `${leftOut.join(', ')}; ` : ''}${state}.`;
}

/** `file:line:column`, in the form editors and terminals jump to (never shortened, or the link breaks). */
function locationLabel(location: SourceLocation): string {
  return oneLine(`${location.file}:${location.line}:${location.column}`);
}

function groupByApi(findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = `${finding.resource.region ?? ''}/${finding.resource.apiId}`;
    // Appended in place: copying the group for each finding is quadratic in a large API.
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [finding]);
    else group.push(finding);
  }
  return [...groups.values()];
}

import type { ApiChange } from '../change/api-change';
import type { AuditSummary } from '../engine/audit-result';
import { countBySeverity } from '../engine/audit-result';
import type { AuditError, Finding } from '../model/finding';
import { redact } from '../model/redact';
import { SEVERITIES, type Severity } from '../model/severity';
import type { ExpiredSuppression } from '../suppressions/apply-suppressions';
import type { ClassifiedFinding } from '../lifecycle/classify-run';
import type { FindingRecord } from '../lifecycle/finding-record';
import { describeEntry } from '../suppressions/suppression-entry';
import type { StaleSuppression } from '../suppressions/suppression-use';
import { bytes, clip, findingBlocks, pack, resolvedBlocks, type Block } from './digest-blocks';

/**
 * SNS's limits (docs/design.md, "What AWS's limits force on the design"): a message of at most 256 KB, counted in bytes
 * with its attributes; a subject under 100 characters with no line breaks; at most 10
 * attributes, or raw delivery to SQS discards the message.
 */
export const SNS_MAX_MESSAGE_BYTES = 262_144;
export const SNS_MAX_SUBJECT_CHARS = 99;
export const SNS_MAX_ATTRIBUTES = 10;

/** How many audit errors, or suppression entries of one kind, the header lists; the logs have them all. */
const LISTED_LINES = 5;
/** A baseline is a summary, not a flood: this many of the most severe findings are listed. */
export const BASELINE_LISTED = 10;

/**
 * What a digest reports, all of it at or above the threshold and none of it suppressed:
 * - `findings`: every finding (alert mode every-run, or change tracking off or failed);
 * - `baseline`: the first tracked run: totals, and the most severe findings listed;
 * - `changes`: findings that appeared or came back and findings resolved are listed; those
 *   still open are only counted.
 */
export type DigestContent =
  | { kind: 'findings'; findings: readonly ClassifiedFinding[]; tracked: boolean }
  | { kind: 'baseline'; findings: readonly ClassifiedFinding[] }
  | { kind: 'changes'; appeared: readonly ClassifiedFinding[]; resolved: readonly FindingRecord[]; stillOpen: readonly Finding[] };

/** Why a digest lists every finding although the alert mode asks for changes only. */
export type TrackingProblem = { kind: 'off' } | { kind: 'failed'; message: string };

export interface DigestInput {
  content: DigestContent;
  trackingProblem?: TrackingProblem;
  /** Housekeeping for whoever owns the suppression file: mentioned, never a reason to send. */
  expiredSuppressions?: readonly ExpiredSuppression[];
  staleSuppressions?: readonly StaleSuppression[];
  threshold: Severity;
  summary: AuditSummary;
  errors: readonly AuditError[];
  /** APIs the run had no time left to read. */
  unreached: number;
  accountId: string;
  regions: readonly string[];
  startedAt: Date;
  /** CloudWatch Logs Insights, opened on this run's log lines. */
  logsLink?: string;
  /** The CloudTrail calls that triggered this run (a change audit), oldest first. */
  changes?: readonly Pick<ApiChange, 'eventName' | 'eventTime' | 'apiId' | 'principal'>[];
}

/** One SNS message; a digest too big for one message comes as numbered parts. */
export interface DigestPart {
  subject: string;
  message: string;
  /** Sent as String attributes, so subscription filter policies can match them. */
  attributes: Record<string, string>;
}

/**
 * The SNS digest of a run, for people: a header (what it reports and the counts, account,
 * regions, whether the audit was complete, notes on change tracking and suppressions, a link
 * to the run's logs), then the findings grouped (by change, then by severity, most severe
 * first) and within a group by API. When the whole would pass SNS's size limit it is cut
 * between findings into parts that each repeat the header (numbered "Part i of n") and
 * re-open the group and API they continue; every part carries the same attributes.
 */
export function buildDigest(input: DigestInput, maxBytes = SNS_MAX_MESSAGE_BYTES): DigestPart[] {
  const attributes = digestAttributes(input);
  // The budget assumes the widest part label, so numbering the parts cannot overflow one. The
  // subject is counted too, though SNS may not count it: a margin, never an overflow.
  const widest = { index: 9_999, total: 9_999 };
  // The header and the subject count every finding: worked out once, not once per part (a
  // digest of a million findings has thousands of parts).
  const header = headerLines(input);
  const summary = subjectSummary(input.content);
  const budget = maxBytes - attributeBytes(attributes) - bytes(subjectOf(input, summary, widest)) - bytes(headerOf(header, widest));
  const bodies = pack(blocksOf(input.content), budget);
  return bodies.map((body, index) => {
    const label = { index: index + 1, total: bodies.length };
    return { subject: subjectOf(input, summary, label), message: `${headerOf(header, label)}${body}`, attributes };
  });
}

/** The listed part of a digest, as blocks to pack; the fleet digest groups them by account and region. */
export function blocksOf(content: DigestContent): Block[] {
  switch (content.kind) {
    case 'findings':
      return findingBlocks(content.findings, { tracked: content.tracked });
    // Everything in a baseline, and in the NEW section, is new: a status line would only repeat it.
    case 'baseline':
      return findingBlocks(content.findings, { tracked: false }).slice(0, BASELINE_LISTED);
    case 'changes':
      return [
        ...findingBlocks(content.appeared.filter((classified) => classified.lifecycle === 'new'), { section: 'NEW', tracked: false }),
        ...findingBlocks(content.appeared.filter((classified) => classified.lifecycle !== 'new'), { section: 'REOPENED', tracked: true }),
        ...resolvedBlocks(content.resolved),
      ];
  }
}

/** The findings that need attention: what the counts and attributes describe. */
function attentionOf(content: DigestContent): Finding[] {
  return (content.kind === 'changes' ? content.appeared : content.findings).map((classified) => classified.finding);
}

/** Highest severity, counts, account, regions, completeness: what a subscriber filters on. */
function digestAttributes(input: DigestInput): Record<string, string> {
  const findings = attentionOf(input.content);
  const counts = countBySeverity(findings);
  const highest = SEVERITIES.find((severity) => counts[severity] > 0) ?? input.threshold;
  return {
    highestSeverity: highest,
    findings: String(findings.length),
    ...Object.fromEntries(SEVERITIES.map((severity) => [severity, String(counts[severity])])),
    accountId: input.accountId,
    region: input.regions.join(','),
    complete: String(input.summary.complete),
  };
}

interface PartLabel {
  index: number;
  total: number;
}

/** e.g. `apigw-audit: 2 critical, 5 high | 123456789012 eu-west-1 | INCOMPLETE (1/2)`. */
function subjectOf(input: DigestInput, summary: string, label: PartLabel): string {
  const suffix = `${input.summary.complete ? '' : ' | INCOMPLETE'}${label.total > 1 ? ` (${label.index}/${label.total})` : ''}`;
  const regions = input.regions.length === 1 ? input.regions[0] : `${input.regions.length} regions`;
  const subject = `apigw-audit: ${summary} | ${input.accountId} ${regions}`;
  const room = SNS_MAX_SUBJECT_CHARS - suffix.length;
  // ASCII only: older SNS documentation asks for an ASCII subject.
  return `${subject.length > room ? `${subject.slice(0, room - 3)}...` : subject}${suffix}`;
}

function subjectSummary(content: DigestContent): string {
  switch (content.kind) {
    case 'findings':
      return countsText(content.findings.map((classified) => classified.finding));
    case 'baseline':
      return `baseline, ${content.findings.length === 0 ? 'no findings' : countsText(content.findings.map((classified) => classified.finding))}`;
    case 'changes': {
      const reopened = content.appeared.filter((classified) => classified.lifecycle !== 'new').length;
      const counts = [
        [content.appeared.length - reopened, 'new'],
        [reopened, 'reopened'],
        [content.resolved.length, 'resolved'],
      ] as const;
      return counts
        .filter(([count]) => count > 0)
        .map(([count, what]) => `${count} ${what}`)
        .join(', ');
    }
  }
}

/** The header of every part, before and after the line that numbers the part. */
interface HeaderLines {
  top: string[];
  rest: string[];
}

function headerLines(input: DigestInput): HeaderLines {
  const { summary } = input;
  const top = [
    ...openingLines(input),
    ...changeLines(input.changes ?? []),
    `Run started ${input.startedAt.toISOString()}; ${plural(summary.apisAudited, 'API')} audited with ${summary.rulesRun} rules.`,
  ];
  const rest: string[] = [];
  // Loops, not push(...spread): the lists come from the account and have no fixed bound.
  if (!summary.complete) for (const line of incompleteLines(input)) rest.push(line);
  if (input.trackingProblem !== undefined) rest.push(trackingLine(input.trackingProblem, input.threshold));
  for (const line of expiredLines(input.expiredSuppressions ?? [])) rest.push(line);
  for (const line of staleLines(input.staleSuppressions ?? [])) rest.push(line);
  if (input.logsLink !== undefined) rest.push(`This run's log lines (CloudWatch Logs Insights): ${input.logsLink}`);
  return { top, rest };
}

function headerOf({ top, rest }: HeaderLines, label: PartLabel): string {
  const lines = label.total > 1 ? [...top, `Part ${label.index} of ${label.total}.`, ...rest] : [...top, ...rest];
  return `${lines.join('\n')}\n\n`;
}

/** What the digest reports and the counts. */
function openingLines({ content, threshold, accountId, regions }: DigestInput): string[] {
  const where = `account ${accountId} (${regions.join(', ')})`;
  switch (content.kind) {
    case 'findings': {
      const findings = content.findings.map((classified) => classified.finding);
      return [`apigw-audit: ${plural(findings.length, 'finding')} at or above ${threshold} in ${where}`, `By severity: ${countsText(findings)}`];
    }
    case 'baseline': {
      const findings = content.findings.map((classified) => classified.finding);
      const listed = findings.length > BASELINE_LISTED ? `The ${BASELINE_LISTED} most severe are listed below; every` : 'Every';
      return [
        `apigw-audit: baseline of ${where}: ${plural(findings.length, 'finding')} at or above ${threshold} open`,
        `By severity: ${countsText(findings)}`,
        `This is the first run that tracks changes: from now on a digest comes only when a finding appears, comes back or is resolved. ${listed} finding is in this run's log lines.`,
      ];
    }
    case 'changes': {
      const reopened = content.appeared.filter((classified) => classified.lifecycle !== 'new').map((classified) => classified.finding);
      const appeared = content.appeared.filter((classified) => classified.lifecycle === 'new').map((classified) => classified.finding);
      return [
        `apigw-audit: what changed since the last run in ${where}, findings at or above ${threshold}`,
        `New: ${countsText(appeared)}. Reopened: ${countsText(reopened)}. Resolved: ${countsText(content.resolved)}.`,
        `Still open, not listed: ${countsText(content.stillOpen)}.`,
      ];
    }
  }
}

/**
 * What triggered a change audit: each call, its time, its API and who made it. The principal
 * comes from CloudTrail, so it is redacted and escaped like any value from the account.
 */
function changeLines(changes: NonNullable<DigestInput['changes']>): string[] {
  if (changes.length === 0) return [];
  const apis = new Set(changes.map((change) => change.apiId)).size;
  const listed = changes.map(({ eventName, eventTime, apiId, principal }) => `  - ${eventTime.toISOString()} ${clip(eventName)} on ${clip(apiId)} by ${principal === undefined ? 'an unnamed principal' : clip(redact(principal))}`);
  return [`Triggered by a change: ${plural(changes.length, 'API Gateway call')} on ${plural(apis, 'API')} (CloudTrail); this audit covers only ${apis === 1 ? 'that API' : 'those APIs'}:`, ...capped(listed, "this run's log lines")];
}

function incompleteLines({ content, errors, unreached }: DigestInput): string[] {
  const causes = [plural(errors.length, 'error')];
  if (unreached > 0) causes.push(`${plural(unreached, 'API')} not reached before the deadline`);
  const tracked = content.kind === 'changes' ? ' None of them is reported resolved.' : '';
  const listed = errors.map((error) => `  - ${clip([error.source, error.operation, error.apiId, error.ruleId].filter(Boolean).join(' '))}: ${clip(error.message)}`);
  return [
    `THE AUDIT IS INCOMPLETE (${causes.join(', ')}): what could not be read was not audited, so a missing finding proves nothing.${tracked}`,
    ...capped(listed, 'saved query "audit errors"'),
  ];
}

function trackingLine(problem: TrackingProblem, threshold: Severity): string {
  if (problem.kind === 'off') return `Change tracking is off (the function has no STATE_TABLE): this digest lists every finding at or above ${threshold}.`;
  return `CHANGE TRACKING FAILED: ${clip(problem.message)}. This digest lists every finding at or above ${threshold}, not only what changed.`;
}

function expiredLines(expired: readonly ExpiredSuppression[]): string[] {
  if (expired.length === 0) return [];
  const listed = expired.map(({ entry, fingerprints }) => {
    const owner = entry.owner === undefined ? '' : `owner ${entry.owner}; `;
    return `  - ${describeEntry(entry)} expired after ${entry.expires} (${owner}reason: ${clip(entry.reason)}): ${plural(fingerprints.length, 'finding')} reported again`;
  });
  return ['Suppressions past their expiry date (renew the date if the risk is still accepted, or remove the entry):', ...capped(listed, 'the suppression file')];
}

function staleLines(stale: readonly StaleSuppression[]): string[] {
  if (stale.length === 0) return [];
  const listed = stale.map(({ entry, lastMatched }) => `  - ${describeEntry(entry)}: ${lastMatched === undefined ? 'never matched a finding' : `last matched ${lastMatched.slice(0, 10)}`}`);
  return ['Stale suppressions, matching no finding for days (fixed, or a wrong rule or resource: remove or correct them):', ...capped(listed, 'the suppression file')];
}

/** The first few lines, then how many more and where they are. */
function capped(lines: readonly string[], where: string): string[] {
  if (lines.length <= LISTED_LINES) return [...lines];
  return [...lines.slice(0, LISTED_LINES), `  - and ${lines.length - LISTED_LINES} more (${where})`];
}

/** `2 critical, 5 high`: only the severities present, most severe first; "none" when empty. */
function countsText(findings: readonly Pick<Finding, 'severity'>[]): string {
  const counts = countBySeverity(findings);
  const text = SEVERITIES.filter((severity) => counts[severity] > 0)
    .map((severity) => `${counts[severity]} ${severity}`)
    .join(', ');
  return text === '' ? 'none' : text;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** What SNS counts for an attribute: its name, its data type and its value. */
function attributeBytes(attributes: Record<string, string>): number {
  return Object.entries(attributes).reduce((sum, [name, value]) => sum + bytes(name) + bytes('String') + bytes(value), 0);
}

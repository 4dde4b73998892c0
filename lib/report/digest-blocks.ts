import { severityRank, type Severity } from '../model/severity';
import type { ClassifiedFinding } from '../lifecycle/classify-run';
import type { FindingRecord } from '../lifecycle/finding-record';
import { describeEntry } from '../suppressions/suppression-entry';
import { oneLine, shortName } from './escape';
import { resourceLabel } from './resource-label';

/**
 * One finding's text in a digest body. Blocks are listed in order under two headings: their
 * group ("HIGH", or "NEW: HIGH" in a digest of changes) and their API.
 */
export interface Block {
  group: string;
  api: string;
  apiHeading: string;
  text: string;
}

/** No single field may crowd out the rest: a finding quoting a huge template is clipped. */
const MAX_FIELD_CHARS = 2_000;

export interface FindingBlockOptions {
  /** Put before the severity in the group heading, e.g. "NEW" gives "NEW: HIGH". */
  section?: string;
  /** Each finding says where it stands in its history (known when the run was compared with earlier ones). */
  tracked: boolean;
}

/**
 * Findings by severity, most severe first, then in report order (which groups them by API).
 * Each says the rule, the resource, the path, the message and the remediation.
 */
export function findingBlocks(findings: readonly ClassifiedFinding[], { section, tracked }: FindingBlockOptions): Block[] {
  return bySeverity(findings, (classified) => classified.finding.severity).map((classified) => {
    const { finding } = classified;
    const { apiName, apiId, protocolType, region } = finding.resource;
    return {
      group: groupOf(finding.severity, section),
      api: `${region ?? ''}/${apiId}`,
      apiHeading: oneLine(`${shortName(apiName ?? apiId)} (${[apiId, protocolType, region].filter(Boolean).join(', ')})`),
      text: entry([
        `  ${finding.ruleId} ${finding.rule} (${finding.ruleKind}): ${clip(finding.title)}`,
        `    Resource:    ${clip(`${resourceLabel(finding)} (${finding.resource.arn})`)}`,
        ...(finding.path === '' ? [] : [`    Path:        ${clip(finding.path)}`]),
        `    Message:     ${clip(finding.message)}`,
        `    Remediation: ${clip(finding.remediation)}`,
        ...(tracked ? [`    Status:      ${historyOf(classified)}`] : []),
      ]),
    };
  });
}

/**
 * Findings that are gone, from what the state remembers of them (the finding itself is not in
 * this run): rule, resource, the message as it was, and how long it was open.
 */
export function resolvedBlocks(records: readonly FindingRecord[]): Block[] {
  return bySeverity(records, (record) => record.severity).map((record) => ({
    group: groupOf(record.severity, 'RESOLVED'),
    api: `${record.region}/${record.apiId}`,
    // The record keeps no API name; the id and region identify it.
    apiHeading: oneLine(`API ${record.apiId}${record.region === '' ? '' : ` (${record.region})`}`),
    text: entry([
      `  ${record.ruleId}: ${clip(record.title)}`,
      `    Resource:    ${clip(`${resourceLabel({ resource: record })} (${record.arn})`)}`,
      `    Message:     ${clip(record.message)}`,
      `    Status:      resolved; first seen ${day(record.firstSeen)}, last seen ${day(record.lastSeen)}`,
    ]),
  }));
}

/** `new`, `open since 2026-03-01`, `reopened ...`: what a reader needs to judge a finding's age. */
function historyOf({ lifecycle, firstSeen, expiredSuppression }: ClassifiedFinding): string {
  if (expiredSuppression !== undefined) return `back: ${describeEntry(expiredSuppression)} expired after ${expiredSuppression.expires}; first seen ${day(firstSeen)}`;
  if (lifecycle === 'reopened') return `reopened (it had been resolved); first seen ${day(firstSeen)}`;
  if (lifecycle === 'open') return `open since ${day(firstSeen)}`;
  return lifecycle;
}

/**
 * Fills parts up to `budget` bytes, cutting only between blocks. A part that starts in the
 * middle of a group or an API repeats its heading, marked "(continued)".
 */
export function pack(blocks: readonly Block[], budget: number): string[] {
  const parts: string[] = [];
  let body = '';
  let used = 0;
  let previous: Block | undefined;
  for (const block of blocks) {
    let text = headings(block, previous, undefined) + block.text;
    if (body !== '' && used + bytes(text) > budget) {
      parts.push(body);
      text = headings(block, undefined, previous) + block.text;
      body = '';
      used = 0;
    }
    body += text;
    used += bytes(text);
    previous = block;
  }
  parts.push(body);
  return parts;
}

/** The headings `block` needs after `previous` in the same part, or at the top of a part after `cut`. */
function headings(block: Block, previous: Block | undefined, cut: Block | undefined): string {
  const sameGroup = previous?.group === block.group;
  if (sameGroup && previous?.api === block.api) return '';
  const groupContinued = cut?.group === block.group;
  const apiContinued = groupContinued && cut?.api === block.api;
  const groupHeading = sameGroup ? '' : `== ${block.group}${groupContinued ? ' (continued)' : ''} ==\n\n`;
  return `${groupHeading}${block.apiHeading}${apiContinued ? ' (continued)' : ''}\n\n`;
}

function groupOf(severity: Severity, section: string | undefined): string {
  return section === undefined ? severity.toUpperCase() : `${section}: ${severity.toUpperCase()}`;
}

/** Most severe first; the sort is stable, so the report order holds within a severity. */
function bySeverity<T>(items: readonly T[], severity: (item: T) => Severity): T[] {
  return [...items].sort((a, b) => severityRank(severity(a)) - severityRank(severity(b)));
}

function entry(lines: readonly string[]): string {
  return `${lines.join('\n')}\n\n`;
}

/** The date of an ISO-8601 instant: days are what a reader compares. */
function day(iso: string): string {
  return iso.slice(0, 10);
}

/** A field of the digest on one line (escape.ts), clipped: account-controlled text goes through here. */
export function clip(text: string): string {
  const safe = oneLine(text);
  return safe.length > MAX_FIELD_CHARS ? `${safe.slice(0, MAX_FIELD_CHARS)}… (clipped)` : safe;
}

export function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

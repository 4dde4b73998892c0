import { countBySeverity } from '../engine/audit-result';
import { SEVERITIES, type Severity } from '../model/severity';
import { blocksOf, SNS_MAX_MESSAGE_BYTES, SNS_MAX_SUBJECT_CHARS, type DigestContent, type DigestPart } from '../report/digest';
import { bytes, clip, pack, type Block } from '../report/digest-blocks';
import type { ItemOutcome } from './item-outcome';

export interface FleetDigestInput {
  runId: string;
  startedAt: Date;
  threshold: Severity;
  outcomes: readonly ItemOutcome[];
}

/**
 * One digest for a whole fleet run, or none when no account-region has anything to alert
 * (each item planned its part with the single-account rules: in `changes` mode only what
 * appeared, came back or was resolved, or a first run's baseline). The header counts the
 * account-regions audited, incomplete and not audited; the body names every account-region
 * not audited and why, then each account-region's findings under headings
 * `== ACCOUNT REGION: NEW: HIGH ==`. Parts are cut under SNS's size limit as the
 * single-account digest's are, each repeating the header.
 */
export function buildFleetDigest(input: FleetDigestInput, maxBytes = SNS_MAX_MESSAGE_BYTES): DigestPart[] {
  const alerting = input.outcomes.filter((outcome) => outcome.digest !== undefined);
  if (alerting.length === 0) return [];
  const failed = input.outcomes.filter((outcome) => outcome.status !== 'audited');
  const blocks: Block[] = [];
  for (const outcome of failed) {
    blocks.push({
      group: outcome.status === 'failed' ? 'NOT AUDITED' : 'INCOMPLETE',
      api: `${outcome.accountId}/${outcome.region}`,
      apiHeading: `${outcome.accountId} ${outcome.region}`,
      text: `${clip(outcome.reason ?? 'no reason recorded')}\n\n`,
    });
  }
  for (const outcome of sortedByPlace(alerting)) {
    const content = outcome.digest?.content;
    if (content === undefined) continue;
    for (const block of blocksOf(content)) blocks.push({ ...block, group: `${outcome.accountId} ${outcome.region}: ${block.group}` });
  }
  const attributes = fleetAttributes(input, alerting.map((outcome) => outcome.digest?.content).filter((content): content is DigestContent => content !== undefined), failed.length);
  const header = headerLines(input, failed.length);
  const widest = { index: 9_999, total: 9_999 };
  const budget = maxBytes - Object.entries(attributes).reduce((sum, [name, value]) => sum + bytes(name) + bytes('String') + bytes(value), 0) - bytes(subjectOf(input, attributes, widest)) - bytes(headerOf(header, widest));
  const bodies = pack(blocks, budget);
  return bodies.map((body, index) => {
    const label = { index: index + 1, total: bodies.length };
    return { subject: subjectOf(input, attributes, label), message: `${headerOf(header, label)}${body}`, attributes };
  });
}

function sortedByPlace(outcomes: readonly ItemOutcome[]): ItemOutcome[] {
  return [...outcomes].sort((a, b) => a.accountId.localeCompare(b.accountId) || a.region.localeCompare(b.region));
}

function headerLines({ runId, startedAt, threshold, outcomes }: FleetDigestInput, notComplete: number): string[] {
  const accounts = new Set(outcomes.map((outcome) => outcome.accountId)).size;
  const count = (status: ItemOutcome['status']) => outcomes.filter((outcome) => outcome.status === status).length;
  return [
    `apigw-audit: fleet run ${clip(runId)}, findings at or above ${threshold} that changed (or a first run's baseline), by account and region`,
    `Run started ${startedAt.toISOString()}; ${outcomes.length} account-regions in ${accounts} accounts: ${count('audited')} audited completely, ${count('incomplete')} incomplete, ${count('failed')} not audited.`,
    ...(notComplete > 0 ? [`THE RUN IS INCOMPLETE: ${notComplete} account-regions are listed first with why; what could not be read was not audited, so a missing finding there proves nothing.`] : []),
  ];
}

function headerOf(lines: readonly string[], label: { index: number; total: number }): string {
  return `${[...lines, ...(label.total > 1 ? [`Part ${label.index} of ${label.total}.`] : [])].join('\n')}\n\n`;
}

/** The fleet's counts; one `findings` figure and the highest severity, as the single-account digest has. */
function fleetAttributes({ threshold, outcomes }: FleetDigestInput, contents: readonly DigestContent[], notComplete: number): Record<string, string> {
  const findings = contents.flatMap((content) => (content.kind === 'changes' ? content.appeared : content.findings).map((classified) => classified.finding));
  const counts = countBySeverity(findings);
  return {
    highestSeverity: SEVERITIES.find((severity) => counts[severity] > 0) ?? threshold,
    findings: String(findings.length),
    ...Object.fromEntries(SEVERITIES.map((severity) => [severity, String(counts[severity])])),
    accounts: String(new Set(outcomes.map((outcome) => outcome.accountId)).size),
    complete: String(notComplete === 0),
  };
}

/** e.g. `apigw-audit fleet: 3 findings (1 critical) | 100 accounts | INCOMPLETE (1/2)`, ASCII, under 100 characters. */
function subjectOf(input: FleetDigestInput, attributes: Record<string, string>, label: { index: number; total: number }): string {
  const suffix = `${attributes['complete'] === 'true' ? '' : ' | INCOMPLETE'}${label.total > 1 ? ` (${label.index}/${label.total})` : ''}`;
  const severities = SEVERITIES.filter((severity) => attributes[severity] !== '0').map((severity) => `${attributes[severity]} ${severity}`).join(', ');
  const subject = `apigw-audit fleet: ${severities === '' ? 'changes' : severities} | ${attributes['accounts']} accounts`;
  const room = SNS_MAX_SUBJECT_CHARS - suffix.length;
  return `${subject.length > room ? `${subject.slice(0, room - 3)}...` : subject}${suffix}`;
}

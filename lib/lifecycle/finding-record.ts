import type { Finding } from '../model/finding';
import type { Severity } from '../model/severity';

export const LIFECYCLE_STATUSES = ['open', 'resolved', 'suppressed'] as const;

/** Where a finding stands between runs. */
export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];

/** Long messages are cut: the record names the finding for a digest, the run's log has it whole. */
const MESSAGE_EXCERPT_CHARS = 300;

/**
 * What the state remembers of a finding, keyed by its fingerprint: enough to say in a digest
 * what was resolved (the finding itself is gone by then) and to resolve it only where the run
 * could look (region, API).
 */
export interface FindingRecord {
  fingerprint: string;
  status: LifecycleStatus;
  /** ISO-8601; kept when a finding is resolved and comes back, so its age is its whole history. */
  firstSeen: string;
  lastSeen: string;
  /** When it was last resolved; only on resolved records. */
  resolvedAt?: string;
  ruleId: string;
  severity: Severity;
  title: string;
  message: string;
  arn: string;
  apiId: string;
  /** "" when the finding's snapshot named no region. */
  region: string;
  accountId?: string;
  /** suppressionKey of the entry that suppresses it; only on suppressed records. */
  suppressedBy?: string;
  /** When the table may delete the record (epoch seconds, DynamoDB TTL); only on resolved records. */
  expiresAt?: number;
}

export function regionOf(finding: Finding): string {
  return finding.resource.region ?? '';
}

/** The record of a finding seen in this run. */
export function recordOf(finding: Finding, status: 'open' | 'suppressed', firstSeen: string, now: Date, suppressedBy?: string): FindingRecord {
  const { accountId } = finding.resource;
  return {
    fingerprint: finding.fingerprint,
    status,
    firstSeen,
    lastSeen: now.toISOString(),
    ruleId: finding.ruleId,
    severity: finding.severity,
    title: finding.title,
    message: finding.message.length > MESSAGE_EXCERPT_CHARS ? `${finding.message.slice(0, MESSAGE_EXCERPT_CHARS - 1)}…` : finding.message,
    arn: finding.resource.arn,
    apiId: finding.resource.apiId,
    region: regionOf(finding),
    ...(accountId === undefined ? {} : { accountId }),
    ...(suppressedBy === undefined ? {} : { suppressedBy }),
  };
}

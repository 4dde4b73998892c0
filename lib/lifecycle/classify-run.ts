import type { Finding } from '../model/finding';
import { severityRank } from '../model/severity';
import { applySuppressions, type ExpiredSuppression } from '../suppressions/apply-suppressions';
import { covers, type Coverage } from './coverage';
import { addDays, epochSeconds } from '../suppressions/days';
import { recordOf, type FindingRecord } from './finding-record';
import type { StoredState } from './state-store';
import { suppressionKey, type SuppressionEntry } from '../suppressions/suppression-entry';
import { markSuppressionUse, staleSuppressions, type StaleSuppression } from '../suppressions/suppression-use';

/** How long a resolved record (and the mark of a removed suppression) stays before the table's TTL removes it. */
export const DEFAULT_RETENTION_DAYS = 90;
/** How long an entry may match nothing before it is reported stale. */
export const DEFAULT_STALE_AFTER_DAYS = 7;

/**
 * A finding of this run, placed in its history: `new` never seen (or not within the
 * retention), `open` seen before and still there, `reopened` back after being resolved or
 * after its suppression ended, `suppressed` covered by an active entry.
 */
export type Lifecycle = 'new' | 'open' | 'reopened' | 'suppressed';

export interface ClassifiedFinding {
  finding: Finding;
  lifecycle: Lifecycle;
  /** ISO-8601: when the state first saw it (this run, for a new one). */
  firstSeen: string;
  /** The entry that suppresses it (lifecycle `suppressed`). */
  suppression?: SuppressionEntry;
  /** An expired entry that covers it: it is reported again because that entry expired. */
  expiredSuppression?: SuppressionEntry;
}

/**
 * What changed since the last run, for a digest that reports only changes: `new` and
 * `reopened` findings, `unsuppressed` ones (their suppression expired or was removed),
 * `suppressed` ones (an open finding someone accepted) and `resolved` ones (open before,
 * absent now where the run could look). Quiet transitions are not changes: a finding that is
 * suppressed from the start, or a suppressed one that goes away.
 */
export type Change =
  | { kind: 'resolved'; record: FindingRecord }
  | { kind: 'new' | 'reopened' | 'unsuppressed' | 'suppressed'; record: FindingRecord; finding: Finding };

export interface RunInput {
  findings: readonly Finding[];
  coverage: Coverage;
  suppressions: readonly SuppressionEntry[];
  now: Date;
  retentionDays?: number;
  staleAfterDays?: number;
}

export interface TrackedRun {
  /** Every finding of the run once (by fingerprint), in the run's order. */
  classified: ClassifiedFinding[];
  changes: Change[];
  expiredSuppressions: ExpiredSuppression[];
  staleSuppressions: StaleSuppression[];
  /** No run was saved before: a digest should summarise (a baseline) rather than list everything as new. */
  firstRun: boolean;
}

/**
 * Classifies a run's findings against the previous state and computes the state to write.
 * Pure: the clock, the suppressions and the coverage are arguments. A record is resolved only
 * where `coverage` says the run could have seen it again; elsewhere it is left as it was.
 */
export function classifyRun(previous: StoredState, input: RunInput): { run: TrackedRun; writes: StoredState } {
  const { now } = input;
  const retentionDays = input.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const expiresAt = epochSeconds(addDays(now, retentionDays));
  // DynamoDB deletes expired items lazily (within days), so a record past its TTL may still be read: it is history no more.
  const live = previous.findings.filter((record) => record.expiresAt === undefined || record.expiresAt > epochSeconds(now));
  const before = new Map(live.map((record) => [record.fingerprint, record]));
  const outcome = applySuppressions(input.findings, input.suppressions, now);

  const classified: ClassifiedFinding[] = [];
  const changes: Change[] = [];
  const records: FindingRecord[] = [];
  const seen = new Set<string>();
  for (const finding of input.findings) {
    if (seen.has(finding.fingerprint)) continue;
    seen.add(finding.fingerprint);
    const earlier = before.get(finding.fingerprint);
    const suppression = outcome.suppressedBy.get(finding.fingerprint);
    const expiredSuppression = outcome.expiredFor.get(finding.fingerprint);
    const firstSeen = earlier?.firstSeen ?? now.toISOString();
    const status = suppression === undefined ? 'open' : 'suppressed';
    const record = recordOf(finding, status, firstSeen, now, suppression && suppressionKey(suppression));
    records.push(record);
    classified.push({
      finding,
      lifecycle: suppression !== undefined ? 'suppressed' : earlier === undefined ? 'new' : earlier.status === 'open' ? 'open' : 'reopened',
      firstSeen,
      ...(suppression === undefined ? {} : { suppression }),
      ...(expiredSuppression === undefined ? {} : { expiredSuppression }),
    });
    const kind = changeKind(earlier?.status, status);
    if (kind !== undefined) changes.push({ kind, record, finding });
  }

  const resolved = live
    .filter((record) => !seen.has(record.fingerprint) && record.status !== 'resolved' && covers(input.coverage, record))
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.arn.localeCompare(b.arn));
  // A resolved record is suppressed by nothing: the entry's key is dropped with the finding.
  for (const { suppressedBy: _entryKey, ...record } of resolved) {
    const closed: FindingRecord = { ...record, status: 'resolved', resolvedAt: now.toISOString(), expiresAt };
    records.push(closed);
    if (record.status === 'open') changes.push({ kind: 'resolved', record: closed });
  }

  const marks = markSuppressionUse(input.suppressions, outcome.matched, previous.suppressions, now);
  return {
    run: {
      classified,
      changes,
      expiredSuppressions: outcome.expired,
      staleSuppressions: staleSuppressions(input.suppressions, marks, outcome.matched, {
        now,
        staleAfterDays: input.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS,
        runComplete: input.coverage.complete,
      }),
      firstRun: previous.lastRunAt === undefined,
    },
    writes: { lastRunAt: now.toISOString(), findings: records, suppressions: marks.map((mark) => ({ ...mark, expiresAt })) },
  };
}

function changeKind(before: FindingRecord['status'] | undefined, after: 'open' | 'suppressed'): Exclude<Change['kind'], 'resolved'> | undefined {
  if (after === 'suppressed') return before === 'open' ? 'suppressed' : undefined;
  if (before === undefined) return 'new';
  if (before === 'resolved') return 'reopened';
  if (before === 'suppressed') return 'unsuppressed';
  return undefined;
}

import { daysBetween } from './days';
import { isExpired, suppressionKey, type SuppressionEntry } from './suppression-entry';

/** What the state remembers of an entry between runs: since when it is known and when it last matched. */
export interface SuppressionMark {
  key: string;
  firstSeen: string;
  lastMatched?: string;
  /** When the table may delete the mark (epoch seconds): refreshed every run the entry stays in the file. */
  expiresAt?: number;
}

/** An active entry that has matched nothing for `staleAfterDays`: probably fixed, or a wrong id. */
export interface StaleSuppression {
  entry: SuppressionEntry;
  /** When it last suppressed something; absent when it never did. */
  lastMatched?: string;
}

/** The marks after this run: one per entry in the file, carrying over what earlier runs saw. */
export function markSuppressionUse(entries: readonly SuppressionEntry[], matched: ReadonlySet<string>, previous: readonly SuppressionMark[], now: Date): SuppressionMark[] {
  const before = new Map(previous.map((mark) => [mark.key, mark]));
  return entries.map((entry) => {
    const key = suppressionKey(entry);
    const earlier = before.get(key);
    const lastMatched = matched.has(key) ? now.toISOString() : earlier?.lastMatched;
    return { key, firstSeen: earlier?.firstSeen ?? now.toISOString(), ...(lastMatched === undefined ? {} : { lastMatched }) };
  });
}

export interface StaleOptions {
  now: Date;
  /** How long an entry may match nothing before it is reported; 0 reports it on the first such run. */
  staleAfterDays: number;
  /**
   * Whether this run read everything it is configured to audit. A narrowed or incomplete run
   * may simply not have looked where an entry points, so only a complete run calls one stale.
   */
  runComplete: boolean;
}

/**
 * Active entries that matched nothing this run and have matched nothing for `staleAfterDays`
 * (since they last matched, or since they were first seen). Without history (the CLI) the
 * marks are this run's own, so with `staleAfterDays` 0 "stale" means "matched nothing now".
 */
export function staleSuppressions(entries: readonly SuppressionEntry[], marks: readonly SuppressionMark[], matched: ReadonlySet<string>, options: StaleOptions): StaleSuppression[] {
  if (!options.runComplete) return [];
  const byKey = new Map(marks.map((mark) => [mark.key, mark]));
  return entries.flatMap((entry): StaleSuppression[] => {
    const key = suppressionKey(entry);
    if (isExpired(entry, options.now) || matched.has(key)) return [];
    const mark = byKey.get(key);
    const since = mark?.lastMatched ?? mark?.firstSeen ?? options.now.toISOString();
    if (daysBetween(new Date(since), options.now) < options.staleAfterDays) return [];
    return [mark?.lastMatched === undefined ? { entry } : { entry, lastMatched: mark.lastMatched }];
  });
}

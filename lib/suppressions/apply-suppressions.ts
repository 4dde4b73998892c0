import type { Finding } from '../model/finding';
import { isExpired, suppressionKey, type SuppressionEntry } from './suppression-entry';
import { matchesResource, matchesRule } from './suppression-pattern';

/** An entry past its date: it suppresses nothing, and says which findings are back because of it. */
export interface ExpiredSuppression {
  entry: SuppressionEntry;
  /** Fingerprints of this run's findings it would still cover. */
  fingerprints: string[];
}

export interface SuppressionOutcome {
  /** Suppressed findings (by fingerprint) and the entry that suppresses each: the first active match in file order. */
  suppressedBy: Map<string, SuppressionEntry>;
  /** Findings that only an expired entry covers, with that entry: they are back because it expired. */
  expiredFor: Map<string, SuppressionEntry>;
  /** Keys (suppressionKey) of active entries that matched at least one finding this run. */
  matched: Set<string>;
  expired: ExpiredSuppression[];
}

/** Which findings the entries suppress at `now`. Pure: the clock is an argument. */
export function applySuppressions(findings: readonly Finding[], entries: readonly SuppressionEntry[], now: Date): SuppressionOutcome {
  const outcome: SuppressionOutcome = { suppressedBy: new Map(), expiredFor: new Map(), matched: new Set(), expired: [] };
  const expired = new Map<SuppressionEntry, string[]>(entries.filter((entry) => isExpired(entry, now)).map((entry) => [entry, []]));
  for (const finding of findings) {
    for (const entry of entries) {
      if (!matchesRule(entry.rule, finding.ruleId, finding.rule) || !matchesResource(entry.resource, finding.resource.arn)) continue;
      const expiredMatches = expired.get(entry);
      if (expiredMatches !== undefined) {
        expiredMatches.push(finding.fingerprint);
        if (!outcome.expiredFor.has(finding.fingerprint)) outcome.expiredFor.set(finding.fingerprint, entry);
        continue;
      }
      outcome.matched.add(suppressionKey(entry));
      if (!outcome.suppressedBy.has(finding.fingerprint)) outcome.suppressedBy.set(finding.fingerprint, entry);
    }
  }
  for (const fingerprint of outcome.suppressedBy.keys()) outcome.expiredFor.delete(fingerprint);
  outcome.expired = [...expired].map(([entry, fingerprints]) => ({ entry, fingerprints }));
  return outcome;
}

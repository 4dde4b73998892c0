/** The severity scale (docs/design.md), most severe first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;

export type Severity = (typeof SEVERITIES)[number];

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** Looked up rather than searched for: ranks are compared for every finding built and sorted. */
const RANKS = new Map<string, number>(SEVERITIES.map((severity, rank) => [severity, rank]));

/** 0 for critical up to 4 for info: a smaller rank is more severe. (-1 for a value read from outside that is none, as before.) */
export function severityRank(severity: Severity): number {
  return RANKS.get(severity) ?? -1;
}

/** True when `severity` is `threshold` or more severe. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) <= severityRank(threshold);
}

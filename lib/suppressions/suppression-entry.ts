/**
 * One accepted risk: the findings of `rule` on `resource` are not alerted or gated on until
 * the end of the `expires` day (UTC), and the reason says why. `index` is the entry's position
 * in its file, so every message can point at it.
 */
export interface SuppressionEntry {
  index: number;
  rule: string;
  resource: string;
  reason: string;
  /** YYYY-MM-DD, the last day the entry suppresses. */
  expires: string;
  owner?: string;
}

/** The identity of an entry across runs and edits: editing its reason or date keeps it. */
export function suppressionKey(entry: Pick<SuppressionEntry, 'rule' | 'resource'>): string {
  return `${entry.rule} ${entry.resource}`;
}

/** "suppressions[2] (IR004 on abc123)": how messages name an entry. */
export function describeEntry(entry: SuppressionEntry): string {
  return `suppressions[${entry.index}] (${entry.rule} on ${entry.resource})`;
}

/** The first instant the entry no longer suppresses: midnight UTC after its last day. */
function expiryInstant(entry: Pick<SuppressionEntry, 'expires'>): Date {
  const [year, month, day] = entry.expires.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1));
}

export function isExpired(entry: SuppressionEntry, now: Date): boolean {
  return now.getTime() >= expiryInstant(entry).getTime();
}

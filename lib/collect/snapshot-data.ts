/**
 * A value as snapshot data, in one canonical form whether it goes straight to the rules (a
 * live audit) or through a snapshot file: Dates become ISO strings (as JSON writes them),
 * absent members are dropped, and object keys are sorted by code unit. Sorting makes the
 * order the service happened to return map keys in irrelevant: a rule message that quotes a
 * map reads the same live and offline, and two snapshots of an unchanged account are equal
 * byte for byte. It also puts a resource's SDK fields (PascalCase) before its child lists.
 */
export function toSnapshotData(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toSnapshotData);
  if (typeof value !== 'object' || value === null) return value;
  const record: Record<string, unknown> = {};
  // Integer-like keys ("200") still come first: JavaScript orders them so in every object.
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) record[key] = toSnapshotData(member);
  }
  return record;
}

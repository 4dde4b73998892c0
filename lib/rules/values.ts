/**
 * Reading snapshot values that may be of any type (see AsRead in lib/model/snapshot.ts).
 * A rule that trusts a field's declared type would crash, or worse stay silent, on the very
 * mistakes it exists to find.
 */

/** The value when it is a string, else undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** True when a field is present in the sense AWS means: neither absent nor null. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** The entries of a map field (a plain object), else none. */
export function entriesOf(value: unknown): [string, unknown][] {
  return isPlainObject(value) ? Object.entries(value) : [];
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as it appears in a message: quoted, shortened, never a whole template or secret. */
export function show(value: unknown, max = 60): string {
  const rendered = typeof value === 'string' ? JSON.stringify(value) : value === undefined ? 'nothing' : JSON.stringify(value) ?? String(value);
  return rendered.length > max ? `${rendered.slice(0, max - 1)}…` : rendered;
}

/** The path to one entry of a map field, e.g. `ResponseParameters["method.response.header.X"]`. */
export function mapPath(field: string, ...keys: string[]): string {
  return field + keys.map((key) => `[${JSON.stringify(key)}]`).join('');
}

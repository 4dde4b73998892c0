/**
 * The words of validation messages for the inputs the Lambda reads (its environment, event,
 * audit configuration, suppression file and state items). They were once zod's messages and
 * stay word for word, since users and tests match them; the checks themselves are plain code,
 * so the function's bundle needs no schema library to load at every cold start.
 */

/** A JSON-like object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a message names a value's type: `array` and `null` apart from `object`. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** `Invalid input: expected string, received number`. */
export function expectedType(expected: string, value: unknown): string {
  return `Invalid input: expected ${expected}, received ${typeName(value)}`;
}

/** `Invalid option: expected one of "a"|"b"`. */
export function expectedOneOf(allowed: readonly string[]): string {
  return `Invalid option: expected one of ${allowed.map((option) => JSON.stringify(option)).join('|')}`;
}

/** `Too small: expected array to have >=1 items` (or `string` ... `characters`). */
export function tooSmall(what: 'array' | 'string'): string {
  return `Too small: expected ${what} to have >=1 ${what === 'array' ? 'items' : 'characters'}`;
}

/** The keys of `value` that are not `known`, in the order written. */
export function unknownKeys(value: Record<string, unknown>, known: readonly string[]): string[] {
  return Object.keys(value).filter((key) => !known.includes(key));
}

/** `Unrecognized key: "x"`, or `Unrecognized keys: "a", "b"`. */
export function unrecognizedKeys(keys: readonly string[]): string {
  return `Unrecognized key${keys.length === 1 ? '' : 's'}: ${keys.map((key) => JSON.stringify(key)).join(', ')}`;
}

/** True when `value` is one of `allowed`: narrows an unknown input to the union of its literals. */
export function isOneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return (allowed as readonly unknown[]).includes(value);
}

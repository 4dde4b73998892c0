/**
 * Reading snapshot values that may be of any type (see AsRead in lib/model/snapshot.ts).
 * A rule that trusts a field's declared type would crash, or worse stay silent, on the very
 * mistakes it exists to find.
 *
 * A value from a template may be Unresolved (lib/model/unresolved.ts): it is not a string, it
 * is set, and it is not a map, so each helper below answers for it without the rule knowing.
 */

import { memoizeText } from '../model/memoize-text';
import { redact } from '../model/redact';
import { isUnresolved } from '../model/unresolved';

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
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnresolved(value);
}

/** Characters past a message's cut still read when redacting: longer than any credential pattern matches. */
const SECRET_MARGIN = 4_096;

/** How long a quoted value may be unless a rule asks otherwise. */
const SHOWN_CHARS = 60;

/** A value as it appears in a message: quoted, shortened, never a whole template or secret. */
export function show(value: unknown, max = SHOWN_CHARS): string {
  if (typeof value !== 'string') return clip(value === undefined ? 'nothing' : isUnresolved(value) ? `(unresolved ${value.reason})` : JSON.stringify(value) ?? String(value), max);
  // Redacted before it is cut, so a clipped credential cannot leak its first characters; only
  // the start is redacted (a whole 300 KB template would cost every finding that quotes it),
  // with room past the cut for any credential that begins before it.
  const start = value.slice(0, max + SECRET_MARGIN);
  return max === SHOWN_CHARS ? showStart(start) : quote(start, max);
}

function quote(start: string, max: number): string {
  return clip(JSON.stringify(redact(start)), max);
}

/** The same keys and templates are quoted by finding after finding: each is quoted once. */
const showStart = memoizeText((start) => quote(start, SHOWN_CHARS));

function clip(rendered: string, max: number): string {
  return rendered.length > max ? `${rendered.slice(0, max - 1)}…` : rendered;
}

/** The path to one entry of a map field, e.g. `ResponseParameters["method.response.header.X"]`. */
export function mapPath(field: string, ...keys: string[]): string {
  return field + keys.map((key) => `[${JSON.stringify(key)}]`).join('');
}

/**
 * True when a field is configured in the sense the catalog's "set" means: not absent, null, an
 * empty string or an empty map or list. IaC tools write `""` and `{}` for "nothing", and the
 * API stores neither as a value, so a certain rule that counted them would report a field that
 * has no effect and no presence in the deployed API.
 */
export function isConfigured(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return !isPlainObject(value) || Object.keys(value).length > 0;
}

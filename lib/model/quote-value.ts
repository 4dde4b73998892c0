/** Characters of a bad value quoted back: enough to recognise it, never a whole file. */
const QUOTED = 80;

/**
 * A value from the user, quoted back in an error message as JSON (so a control character shows
 * as `\u0007`, not as itself) and cut short.
 */
export function quoteValue(value: unknown): string {
  const text = JSON.stringify(value) ?? 'nothing';
  return text.length > QUOTED ? `${text.slice(0, QUOTED)}...` : text;
}

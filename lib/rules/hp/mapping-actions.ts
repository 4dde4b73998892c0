import { parseMappingKey } from './mapping-key';

/**
 * What an HTTP API response mapping key does to the response the client gets, for the rules
 * that judge a value by its effect (HP105, HP108, the SEC rules).
 */

/** The header an `append:` or `overwrite:` key writes; remove, statuscode and malformed keys write none. */
export function writtenHeader(key: string): string | undefined {
  const parsed = parseMappingKey(key);
  return parsed !== undefined && 'action' in parsed && parsed.action !== 'remove' ? parsed.header : undefined;
}

/** A `remove:` key: its value is a placeholder (the docs use "''") that reaches no client. */
export function isRemoval(key: string): boolean {
  const parsed = parseMappingKey(key);
  return parsed !== undefined && 'action' in parsed && parsed.action === 'remove';
}

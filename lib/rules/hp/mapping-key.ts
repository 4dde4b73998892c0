/**
 * The inner keys of an HTTP API integration's ResponseParameters (status code -> key -> value),
 * http-api-parameter-mapping.html: `append|overwrite|remove:header.{name}` and
 * `overwrite:statuscode`. Shared by every rule that reads those keys (HP002, HP003, HP004,
 * HP106, the SEC rules), so they all agree on what a key means.
 */

export type MappingAction = 'append' | 'overwrite' | 'remove';

export type MappingKey =
  | { action: MappingAction; header: string }
  /**
   * `overwrite:statuscode` (the developer guide's form), or `overwrite.statuscode` with
   * `dotForm` (the model's and CloudFormation's spelling, which HP003 reports as unsourced).
   */
  | { statusCode: true; dotForm: boolean };

/** `header.` followed by an RFC 9110 token (the characters a header name may have). */
const HEADER_KEY = /^(append|overwrite|remove):header\.([!#$%&'*+\-.^_`|~0-9A-Za-z]+)$/;

/** What an inner key asks for, or undefined when it is none of the supported forms. */
export function parseMappingKey(key: string): MappingKey | undefined {
  if (key === 'overwrite:statuscode') return { statusCode: true, dotForm: false };
  if (key === 'overwrite.statuscode') return { statusCode: true, dotForm: true };
  const match = HEADER_KEY.exec(key);
  if (match === null) return undefined;
  // The regex's alternation guarantees both groups; the checks only satisfy the compiler.
  const [, action, header] = match;
  return action === undefined || header === undefined ? undefined : { action: action as MappingAction, header };
}

import { createHash } from 'node:crypto';

/**
 * A stable id for "this rule, on this resource, at this property": it does not depend on the
 * message, the severity or the order of the walk, so it stays the same between runs for as long
 * as the problem does.
 */
export function fingerprintOf(ruleId: string, arn: string, path: string): string {
  return createHash('sha256').update(`${ruleId}\n${arn}\n${path}`).digest('hex').slice(0, 32);
}

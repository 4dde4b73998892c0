import * as crypto from 'node:crypto';

/**
 * SHA-256 of a string, as hex. crypto.hash (Node 20.12 and later, so the Lambda's Node 22) is
 * the one-shot form, three times faster than a Hash object for inputs this short; older Node
 * 20 releases, which the CLI still supports, get the Hash object. Both give the same bytes.
 */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha256', text, 'hex') : (text) => crypto.createHash('sha256').update(text).digest('hex');

/**
 * A stable id for "this rule, on this resource, at this property": it does not depend on the
 * message, the severity or the order of the walk, so it stays the same between runs for as long
 * as the problem does. Baselines and the deployed state table hold these values, so their
 * computation must never change (test/model/fingerprint.test.ts pins some).
 */
export function fingerprintOf(ruleId: string, arn: string, path: string): string {
  return sha256Hex(`${ruleId}\n${arn}\n${path}`).slice(0, 32);
}

import type { AuditResult, AuditSummary } from '../engine/audit-result';
import type { AuditError, Finding } from '../model/finding';
import type { TrackingSummary } from './track-changes';

/** What happened to the digest. */
export type DigestOutcome =
  | { status: 'published'; parts: number; messageIds: string[] }
  | { status: 'nothing to alert' }
  | { status: 'dry run'; parts: number };

/** What a manual invoke returns (docs/design.md, "Lambda event"). */
export interface AuditResponse {
  summary: AuditSummary;
  unreached: string[];
  digest: DigestOutcome;
  changeTracking: TrackingSummary;
  errors: AuditError[];
  findings: Finding[];
  /** Findings left out so the response fits Lambda's 6 MB limit; all of them are in the logs. */
  findingsOmitted: number;
}

/** Lambda's synchronous response limit is 6 MB; the rest is room for the envelope. */
const MAX_RESPONSE_BYTES = 5_500_000;

/** The run summary with as many findings as fit, in report order. */
export function invokeResponse(result: AuditResult, unreached: string[], digest: DigestOutcome, changeTracking: TrackingSummary, maxBytes = MAX_RESPONSE_BYTES): AuditResponse {
  const response: AuditResponse = { summary: result.summary, unreached, digest, changeTracking, errors: result.errors, findings: [], findingsOmitted: 0 };
  let used = Buffer.byteLength(JSON.stringify(response));
  for (const finding of result.findings) {
    // +1 for the comma between array items.
    used += Buffer.byteLength(JSON.stringify(finding)) + 1;
    if (used > maxBytes) break;
    response.findings.push(finding);
  }
  response.findingsOmitted = result.findings.length - response.findings.length;
  return response;
}

import { BatchImportFindingsCommand, type AwsSecurityFinding, type SecurityHubClient } from '@aws-sdk/client-securityhub';

/** BatchImportFindings takes at most 100 findings and 6 MB per call; the byte cap keeps a margin for the envelope. */
export const MAX_FINDINGS_PER_CALL = 100;
const MAX_BYTES_PER_CALL = 5_000_000;

/** What an import did: findings Security Hub accepted and refused, and why it refused them. */
export interface ImportOutcome {
  calls: number;
  imported: number;
  failed: number;
  /** One line per refused finding or failed call (after the retries), for the run's audit-error lines. */
  errors: ImportError[];
}

export interface ImportError {
  message: string;
  region: string;
  /** The finding's Id, when Security Hub refused one finding rather than the call. */
  findingId?: string;
}

/**
 * Imports findings into Security Hub in each finding's own region (a product ARN is regional),
 * in batches of at most 100, one call at a time; the client's retry strategy spaces the calls
 * and retries throttling and transient errors with backoff. A batch that still fails, or
 * findings Security Hub refuses, are counted and described, never thrown: the run's other
 * outputs (state, digest) must not depend on Security Hub.
 */
export async function importFindings(findings: readonly AwsSecurityFinding[], clientFor: (region: string) => SecurityHubClient): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { calls: 0, imported: 0, failed: 0, errors: [] };
  for (const [region, regional] of byRegion(findings)) {
    const client = clientFor(region);
    for (const batch of batches(regional)) {
      outcome.calls += 1;
      try {
        const reply = await client.send(new BatchImportFindingsCommand({ Findings: batch }));
        outcome.imported += reply.SuccessCount ?? 0;
        outcome.failed += reply.FailedCount ?? 0;
        for (const failure of reply.FailedFindings ?? []) {
          outcome.errors.push({ region, ...(failure.Id === undefined ? {} : { findingId: failure.Id }), message: `Security Hub refused finding ${failure.Id ?? '?'}: ${failure.ErrorCode ?? 'error'}: ${failure.ErrorMessage ?? ''}`.trim() });
        }
      } catch (error) {
        outcome.failed += batch.length;
        const name = error instanceof Error ? error.name : 'Error';
        const message = error instanceof Error ? error.message : String(error);
        outcome.errors.push({ region, message: `BatchImportFindings of ${batch.length} findings failed after retries: ${name}: ${message}` });
      }
    }
  }
  return outcome;
}

function byRegion(findings: readonly AwsSecurityFinding[]): Map<string, AwsSecurityFinding[]> {
  const regions = new Map<string, AwsSecurityFinding[]>();
  for (const finding of findings) {
    const region = finding.Region ?? '';
    const list = regions.get(region);
    if (list === undefined) regions.set(region, [finding]);
    else list.push(finding);
  }
  return regions;
}

/** Consecutive runs of at most 100 findings and about 5 MB of JSON. */
function* batches(findings: readonly AwsSecurityFinding[]): Generator<AwsSecurityFinding[]> {
  let batch: AwsSecurityFinding[] = [];
  let bytes = 0;
  for (const finding of findings) {
    const size = Buffer.byteLength(JSON.stringify(finding));
    if (batch.length === MAX_FINDINGS_PER_CALL || (batch.length > 0 && bytes + size > MAX_BYTES_PER_CALL)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(finding);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}

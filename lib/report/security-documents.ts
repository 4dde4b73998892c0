import type { AuditResult } from '../engine/audit-result';
import type { Finding } from '../model/finding';
import { toAsff } from './asff';
import { escapeRawInJson } from './escape';
import { subjectOf } from './finding-subject';
import { toOcsf } from './ocsf';

/** A finding that cannot be written in ASFF: it names no account or region (a template's). */
export class AsffUnavailableError extends Error {
  override name = 'AsffUnavailableError';
}

/**
 * `--format asff`: `{"Findings": [...]}`, the request body of Security Hub's BatchImportFindings
 * (at most 100 findings per call: split the list to import it with the AWS CLI). A CLI run has
 * no history, so every finding is ACTIVE and first seen now; the ids come from the
 * fingerprints, so importing the next run's document updates the same findings.
 */
export function formatAsff(result: AuditResult, now: Date): string {
  const findings = result.findings.map((finding) => {
    const { accountId, region } = finding.resource;
    if (accountId === undefined || region === undefined) {
      const missing = accountId === undefined ? 'account' : 'region';
      // A template's resources have a logical id; a snapshot's lack only the header field.
      const remedy =
        finding.resource.logicalId === undefined
          ? `its snapshot has no "${missing === 'account' ? 'accountId' : 'region'}": add it to the file, or use --format ocsf`
          : 'a template names neither: audit a snapshot or an account, or use --format ocsf';
      throw new AsffUnavailableError(`--format asff needs each finding's account and region, and ${finding.ruleId} on ${finding.resource.logicalId ?? finding.resource.arn} has no ${missing} (${remedy})`);
    }
    return toAsff({ ...subjectOf(finding), accountId, region }, { now, recordState: 'ACTIVE' });
  });
  return `${escapeRawInJson(JSON.stringify({ Findings: findings }, null, 2))}\n`;
}

/** `--format ocsf`: a JSON array of OCSF Detection Finding events, one per finding, each created now. */
export function formatOcsf(result: AuditResult, now: Date): string {
  const events = result.findings.map((finding: Finding) => toOcsf(subjectOf(finding), { now, activity: 'create', status: 'new' }));
  return `${escapeRawInJson(JSON.stringify(events, null, 2))}\n`;
}

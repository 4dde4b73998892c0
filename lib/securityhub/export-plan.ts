import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import type { TrackedRun } from '../lifecycle/classify-run';
import type { FindingRecord } from '../lifecycle/finding-record';
import { toAsff, type AsffState } from '../report/asff';
import { ruleKindOf, subjectOf, type FindingSubject } from '../report/finding-subject';

export interface ExportPlan {
  findings: AwsSecurityFinding[];
  /** Findings left out because they name no account or region (none from a deployed walk). */
  skipped: number;
}

/**
 * What a run sends to Security Hub: every finding of the run, ACTIVE while it is open (new,
 * open or reopened; imported again each run, so LastObservedAt stays current and Security Hub
 * does not expire it), ARCHIVED while a suppression covers it, with the suppression's reason in
 * ProductFields; and every finding this run resolved, ARCHIVED under the same id, from the
 * state's record of it. A provider cannot set Workflow or Note after a finding's creation, so
 * RecordState is how a suppression or a fix reaches the console.
 */
export function planExport(run: TrackedRun, now: Date): ExportPlan {
  const findings: AwsSecurityFinding[] = [];
  let skipped = 0;
  const add = (subject: FindingSubject, state: AsffState) => {
    const { accountId, region } = subject;
    if (accountId === undefined || region === undefined || region === '') skipped += 1;
    else findings.push(toAsff({ ...subject, accountId, region }, state));
  };
  for (const { finding, lifecycle, firstSeen, suppression } of run.classified) {
    if (lifecycle === 'suppressed') add(subjectOf(finding), { now, firstSeen, recordState: 'ARCHIVED', ...(suppression === undefined ? {} : { suppressionReason: suppression.reason }) });
    else add(subjectOf(finding), { now, firstSeen, recordState: 'ACTIVE' });
  }
  for (const change of run.changes) if (change.kind === 'resolved') add(subjectOfRecord(change.record), { now, firstSeen: change.record.firstSeen, recordState: 'ARCHIVED' });
  return { findings, skipped };
}

/** A resolved finding as the state kept it: no rule name, path or remediation, the same id and resource. */
function subjectOfRecord(record: FindingRecord): FindingSubject {
  return {
    fingerprint: record.fingerprint,
    ruleId: record.ruleId,
    kind: ruleKindOf(record.ruleId),
    severity: record.severity,
    title: record.title,
    message: record.message,
    arn: record.arn,
    apiId: record.apiId,
    ...(record.region === '' ? {} : { region: record.region }),
    ...(record.accountId === undefined ? {} : { accountId: record.accountId }),
  };
}

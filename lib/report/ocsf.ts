import packageJson from '../../package.json';
import type { Severity } from '../model/severity';
import { apiArnOf, partitionOfArn, type FindingSubject } from './finding-subject';
import { rulePageUrl } from './rule-page-url';

/** The OCSF release these events follow (ocsf/ocsf-schema v1.8.0). */
export const OCSF_VERSION = '1.8.0';

/** Detection Finding, in the Findings category: class_uid = category_uid * 1000 + 4. */
const CLASS_UID = 2004;
const CATEGORY_UID = 2;

/** OCSF severity_id: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical. */
const SEVERITY_ID: Record<Severity, { id: number; caption: string }> = {
  info: { id: 1, caption: 'Informational' },
  low: { id: 2, caption: 'Low' },
  medium: { id: 3, caption: 'Medium' },
  high: { id: 4, caption: 'High' },
  critical: { id: 5, caption: 'Critical' },
};

/** The finding activities: created (first seen), updated (seen again), closed (resolved). */
const ACTIVITY = { create: { id: 1, caption: 'Create' }, update: { id: 2, caption: 'Update' }, close: { id: 3, caption: 'Close' } } as const;
export type OcsfActivity = keyof typeof ACTIVITY;

/** The finding status_id values this tool sets: 1 New, 3 Suppressed, 4 Resolved. */
const STATUS = { new: { id: 1, caption: 'New' }, suppressed: { id: 3, caption: 'Suppressed' }, resolved: { id: 4, caption: 'Resolved' } } as const;
export type OcsfStatus = keyof typeof STATUS;

/** The event's fields as this tool writes them (a subset of what the class allows). */
export type OcsfDetectionFinding = Record<string, unknown>;

export interface OcsfState {
  now: Date;
  firstSeen?: string;
  activity: OcsfActivity;
  status: OcsfStatus;
}

/**
 * One finding as an OCSF Detection Finding event: the class for findings a detection engine
 * (here, rules over configuration) produces. `finding_info.uid` is the fingerprint, so a SIEM
 * sees the same finding across runs; `cloud` (required by the Cloud profile these events use)
 * names the account and region when the finding has them (a template's does not).
 */
export function toOcsf(subject: FindingSubject, state: OcsfState): OcsfDetectionFinding {
  const activity = ACTIVITY[state.activity];
  const severity = SEVERITY_ID[subject.severity];
  const status = STATUS[state.status];
  const now = state.now.getTime();
  const firstSeen = state.firstSeen === undefined ? now : Date.parse(state.firstSeen);
  return {
    activity_id: activity.id,
    activity_name: activity.caption,
    category_uid: CATEGORY_UID,
    category_name: 'Findings',
    class_uid: CLASS_UID,
    class_name: 'Detection Finding',
    type_uid: CLASS_UID * 100 + activity.id,
    type_name: `Detection Finding: ${activity.caption}`,
    severity_id: severity.id,
    severity: severity.caption,
    status_id: status.id,
    status: status.caption,
    time: now,
    message: subject.message,
    is_alert: state.status === 'new',
    metadata: {
      version: OCSF_VERSION,
      product: { name: 'apigw-audit', vendor_name: 'apigw-audit', version: packageJson.version, url_string: packageJson.repository.url.replace(/^git\+/, '').replace(/\.git$/, '') },
    },
    finding_info: {
      uid: subject.fingerprint,
      title: subject.title,
      desc: subject.message,
      first_seen_time: firstSeen,
      last_seen_time: now,
      // type_id 1: a rule.
      analytic: { uid: subject.ruleId, ...(subject.rule === undefined ? {} : { name: subject.rule }), type_id: 1, type: 'Rule' },
      ...(subject.kind === undefined ? {} : { types: [subject.kind] }),
      src_url: rulePageUrl(subject.ruleId),
    },
    cloud: {
      provider: 'AWS',
      ...(subject.region === undefined ? {} : { region: subject.region }),
      ...(subject.accountId === undefined ? {} : { account: { uid: subject.accountId, type_id: 10, type: 'AWS Account' } }),
    },
    resources: [
      {
        uid: subject.arn,
        type: `AWS::ApiGatewayV2::${subject.resourceType ?? 'Api'}`,
        ...(subject.apiName === undefined ? {} : { name: subject.apiName }),
        ...(subject.region === undefined ? {} : { region: subject.region, cloud_partition: partitionOfArn(subject.arn) }),
        data: { apiArn: apiArnOf(subject), apiId: subject.apiId, ...(subject.path === undefined || subject.path === '' ? {} : { propertyPath: subject.path }) },
      },
    ],
    remediation: { desc: subject.remediation ?? `See the rule's page for how to fix ${subject.ruleId}.`, references: [rulePageUrl(subject.ruleId)] },
  };
}

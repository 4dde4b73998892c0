import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import type { Severity } from '../model/severity';
import { apiArnOf, partitionOfArn, type FindingSubject } from './finding-subject';
import { rulePageUrl } from './rule-page-url';

/** The one ASFF version Security Hub accepts. */
export const ASFF_SCHEMA_VERSION = '2018-10-08';

/**
 * ASFF `Severity.Normalized` (0-100) for each severity: the SARIF `security-severity` scores
 * (lib/report/sarif.ts) times ten, inside the ranges Security Hub maps to the same Label
 * (INFORMATIONAL 0, LOW 1-39, MEDIUM 40-69, HIGH 70-89, CRITICAL 90-100).
 */
export const ASFF_SEVERITY: Record<Severity, { Label: 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL'; Normalized: number }> = {
  critical: { Label: 'CRITICAL', Normalized: 95 },
  high: { Label: 'HIGH', Normalized: 80 },
  medium: { Label: 'MEDIUM', Normalized: 55 },
  low: { Label: 'LOW', Normalized: 30 },
  info: { Label: 'INFORMATIONAL', Normalized: 0 },
};

/** AwsSecurityFinding's length limits (Security Hub API reference), which Security Hub refuses past. */
const TITLE_MAX = 256;
const DESCRIPTION_MAX = 1024;
const RECOMMENDATION_MAX = 512;
const PRODUCT_FIELD_VALUE_MAX = 2048;

/** Where a finding stands when it is imported. */
export interface AsffState {
  /** The time of the run: UpdatedAt and, for an active finding, LastObservedAt. */
  now: Date;
  /** When the finding was first seen, when a state table knows it; else the run's time. */
  firstSeen?: string;
  /** ARCHIVED for a resolved or suppressed finding: Security Hub then hides it from the default views. */
  recordState: 'ACTIVE' | 'ARCHIVED';
  /** Why it is archived though still present (the suppression's reason). */
  suppressionReason?: string;
}

/** The custom-integration product every account has: findings a tool of the account's own imports. */
export function defaultProductArn(partition: string, region: string, accountId: string): string {
  return `arn:${partition}:securityhub:${region}:${accountId}:product/${accountId}/default`;
}

/** `apigw-audit/FINGERPRINT`: the same finding keeps its id across runs, so a new import updates it. */
export function asffId(fingerprint: string): string {
  return `apigw-audit/${fingerprint}`;
}

/**
 * One finding in the AWS Security Finding Format, as BatchImportFindings takes it. The account
 * and region are the finding's own (Security Hub accepts a custom product's finding only from
 * the account it names): a finding without them (from a template) cannot be one, and the
 * caller must say so rather than guess.
 */
export function toAsff(subject: FindingSubject & { accountId: string; region: string }, state: AsffState): AwsSecurityFinding {
  const partition = partitionOfArn(subject.arn);
  const now = state.now.toISOString();
  const created = state.firstSeen ?? now;
  const apiArn = apiArnOf(subject);
  return {
    SchemaVersion: ASFF_SCHEMA_VERSION,
    Id: asffId(subject.fingerprint),
    ProductArn: defaultProductArn(partition, subject.region, subject.accountId),
    ProductName: 'apigw-audit',
    CompanyName: 'apigw-audit',
    GeneratorId: `apigw-audit/${subject.ruleId}`,
    AwsAccountId: subject.accountId,
    Region: subject.region,
    Types: [asffType(subject)],
    CreatedAt: created,
    UpdatedAt: now,
    FirstObservedAt: created,
    ...(state.recordState === 'ACTIVE' ? { LastObservedAt: now } : {}),
    Severity: ASFF_SEVERITY[subject.severity],
    Title: cut(`${subject.ruleId} ${subject.title}`, TITLE_MAX),
    Description: cut(subject.message, DESCRIPTION_MAX),
    Remediation: {
      Recommendation: { Text: cut(subject.remediation ?? `See the rule's page for how to fix ${subject.ruleId}.`, RECOMMENDATION_MAX), Url: rulePageUrl(subject.ruleId) },
    },
    SourceUrl: rulePageUrl(subject.ruleId),
    ProductFields: productFields(subject, state),
    Resources: [
      {
        Type: 'AwsApiGatewayV2Api',
        Id: apiArn,
        Partition: partition === 'aws-cn' || partition === 'aws-us-gov' ? partition : 'aws',
        Region: subject.region,
        Details: {
          AwsApiGatewayV2Api: {
            ApiId: subject.apiId,
            ...(subject.apiName === undefined ? {} : { Name: subject.apiName }),
            ...(subject.protocolType === undefined ? {} : { ProtocolType: subject.protocolType }),
          },
          // The response, route or integration inside the API, which ASFF has no type for.
          Other: {
            subResource: cut(subject.arn, PRODUCT_FIELD_VALUE_MAX),
            ...(subject.resourceType === undefined ? {} : { subResourceType: subject.resourceType }),
            ...(subject.path === undefined || subject.path === '' ? {} : { propertyPath: cut(subject.path, PRODUCT_FIELD_VALUE_MAX) }),
          },
        },
      },
    ],
    RecordState: state.recordState,
  };
}

/**
 * ASFF's type taxonomy is namespace/category/classifier. Every rule checks configuration
 * against what AWS documents, so all are "Software and Configuration Checks"; a rule that
 * looks for a credential written into a response is a "Sensitive Data Identifications" one.
 */
function asffType(subject: FindingSubject): string {
  if (subject.ruleId === 'SEC004') return 'Sensitive Data Identifications/Security/apigw-audit SEC004';
  return `Software and Configuration Checks/AWS Security Best Practices/apigw-audit ${subject.ruleId}`;
}

function productFields(subject: FindingSubject, state: AsffState): Record<string, string> {
  return {
    'apigw-audit/RuleId': subject.ruleId,
    ...(subject.rule === undefined ? {} : { 'apigw-audit/Rule': subject.rule }),
    ...(subject.kind === undefined ? {} : { 'apigw-audit/Kind': subject.kind }),
    'apigw-audit/Fingerprint': subject.fingerprint,
    ...(state.suppressionReason === undefined ? {} : { 'apigw-audit/SuppressionReason': cut(state.suppressionReason, PRODUCT_FIELD_VALUE_MAX) }),
  };
}

/**
 * Cut to `max` characters with an ellipsis: Security Hub refuses the whole finding past a limit.
 * Cut between code points, so a character outside the BMP is never split into half a pair.
 */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const kept = text.slice(0, max - 1);
  return `${/[\uD800-\uDBFF]$/.test(kept) ? kept.slice(0, -1) : kept}…`;
}

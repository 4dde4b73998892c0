import type { Finding, ResourceType } from '../model/finding';
import type { Severity } from '../model/severity';
import type { RuleKind } from '../rules/rule';
import { RULES } from '../rules';

/**
 * What the ASFF and OCSF documents say about one finding: the fields a finding of this run
 * carries, or those the state table kept of one resolved earlier (lib/lifecycle/finding-record.ts),
 * so a resolved finding is archived under the same id with the same title and resource.
 */
export interface FindingSubject {
  fingerprint: string;
  ruleId: string;
  /** The rule's name (kebab-case) when known; records of resolved findings do not keep it. */
  rule?: string;
  kind: RuleKind | undefined;
  severity: Severity;
  title: string;
  message: string;
  remediation?: string;
  /** The ARN of the resource the finding is on (an API or a response inside it). */
  arn: string;
  resourceType?: ResourceType;
  apiId: string;
  apiName?: string;
  protocolType?: string;
  /** The offending property inside the resource. */
  path?: string;
  region?: string;
  accountId?: string;
}

const KIND_OF = new Map(RULES.map((rule) => [rule.meta.id, rule.meta.kind]));

/** The rule's kind from the catalog (a rule retired since a record was written has none). */
export function ruleKindOf(ruleId: string): RuleKind | undefined {
  return KIND_OF.get(ruleId);
}

export function subjectOf(finding: Finding): FindingSubject {
  const { resource } = finding;
  return {
    fingerprint: finding.fingerprint,
    ruleId: finding.ruleId,
    rule: finding.rule,
    kind: ruleKindOf(finding.ruleId),
    severity: finding.severity,
    title: finding.title,
    message: finding.message,
    remediation: finding.remediation,
    arn: resource.arn,
    resourceType: resource.type,
    apiId: resource.apiId,
    ...(resource.apiName === undefined ? {} : { apiName: resource.apiName }),
    ...(resource.protocolType === undefined ? {} : { protocolType: resource.protocolType }),
    path: finding.path,
    ...(resource.region === undefined ? {} : { region: resource.region }),
    ...(resource.accountId === undefined ? {} : { accountId: resource.accountId }),
  };
}

/** `arn:PARTITION:apigateway:REGION::/apis/ID` of the API that holds the resource (API Gateway ARNs carry no account). */
export function apiArnOf(subject: Pick<FindingSubject, 'arn' | 'apiId'>): string {
  const marker = `/apis/${subject.apiId}`;
  const at = subject.arn.indexOf(marker);
  return at < 0 ? subject.arn : subject.arn.slice(0, at + marker.length);
}

/** The partition an ARN names (`aws`, `aws-cn`, `aws-us-gov`), `aws` when it is not an ARN. */
export function partitionOfArn(arn: string): string {
  return /^arn:([a-z-]+):/.exec(arn)?.[1] ?? 'aws';
}

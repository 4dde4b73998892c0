import type { RuleKind } from './rule-kind';
import type { Severity } from './severity';

export type ResourceType = 'Api' | 'Integration' | 'IntegrationResponse' | 'Route' | 'RouteResponse';

/** Where a finding points; every enclosing id is carried so a reader can find the resource. */
export interface FindingResource {
  type: ResourceType;
  arn: string;
  accountId?: string;
  region?: string;
  apiId: string;
  apiName?: string;
  protocolType?: string;
  integrationId?: string;
  integrationResponseId?: string;
  integrationResponseKey?: string;
  routeId?: string;
  routeKey?: string;
  routeResponseId?: string;
  routeResponseKey?: string;
  /** The resource's name in the code it came from: a CloudFormation logical id or a Terraform address. */
  logicalId?: string;
}

/** A position in a source file; line and column start at 1. */
export interface SourceLocation {
  /** As the scan was given it (relative to the working directory when it was given relative). */
  file: string;
  line: number;
  column: number;
}

/** The finding contract of docs/design.md; tools outside the project rely on its shape. */
export interface Finding {
  ruleId: string;
  rule: string;
  /**
   * The rule's kind: how far the finding can be trusted (certain, policy, heuristic, security).
   * Not `kind`: a CloudWatch finding line spreads the finding beside its own `kind: "finding"`.
   */
  ruleKind: RuleKind;
  severity: Severity;
  title: string;
  message: string;
  resource: FindingResource;
  path: string;
  remediation: string;
  fingerprint: string;
  /** Where the offending property is written (or the resource, when the property is not): findings from templates only. */
  location?: SourceLocation;
}

/** Something that kept the audit from being complete: a rule that crashed, a call that failed. */
export interface AuditError {
  source: 'engine' | 'collector' | 'loader';
  message: string;
  ruleId?: string;
  operation?: string;
  apiId?: string;
  arn?: string;
  file?: string;
}

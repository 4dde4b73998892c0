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
}

/** The finding contract of design.md; tools outside the project rely on its shape. */
export interface Finding {
  ruleId: string;
  rule: string;
  severity: Severity;
  title: string;
  message: string;
  resource: FindingResource;
  path: string;
  remediation: string;
  fingerprint: string;
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

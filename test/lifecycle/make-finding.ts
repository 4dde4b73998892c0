import { apiArn, integrationArn, integrationResponseArn } from '../../lib/model/arn';
import type { Finding } from '../../lib/model/finding';
import { fingerprintOf } from '../../lib/model/fingerprint';
import type { Severity } from '../../lib/model/severity';

export interface FindingSketch {
  ruleId?: string;
  region?: string;
  apiId?: string;
  integrationId?: string;
  responseId?: string;
  path?: string;
  severity?: Severity;
}

/** A finding as the engine makes it (ARN and fingerprint from lib/model), on an API, an integration or an integration response. */
export function makeFinding({ ruleId = 'IR004', region = 'eu-west-1', apiId = 'api1', integrationId, responseId, path = 'ResponseParameters', severity = 'high' }: FindingSketch = {}): Finding {
  const arn =
    integrationId === undefined ? apiArn(region, apiId)
    : responseId === undefined ? integrationArn(region, apiId, integrationId)
    : integrationResponseArn(region, apiId, integrationId, responseId);
  return {
    ruleId,
    rule: `rule-${ruleId.toLowerCase()}`,
    ruleKind: 'certain',
    severity,
    title: `title of ${ruleId}`,
    message: `message of ${ruleId} at ${path}`,
    resource: {
      type: responseId !== undefined ? 'IntegrationResponse' : integrationId !== undefined ? 'Integration' : 'Api',
      arn,
      region,
      apiId,
      ...(integrationId === undefined ? {} : { integrationId }),
      ...(responseId === undefined ? {} : { integrationResponseId: responseId }),
    },
    path,
    remediation: 'fix it',
    fingerprint: fingerprintOf(ruleId, arn, path),
  };
}

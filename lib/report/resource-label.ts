import type { Finding } from '../model/finding';

/**
 * The resource part of an ARN below its API, e.g. `integrations/i1/integrationresponses/r1`
 * ("api" for the API itself). Only the ARN and API id are read, so a finding's remembered
 * record (which keeps those two) is labelled the same way.
 */
export function resourceLabel(finding: { resource: Pick<Finding['resource'], 'arn' | 'apiId'> }): string {
  const marker = `/apis/${finding.resource.apiId}`;
  const below = finding.resource.arn.slice(finding.resource.arn.indexOf(marker) + marker.length + 1);
  return below === '' ? 'api' : below;
}

/**
 * ARNs in API Gateway's own shape: `arn:{partition}:apigateway:{region}::/apis/{apiId}/...`.
 * API Gateway resource ARNs carry no account id.
 */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

export function apiArn(region: string, apiId: string): string {
  return `arn:${partitionOf(region)}:apigateway:${region}::/apis/${apiId}`;
}

export function integrationArn(region: string, apiId: string, integrationId: string): string {
  return `${apiArn(region, apiId)}/integrations/${integrationId}`;
}

export function integrationResponseArn(region: string, apiId: string, integrationId: string, responseId: string): string {
  return `${integrationArn(region, apiId, integrationId)}/integrationresponses/${responseId}`;
}

export function routeArn(region: string, apiId: string, routeId: string): string {
  return `${apiArn(region, apiId)}/routes/${routeId}`;
}

export function routeResponseArn(region: string, apiId: string, routeId: string, responseId: string): string {
  return `${routeArn(region, apiId, routeId)}/routeresponses/${responseId}`;
}

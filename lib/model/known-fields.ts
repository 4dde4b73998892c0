import { closestName } from './closest-name';

/**
 * The fields the SDK defines for each resource (@aws-sdk/client-apigatewayv2 models), plus the
 * snapshot's own child lists. A field outside these lists is most often a casing or naming
 * mistake (`integrationType`, `integration_type`) that would make every rule blind to the value,
 * so the loader warns about it instead of ignoring it silently.
 */
export const KNOWN_FIELDS = {
  api: [
    'ApiEndpoint', 'ApiGatewayManaged', 'ApiId', 'ApiKeySelectionExpression', 'CorsConfiguration', 'CreatedDate',
    'Description', 'DisableSchemaValidation', 'DisableExecuteApiEndpoint', 'ImportInfo', 'IpAddressType', 'Name',
    'ProtocolType', 'RouteSelectionExpression', 'Tags', 'Version', 'Warnings', 'integrations', 'routes',
  ],
  integration: [
    'ApiGatewayManaged', 'ConnectionId', 'ConnectionType', 'ContentHandlingStrategy', 'CredentialsArn', 'Description',
    'IntegrationId', 'IntegrationMethod', 'IntegrationResponseSelectionExpression', 'IntegrationSubtype',
    'IntegrationType', 'IntegrationUri', 'PassthroughBehavior', 'PayloadFormatVersion', 'RequestParameters',
    'RequestTemplates', 'ResponseParameters', 'TemplateSelectionExpression', 'TimeoutInMillis', 'TlsConfig',
    'integrationResponses',
  ],
  integrationResponse: [
    'ContentHandlingStrategy', 'IntegrationResponseId', 'IntegrationResponseKey', 'ResponseParameters',
    'ResponseTemplates', 'TemplateSelectionExpression',
  ],
  route: [
    'ApiGatewayManaged', 'ApiKeyRequired', 'AuthorizationScopes', 'AuthorizationType', 'AuthorizerId',
    'ModelSelectionExpression', 'OperationName', 'RequestModels', 'RequestParameters', 'RouteId', 'RouteKey',
    'RouteResponseSelectionExpression', 'Target', 'routeResponses',
  ],
  routeResponse: ['ModelSelectionExpression', 'ResponseModels', 'ResponseParameters', 'RouteResponseId', 'RouteResponseKey'],
} as const;

export type ResourceKind = keyof typeof KNOWN_FIELDS;

/** The known field a mistyped one most likely meant (`integrationType`, `IntegrationTyp`). */
export function suggestField(kind: ResourceKind, name: string): string | undefined {
  return closestName(name, KNOWN_FIELDS[kind]);
}

export function isKnownField(kind: ResourceKind, name: string): boolean {
  return (KNOWN_FIELDS[kind] as readonly string[]).includes(name);
}

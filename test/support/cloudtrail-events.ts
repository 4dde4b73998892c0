import { randomUUID } from 'node:crypto';
import type { QueueEvent } from '../../lib/lambda/change-audit';

/**
 * CloudTrail management events as EventBridge delivers them from the default bus (detail type
 * "AWS API Call via CloudTrail"), in the record format of the CloudTrail user guide ("CloudTrail
 * record contents for management events"): eventVersion, userIdentity, eventTime,
 * eventSource, eventName, awsRegion, sourceIPAddress, userAgent, requestParameters,
 * responseElements, requestID, eventID, readOnly, eventType, managementEvent,
 * recipientAccountId; `errorCode` and `errorMessage` only on a failed call. API Gateway V2
 * calls name their API `apiId` (the request's, or the response's for CreateApi and ImportApi);
 * V1 REST API calls, some with the same event names, name it `restApiId` or return it as `id`.
 */
export interface CloudTrailCall {
  eventName: string;
  requestParameters?: Record<string, unknown> | null;
  responseElements?: Record<string, unknown> | null;
  errorCode?: string;
  eventTime?: string;
  account?: string;
  region?: string;
  principal?: string;
}

export const CHANGE_ACCOUNT = '123456789012';
export const CHANGE_REGION = 'eu-west-1';
export const ALICE = `arn:aws:sts::${CHANGE_ACCOUNT}:assumed-role/platform-deployer/alice@example.com`;

export function cloudTrailEvent({ eventName, requestParameters = null, responseElements = null, errorCode, eventTime = '2026-11-27T10:00:00Z', account = CHANGE_ACCOUNT, region = CHANGE_REGION, principal = ALICE }: CloudTrailCall): Record<string, unknown> {
  const eventID = randomUUID();
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'AWS API Call via CloudTrail',
    source: 'aws.apigateway',
    account,
    time: eventTime,
    region,
    resources: [],
    detail: {
      eventVersion: '1.09',
      userIdentity: { type: 'AssumedRole', principalId: 'AROAEXAMPLEID:alice@example.com', arn: principal, accountId: account, sessionContext: { sessionIssuer: { type: 'Role', arn: `arn:aws:iam::${account}:role/platform-deployer` } } },
      eventTime,
      eventSource: 'apigateway.amazonaws.com',
      eventName,
      awsRegion: region,
      sourceIPAddress: '198.51.100.7',
      userAgent: 'aws-cli/2.22.0',
      requestParameters,
      responseElements,
      ...(errorCode === undefined ? {} : { errorCode, errorMessage: 'the call failed' }),
      requestID: randomUUID(),
      eventID,
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: account,
      eventCategory: 'Management',
    },
  };
}

/** Every V2 write call the stack's rule matches, each in the shape its record has. */
export function v2WriteCalls(apiId: string): CloudTrailCall[] {
  const api = { apiId };
  return [
    { eventName: 'CreateApi', requestParameters: { name: 'chat-ws', protocolType: 'WEBSOCKET', routeSelectionExpression: '$request.body.action' }, responseElements: { apiId, name: 'chat-ws', protocolType: 'WEBSOCKET' } },
    { eventName: 'UpdateApi', requestParameters: { ...api, description: 'chat' }, responseElements: { apiId, name: 'chat-ws' } },
    { eventName: 'DeleteApi', requestParameters: api },
    { eventName: 'ImportApi', requestParameters: { body: '(OpenAPI definition)', failOnWarnings: false }, responseElements: { apiId, name: 'imported', protocolType: 'HTTP' } },
    { eventName: 'ReimportApi', requestParameters: { ...api, body: '(OpenAPI definition)' }, responseElements: { apiId } },
    { eventName: 'CreateIntegration', requestParameters: { ...api, integrationType: 'MOCK' }, responseElements: { integrationId: 'ping01', integrationType: 'MOCK' } },
    { eventName: 'UpdateIntegration', requestParameters: { ...api, integrationId: 'ping01', templateSelectionExpression: '\\$default' }, responseElements: { integrationId: 'ping01' } },
    { eventName: 'DeleteIntegration', requestParameters: { ...api, integrationId: 'ping01' } },
    { eventName: 'CreateIntegrationResponse', requestParameters: { ...api, integrationId: 'ping01', integrationResponseKey: '$default' }, responseElements: { integrationResponseId: 'pr9', integrationResponseKey: '$default' } },
    { eventName: 'UpdateIntegrationResponse', requestParameters: { ...api, integrationId: 'ping01', integrationResponseId: 'pr1', responseParameters: { 'method.response.header.X-Request-Id': 'integration.response.header.x-id' } }, responseElements: { integrationResponseId: 'pr1' } },
    { eventName: 'DeleteIntegrationResponse', requestParameters: { ...api, integrationId: 'ping01', integrationResponseId: 'pr1' } },
    { eventName: 'CreateRoute', requestParameters: { ...api, routeKey: 'ping', target: 'integrations/ping01' }, responseElements: { routeId: 'rping1', routeKey: 'ping' } },
    { eventName: 'UpdateRoute', requestParameters: { routeId: 'rping1', routeKey: 'ping', apiId } },
    { eventName: 'DeleteRoute', requestParameters: { ...api, routeId: 'rping1' } },
    { eventName: 'CreateRouteResponse', requestParameters: { ...api, routeId: 'rping1', routeResponseKey: '$default' }, responseElements: { routeResponseId: 'rrp1' } },
    { eventName: 'UpdateRouteResponse', requestParameters: { ...api, routeId: 'rping1', routeResponseId: 'rrp1', routeResponseKey: '$default' }, responseElements: { routeResponseId: 'rrp1' } },
    { eventName: 'DeleteRouteResponse', requestParameters: { ...api, routeId: 'rping1', routeResponseId: 'rrp1' } },
  ];
}

/** Calls the rule must let pass by: V1 REST API look-alikes, V2 reads and other V2 writes, failed calls. */
export const NOT_MATCHED: readonly { why: string; call: CloudTrailCall }[] = [
  { why: 'V1 UpdateIntegration (restApiId)', call: { eventName: 'UpdateIntegration', requestParameters: { restApiId: 'a1b2c3d4e5', resourceId: 'r1', httpMethod: 'GET' }, responseElements: { type: 'MOCK' } } },
  { why: 'V1 UpdateIntegrationResponse (restApiId)', call: { eventName: 'UpdateIntegrationResponse', requestParameters: { restApiId: 'a1b2c3d4e5', resourceId: 'r1', httpMethod: 'GET', statusCode: '200' } } },
  { why: 'V1 DeleteIntegration (restApiId)', call: { eventName: 'DeleteIntegration', requestParameters: { restApiId: 'a1b2c3d4e5', resourceId: 'r1', httpMethod: 'GET' } } },
  { why: 'V1 DeleteIntegrationResponse (restApiId)', call: { eventName: 'DeleteIntegrationResponse', requestParameters: { restApiId: 'a1b2c3d4e5', resourceId: 'r1', httpMethod: 'GET', statusCode: '200' } } },
  { why: 'V1 CreateRestApi (id in the response)', call: { eventName: 'CreateRestApi', requestParameters: { name: 'legacy' }, responseElements: { id: 'a1b2c3d4e5', name: 'legacy' } } },
  { why: 'V1 ImportRestApi (id in the response)', call: { eventName: 'ImportRestApi', requestParameters: { failOnWarnings: false }, responseElements: { id: 'a1b2c3d4e5' } } },
  { why: 'V1 PutIntegrationResponse', call: { eventName: 'PutIntegrationResponse', requestParameters: { restApiId: 'a1b2c3d4e5', resourceId: 'r1', httpMethod: 'GET', statusCode: '200' } } },
  { why: 'V1 CreateStage (same name as V2, restApiId)', call: { eventName: 'CreateStage', requestParameters: { restApiId: 'a1b2c3d4e5', stageName: 'prod' } } },
  { why: 'V2 CreateStage (not a response mapping)', call: { eventName: 'CreateStage', requestParameters: { stageName: 'prod', autoDeploy: true, apiId: 'k3chat7ws1' } } },
  { why: 'V2 read (GetIntegrationResponses)', call: { eventName: 'GetIntegrationResponses', requestParameters: { apiId: 'k3chat7ws1', integrationId: 'ping01' } } },
  { why: 'V2 UpdateIntegrationResponse that failed', call: { eventName: 'UpdateIntegrationResponse', requestParameters: { apiId: 'k3chat7ws1', integrationId: 'ping01', integrationResponseId: 'pr1' }, errorCode: 'BadRequestException' } },
];

/** Events as the change queue's event source mapping delivers them: one SQS message each. */
export function queueBatch(events: readonly unknown[]): QueueEvent {
  return {
    Records: events.map((event, index) => ({
      messageId: `msg-${index + 1}`,
      body: typeof event === 'string' ? event : JSON.stringify(event),
      eventSource: 'aws:sqs' as const,
    })),
  };
}

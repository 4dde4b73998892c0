import type { ApiSketch } from '../../lib/model/sketch';

/**
 * Clean configurations in the shapes real projects use (AWS samples and documented examples).
 * Certain rules must stay quiet on every one of them; heuristic and security rules too.
 * They deliberately include the valid forms a careless rule trips on: an escaped `\$default`
 * template selection expression, a template loaded from a file (trailing newline), a static
 * template selection expression such as `200`, and a route response without a
 * RouteResponseSelectionExpression is NOT here (it is valid but RR101 reports it at info).
 */
const lambdaUri = (fn: string) => `arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:${fn}/invocations`;

export const CLEAN_SAMPLES: Record<string, ApiSketch> = {
  /** aws-samples/simple-websockets-chat-app: Lambda proxy integrations, one-way routes. */
  'AWS_PROXY chat app': {
    Name: 'SimpleChatWebSocket',
    ProtocolType: 'WEBSOCKET',
    RouteSelectionExpression: '$request.body.action',
    integrations: [
      { IntegrationId: 'conn', IntegrationType: 'AWS_PROXY', IntegrationUri: lambdaUri('OnConnect') },
      { IntegrationId: 'disc', IntegrationType: 'AWS_PROXY', IntegrationUri: lambdaUri('OnDisconnect') },
      { IntegrationId: 'send', IntegrationType: 'AWS_PROXY', IntegrationUri: lambdaUri('SendMessage') },
    ],
    routes: [
      { RouteKey: '$connect', Target: 'integrations/conn', AuthorizationType: 'NONE' },
      { RouteKey: '$disconnect', Target: 'integrations/disc' },
      { RouteKey: 'sendmessage', Target: 'integrations/send' },
    ],
  },
  /** The documented MOCK two-way `$default` route: a static request template, a `$default` response. */
  'MOCK $default response': {
    Name: 'mock-echo',
    ProtocolType: 'WEBSOCKET',
    RouteSelectionExpression: '$request.body.action',
    integrations: [
      {
        IntegrationId: 'mock',
        IntegrationType: 'MOCK',
        RequestTemplates: { '200': '{"statusCode": 200}' },
        TemplateSelectionExpression: '200',
        integrationResponses: [
          {
            IntegrationResponseKey: '$default',
            ContentHandlingStrategy: 'CONVERT_TO_TEXT',
            TemplateSelectionExpression: '\\$default',
            ResponseTemplates: { $default: '{"message": "connected", "connectionId": "$context.connectionId"}\n' },
          },
        ],
      },
    ],
    routes: [{ RouteKey: '$default', Target: 'integrations/mock', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }],
  },
  /** A Lambda non-proxy integration: `$default` for success, an error-message pattern for failures. */
  'Lambda non-proxy with $default response': {
    Name: 'orders-ws',
    ProtocolType: 'WEBSOCKET',
    RouteSelectionExpression: '$request.body.action',
    integrations: [
      {
        IntegrationId: 'orders',
        IntegrationType: 'AWS',
        IntegrationMethod: 'POST',
        IntegrationUri: lambdaUri('Orders'),
        PassthroughBehavior: 'WHEN_NO_MATCH',
        TemplateSelectionExpression: '\\$default',
        RequestTemplates: { $default: '{"connectionId": "$context.connectionId", "body": $input.json(\'$\')}' },
        integrationResponses: [
          { IntegrationResponseKey: '$default', ContentHandlingStrategy: 'CONVERT_TO_TEXT' },
          {
            IntegrationResponseKey: '/.*NotFound.*/',
            ContentHandlingStrategy: 'CONVERT_TO_TEXT',
            TemplateSelectionExpression: '\\$default',
            ResponseTemplates: { $default: '{"error": "not found"}' },
          },
        ],
      },
    ],
    routes: [{ RouteKey: 'getorder', Target: 'integrations/orders', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }],
  },
  /** A Terraform-style WebSocket API that sends to SQS directly (AWS service integration, HTTP-like statuses). */
  'WebSocket to SQS (AWS integration)': {
    Name: 'ingest-ws',
    ProtocolType: 'WEBSOCKET',
    RouteSelectionExpression: '$request.body.action',
    integrations: [
      {
        IntegrationId: 'sqs',
        IntegrationType: 'AWS',
        IntegrationMethod: 'POST',
        IntegrationUri: 'arn:aws:apigateway:eu-west-1:sqs:path/123456789012/ingest',
        CredentialsArn: 'arn:aws:iam::123456789012:role/apigw-sqs',
        PassthroughBehavior: 'NEVER',
        RequestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
        RequestTemplates: { $default: 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)\n' },
        TemplateSelectionExpression: '\\$default',
        integrationResponses: [
          {
            IntegrationResponseKey: '$default',
            ContentHandlingStrategy: 'CONVERT_TO_TEXT',
            TemplateSelectionExpression: '\\$default',
            ResponseTemplates: { $default: '{"status": "queued"}\n' },
          },
          {
            IntegrationResponseKey: '/4\\d\\d/',
            ContentHandlingStrategy: 'CONVERT_TO_TEXT',
            TemplateSelectionExpression: '\\$default',
            ResponseTemplates: { $default: '{"status": "rejected"}' },
          },
        ],
      },
    ],
    routes: [{ RouteKey: 'ingest', Target: 'integrations/sqs', RouteResponseSelectionExpression: '$default', routeResponses: [{ RouteResponseKey: '$default' }] }],
  },
  /** An HTTP API with Lambda and HTTP proxy integrations and documented response parameter mappings. */
  'HTTP API with response parameter mappings': {
    Name: 'catalog-http',
    ProtocolType: 'HTTP',
    RouteSelectionExpression: '$request.method $request.path',
    integrations: [
      { IntegrationId: 'fn', IntegrationType: 'AWS_PROXY', IntegrationUri: 'arn:aws:lambda:eu-west-1:123456789012:function:Catalog', PayloadFormatVersion: '2.0' },
      {
        IntegrationId: 'legacy',
        IntegrationType: 'HTTP_PROXY',
        IntegrationMethod: 'ANY',
        IntegrationUri: 'https://legacy.example.com/{proxy}',
        PayloadFormatVersion: '1.0',
        ResponseParameters: {
          '200': { 'append:header.cache-control': 'no-store', 'overwrite:header.x-request-id': '$context.requestId' },
          '404': { 'overwrite:statuscode': '410' },
          '500': { 'remove:header.x-internal-trace': "''" },
        },
      },
    ],
    routes: [
      { RouteKey: 'GET /items', Target: 'integrations/fn' },
      { RouteKey: 'ANY /legacy/{proxy+}', Target: 'integrations/legacy' },
    ],
  },
};

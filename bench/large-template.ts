/**
 * A CloudFormation template of a given size, in YAML or JSON, for the scan benchmark: one
 * Resources map (where a quadratic duplicate-key check hurts most) holding API_GROUPS groups of
 * API Gateway resources (an API every 20: integration, integration response, route, route
 * response, and the Lambda function the integration calls) and, up to the size, Lambda
 * functions with inline code and their roles, as the rest of a large serverless stack.
 */
export const API_GROUPS = 1000;

export function largeTemplate(format: 'yaml' | 'json', bytes: number): string {
  const resources: string[] = [];
  let size = 0;
  for (let index = 0; size < bytes; index++) {
    for (const [id, resource] of Object.entries(index < API_GROUPS ? group(index) : filler(index))) {
      const text = format === 'json' ? `${JSON.stringify(id)}: ${JSON.stringify(resource)}` : yamlEntry(id, resource);
      resources.push(text);
      size += text.length + 2;
    }
  }
  return format === 'json'
    ? `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {\n${resources.join(',\n')}\n}}\n`
    : `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${resources.join('\n')}\n`;
}

/** The resources of group `index`: an API every 20 groups, each group one integration with its function, response and route. */
function group(index: number): Record<string, unknown> {
  const api = `Api${Math.floor(index / 20)}`;
  const resources: Record<string, unknown> = {};
  if (index % 20 === 0) {
    resources[api] = { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: `chat-${index}`, ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' } };
  }
  resources[`Function${index}`] = {
    Type: 'AWS::Lambda::Function',
    Properties: { Runtime: 'nodejs22.x', Handler: 'index.handler', Code: { ZipFile: `exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ route: ${index} }) });` }, Role: { 'Fn::GetAtt': ['Role', 'Arn'] }, Timeout: 10, MemorySize: 256, Environment: { Variables: { TABLE: `table-${index}`, STAGE: 'prod' } } },
  };
  resources[`Integration${index}`] = {
    Type: 'AWS::ApiGatewayV2::Integration',
    Properties: { ApiId: { Ref: api }, IntegrationType: 'AWS', IntegrationMethod: 'POST', IntegrationUri: { 'Fn::Sub': `arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Function${index}.Arn}/invocations` }, TemplateSelectionExpression: '\\$default', RequestTemplates: { $default: '{"action": $input.json(\'$.action\')}' } },
  };
  resources[`IntegrationResponse${index}`] = {
    Type: 'AWS::ApiGatewayV2::IntegrationResponse',
    Properties: { ApiId: { Ref: api }, IntegrationId: { Ref: `Integration${index}` }, IntegrationResponseKey: '$default', ContentHandlingStrategy: 'CONVERT_TO_TEXT', ResponseTemplates: { $default: '{"ok": true, "data": $input.json(\'$\')}' } },
  };
  resources[`Route${index}`] = {
    Type: 'AWS::ApiGatewayV2::Route',
    Properties: { ApiId: { Ref: api }, RouteKey: `action${index}`, Target: { 'Fn::Sub': `integrations/\${Integration${index}}` }, RouteResponseSelectionExpression: '$default' },
  };
  resources[`RouteResponse${index}`] = { Type: 'AWS::ApiGatewayV2::RouteResponse', Properties: { ApiId: { Ref: api }, RouteId: { Ref: `Route${index}` }, RouteResponseKey: '$default' } };
  return resources;
}

/** A function with inline code and its role: what fills most of a large stack. */
function filler(index: number): Record<string, unknown> {
  return {
    [`Worker${index}`]: {
      Type: 'AWS::Lambda::Function',
      Properties: {
        Runtime: 'nodejs22.x', Handler: 'index.handler', Timeout: 30, MemorySize: 512, Role: { 'Fn::GetAtt': [`WorkerRole${index}`, 'Arn'] },
        Code: { ZipFile: `const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');\nconst client = new DynamoDBClient({});\nexports.handler = async (event) => {\n  for (const record of event.Records) await client.send(new PutItemCommand({ TableName: process.env.TABLE, Item: { id: { S: record.messageId } } }));\n  return { batchItemFailures: [] };\n};\n` },
        Environment: { Variables: { TABLE: { 'Fn::Sub': `\${AWS::StackName}-table-${index}` }, LOG_LEVEL: 'INFO' } },
        Tags: [{ Key: 'team', Value: 'payments' }, { Key: 'index', Value: String(index) }],
      },
    },
    [`WorkerRole${index}`]: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        Policies: [{ PolicyName: 'table', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['dynamodb:PutItem', 'dynamodb:GetItem'], Resource: { 'Fn::Sub': `arn:\${AWS::Partition}:dynamodb:\${AWS::Region}:\${AWS::AccountId}:table/\${AWS::StackName}-table-${index}` } }] } }],
      },
    },
  };
}

/** One resource as block YAML, its properties as flow mappings (JSON is valid flow YAML). */
function yamlEntry(id: string, resource: unknown): string {
  const { Type, Properties } = resource as { Type: string; Properties: Record<string, unknown> };
  const properties = Object.entries(Properties).map(([name, value]) => `      ${name}: ${JSON.stringify(value)}`);
  return `  ${id}:\n    Type: ${Type}\n    Properties:\n${properties.join('\n')}`;
}

import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { ApiGatewayV2Client, GetIntegrationResponsesCommand } from '@aws-sdk/client-apigatewayv2';
import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import middy from '@middy/core';

/**
 * The stack's floor: a handler of nothing but what functions/audit.ts is built on (the three
 * SDK clients it calls, Powertools Logger and Metrics, middy), bundled and loaded exactly as
 * the function is (bench/lambda-bundle.ts). Its cold init is what the chosen stack costs before
 * any of our code; the function's, less this, is ours. The clients are created and called in
 * the handler, as the function creates them, so bundling keeps what a call needs.
 */
const logger = new Logger();
const metrics = new Metrics({ namespace: 'StackFloor' });

export const handler = middy(async (): Promise<void> => {
  const apis = await new ApiGatewayV2Client({}).send(new GetIntegrationResponsesCommand({ ApiId: 'a', IntegrationId: 'i' }));
  const state = await new DynamoDBClient({}).send(new QueryCommand({ TableName: 'state', KeyConditionExpression: 'pk = :pk' }));
  await new SNSClient({}).send(new PublishCommand({ TopicArn: 'arn:aws:sns:us-east-1:123456789012:t', Message: 'm' }));
  metrics.addMetric('Responses', MetricUnit.Count, (apis.Items?.length ?? 0) + (state.Count ?? 0));
  logger.info('done');
})
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics));

import { randomUUID } from 'node:crypto';
import type { Context, ScheduledEvent } from 'aws-lambda';

export interface FakeFunction {
  region: string;
  accountId: string;
  name: string;
  /** The deployed timeout; getRemainingTimeInMillis counts down from it. */
  timeoutMs: number;
}

/** The context the Lambda runtime passes, for a function as serverless.yml deploys it. */
export function lambdaContext({ region, accountId, name, timeoutMs }: FakeFunction): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:${accountId}:function:${name}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: `${new Date().toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]${randomUUID().replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => deadline - Date.now(),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** What EventBridge sends on a schedule rule. */
export function scheduledEvent({ region, accountId }: Pick<FakeFunction, 'region' | 'accountId'>): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: accountId,
    time: new Date().toISOString(),
    region,
    resources: [`arn:aws:events:${region}:${accountId}:rule/apigw-audit-schedule`],
    detail: {},
  };
}

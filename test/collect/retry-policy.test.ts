import { GetApisCommand } from '@aws-sdk/client-apigatewayv2';
import { createApiGatewayClient } from '../../lib/collect/client';
import { DeadlineReached } from '../../lib/collect/deadline';
import { createRetryStrategy, DEFAULT_MAX_ATTEMPTS } from '../../lib/collect/retry-policy';
import { TokenBucket } from '../../lib/collect/token-bucket';
import { sampleAccount, startFakeApiGateway, type FakeAws, type FaultRule } from '../support/fake-aws';
import { QUICK_BACKOFF } from './live-walk';

const account = sampleAccount({ webSocketApis: 1, httpApis: 0, integrationsPerApi: 0, routesPerApi: 0, responsesPerIntegration: 0, responsesPerRoute: 0 });

/** One GetApis call through the configured client, with the bucket's takes counted. */
async function getApis(faults: FaultRule[], options: { deadline?: number; bucket?: TokenBucket } = {}) {
  const server: FakeAws = await startFakeApiGateway(account, { faults });
  process.env.AWS_ENDPOINT_URL_APIGATEWAYV2 = server.url;
  const bucket = options.bucket ?? new TokenBucket({ ratePerSecond: 1000, burst: 1000 });
  const takes = jest.spyOn(bucket, 'take');
  let throttled = 0;
  const retryStrategy = createRetryStrategy({
    maxAttempts: DEFAULT_MAX_ATTEMPTS,
    backoff: QUICK_BACKOFF,
    bucket,
    ...(options.deadline === undefined ? {} : { deadline: options.deadline }),
    onThrottled: () => (throttled += 1),
  });
  const client = createApiGatewayClient({ region: 'eu-west-1', maxAttempts: DEFAULT_MAX_ATTEMPTS, retryStrategy });
  try {
    const outcome = await client.send(new GetApisCommand({})).then(
      (output) => ({ output, error: undefined }),
      (error: unknown) => ({ output: undefined, error }),
    );
    return { ...outcome, requests: server.requests, takes: takes.mock.calls.length, throttled };
  } finally {
    client.destroy();
    delete process.env.AWS_ENDPOINT_URL_APIGATEWAYV2;
    await server.close();
  }
}

describe('the retry strategy', () => {
  test('every attempt, retries included, takes a token from the bucket', async () => {
    const { output, requests, takes, throttled } = await getApis([{ kind: 'throttle', times: 3 }]);
    expect(output?.$metadata.attempts).toBe(4);
    expect(requests.map((request) => request.status)).toEqual([429, 429, 429, 200]);
    expect(takes).toBe(4);
    expect(throttled).toBe(3);
  });

  test('makes more attempts than the SDK default of 3 before giving up on throttling', async () => {
    const { error, requests } = await getApis([{ kind: 'throttle' }]);
    expect(DEFAULT_MAX_ATTEMPTS).toBeGreaterThan(3);
    expect(requests).toHaveLength(DEFAULT_MAX_ATTEMPTS);
    expect(requests.map((request) => request.attempt)).toEqual(Array.from({ length: DEFAULT_MAX_ATTEMPTS }, (_, i) => i + 1));
    expect((error as Error).name).toBe('TooManyRequestsException');
  });

  test.each([
    ['a 503', 'server-error', 503],
    ['a dropped connection', 'reset', 'reset'],
  ] as const)('retries %s', async (_name, kind, status) => {
    const { output, requests } = await getApis([{ kind, times: 2 }]);
    expect(output?.Items).toHaveLength(1);
    expect(requests.map((request) => request.status)).toEqual([status, status, 200]);
  });

  test.each([
    ['access denied', 'deny', 'AccessDeniedException'],
    ['a malformed body', 'malformed', 'SyntaxError'],
  ] as const)('does not retry %s', async (_name, kind, name) => {
    const { error, requests, takes } = await getApis([{ kind }]);
    expect((error as Error).name).toBe(name);
    expect(requests).toHaveLength(1);
    expect(takes).toBe(1);
  });

  test('sends nothing when the first token would come at or after the deadline', async () => {
    const bucket = new TokenBucket({ ratePerSecond: 0.001, burst: 1 });
    await bucket.take();
    const { error, requests } = await getApis([], { bucket, deadline: Date.now() + 60_000 });
    expect(error).toBeInstanceOf(DeadlineReached);
    expect(requests).toHaveLength(0);
  });

  test('does not retry past the deadline: the last error is the answer', async () => {
    const bucket = new TokenBucket({ ratePerSecond: 0.001, burst: 1 });
    const { error, requests } = await getApis([{ kind: 'throttle' }], { bucket, deadline: Date.now() + 60_000 });
    expect((error as Error).name).toBe('TooManyRequestsException');
    expect(requests).toHaveLength(1);
  });
});

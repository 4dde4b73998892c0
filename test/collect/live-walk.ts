import { collectAccount, type CollectOptions, type CollectResult } from '../../lib/collect/collect-account';
import type { Backoff } from '../../lib/collect/retry-policy';
import type { Snapshot } from '../../lib/model/snapshot';
import { startFakeApiGateway, type FakeApiGatewayOptions, type RecordedRequest } from '../support/fake-aws';

/** Retries in tests wait a millisecond: the tests count attempts, they do not time them. */
export const QUICK_BACKOFF: Backoff = { setDelayBase: () => undefined, computeNextBackoffDelay: () => 1 };

/** Far above any test's call count, so only tests about the rate limit meet it. */
export const UNLIMITED = { ratePerSecond: 10_000, burst: 10_000 } as const;

export interface LiveWalk {
  result: CollectResult;
  requests: RecordedRequest[];
}

/**
 * Collects from a fresh fake serving `snapshot`, through the real SDK over HTTP. The fake is
 * reached the way a user reaches an emulator: through AWS_ENDPOINT_URL_APIGATEWAYV2.
 */
export async function walkFake(snapshot: Snapshot, fake: FakeApiGatewayOptions = {}, options: Partial<CollectOptions> = {}): Promise<LiveWalk> {
  const server = await startFakeApiGateway(snapshot, fake);
  process.env.AWS_ENDPOINT_URL_APIGATEWAYV2 = server.url;
  try {
    const result = await collectAccount({ region: 'eu-west-1', backoff: QUICK_BACKOFF, ...UNLIMITED, ...options });
    return { result, requests: server.requests };
  } finally {
    delete process.env.AWS_ENDPOINT_URL_APIGATEWAYV2;
    await server.close();
  }
}

/** Per operation, how many requests the fake answered. */
export function countByOperation(requests: readonly RecordedRequest[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const request of requests) counts[request.operation] = (counts[request.operation] ?? 0) + 1;
  return counts;
}

/**
 * Every API of the account is accounted for: in the snapshot, or named by an error or a
 * warning. A fault may cost an API its place in the snapshot, never silently.
 */
export function unaccounted(result: CollectResult, account: Snapshot): string[] {
  const named = new Set([...result.snapshot.apis.map((api) => api.ApiId), ...result.errors.map((error) => error.apiId), ...result.warnings.map((warning) => warning.apiId)]);
  return account.apis.map((api) => api.ApiId).filter((apiId) => !named.has(apiId));
}

import { minimalCalls, sampleAccount } from '../support/fake-aws';
import { scaledSdkBackoff } from '../support/fake-aws/scaled-backoff';
import { walkFake } from './live-walk';

/**
 * API Gateway's quota (10/s, burst 40) scaled up tenfold-ish so the test stays short; the
 * collector is scaled the same way as its defaults are to the real quota (a little under the
 * rate, half the burst). Counts are asserted, not times: speed is the benchmark's job.
 */
const QUOTA = { ratePerSecond: 100, burst: 20 };
const CLIENT = { ratePerSecond: 90, burst: 10 };

describe('a walk against the quota', () => {
  test('a few hundred calls finish with no failed and no throttled call, and the minimal set of calls', async () => {
    const account = sampleAccount({ webSocketApis: 40, httpApis: 20, integrationsPerApi: 2, routesPerApi: 3, responsesPerIntegration: 1, responsesPerRoute: 1 });
    const { result, requests } = await walkFake(account, { quota: QUOTA, pageSize: 100 }, CLIENT);

    expect(requests.length).toBe(minimalCalls(account, 100));
    expect(requests.length).toBeGreaterThan(300);
    expect(result.errors).toEqual([]);
    expect(result.complete).toBe(true);
    expect(result.snapshot.apis).toEqual(account.apis);
    expect(result.stats).toEqual({ calls: requests.length, throttled: 0, retries: 0, notFound: 0 });
  });

  test('a client faster than the quota is throttled, retries, and still loses nothing', async () => {
    const account = sampleAccount({ webSocketApis: 10, httpApis: 0, integrationsPerApi: 2, routesPerApi: 2, responsesPerIntegration: 1, responsesPerRoute: 1 });
    // A small quota burst: eight calls sent at once exceed it however slow a loaded machine is.
    const { result, requests } = await walkFake(account, { quota: { ratePerSecond: 20, burst: 5 } }, { ratePerSecond: 400, burst: 40, backoff: scaledSdkBackoff(10) });

    expect(result.stats.throttled).toBeGreaterThan(0);
    expect(result.stats.throttled).toBe(requests.filter((request) => request.status === 429).length);
    expect(result.errors).toEqual([]);
    expect(result.snapshot.apis).toEqual(account.apis);
  });
});

import { collectAccount } from '../../lib/collect/collect-account';
import { systemClock, type Clock } from '../../lib/collect/clock';
import { sampleAccount, startFakeApiGateway, type FakeAws } from '../support/fake-aws';
import { QUICK_BACKOFF, UNLIMITED } from './live-walk';

const account = sampleAccount({ webSocketApis: 4, httpApis: 2, integrationsPerApi: 2, routesPerApi: 2, responsesPerIntegration: 1, responsesPerRoute: 1 });
const CONCURRENCY = 2;

/** A clock that passes the deadline once the fake has answered `calls` requests. */
function clockPassingDeadlineAfter(server: FakeAws, calls: number, deadline: number): Clock {
  return { now: () => (server.requests.length >= calls ? deadline + 1 : deadline - 60_000), sleep: systemClock.sleep };
}

async function walkUntil(calls: number) {
  const server = await startFakeApiGateway(account);
  process.env.AWS_ENDPOINT_URL_APIGATEWAYV2 = server.url;
  const deadline = Date.UTC(2026, 10, 26, 10, 0, 0);
  try {
    const result = await collectAccount({ region: 'eu-west-1', ...UNLIMITED, backoff: QUICK_BACKOFF, concurrency: CONCURRENCY, deadline, clock: clockPassingDeadlineAfter(server, calls, deadline) });
    return { result, requests: server.requests };
  } finally {
    delete process.env.AWS_ENDPOINT_URL_APIGATEWAYV2;
    await server.close();
  }
}

describe('the deadline', () => {
  test('stops new calls and lists every API not read, each with an error', async () => {
    const { result, requests } = await walkUntil(16);
    const read = result.snapshot.apis.map((api) => api.ApiId);

    expect(read.length).toBeGreaterThan(0);
    expect(result.unreached.length).toBeGreaterThan(0);
    expect([...read, ...result.unreached].sort()).toEqual(account.apis.map((api) => api.ApiId).sort());
    // An API in the snapshot was read completely; a half-read one is listed as unreached instead.
    for (const api of result.snapshot.apis) expect(api).toEqual(account.apis.find((candidate) => candidate.ApiId === api.ApiId));
    expect(result.errors).toHaveLength(result.unreached.length);
    for (const apiId of result.unreached) {
      expect(result.errors).toContainEqual({ source: 'collector', operation: expect.any(String), apiId, arn: `arn:aws:apigateway:eu-west-1::/apis/${apiId}`, message: 'not read before the deadline; the API was not audited' });
    }
    expect(result.complete).toBe(false);
    // Only calls already holding a slot when the deadline passed may still have gone out.
    expect(requests.length).toBeLessThanOrEqual(16 + CONCURRENCY);
    expect(result.stats.calls).toBe(requests.length);
  });

  test('a deadline already passed sends nothing and says no API was audited', async () => {
    const { result, requests } = await walkUntil(0);
    expect(requests).toEqual([]);
    expect(result.errors).toEqual([
      { source: 'collector', operation: 'GetApis', arn: 'arn:aws:apigateway:eu-west-1::/apis', message: 'eu-west-1: the deadline was reached before every API was listed; no API was audited' },
    ]);
    expect(result.complete).toBe(false);
    expect(result.stats.calls).toBe(0);
  });
});

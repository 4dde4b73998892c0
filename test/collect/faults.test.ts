import { collectAccount } from '../../lib/collect/collect-account';
import { sampleAccount, startFakeApiGateway } from '../support/fake-aws';
import { countByOperation, QUICK_BACKOFF, unaccounted, walkFake } from './live-walk';

const account = sampleAccount({ webSocketApis: 4, httpApis: 2, integrationsPerApi: 3, routesPerApi: 4, responsesPerIntegration: 2, responsesPerRoute: 1 });
const apisWithout = (...apiIds: string[]) => account.apis.filter((api) => !apiIds.includes(api.ApiId));

describe('faults the walk recovers from', () => {
  test('throttling (429 TooManyRequestsException) is retried and nothing is missing', async () => {
    const { result, requests } = await walkFake(account, { faults: [{ kind: 'throttle', fraction: 0.3 }] });
    const throttled = requests.filter((request) => request.status === 429).length;

    expect(throttled).toBeGreaterThan(10);
    expect(result.complete).toBe(true);
    expect(result.snapshot.apis).toEqual(account.apis);
    expect(result.stats.throttled).toBe(throttled);
    expect(result.stats.retries).toBe(requests.length - result.stats.calls);
  });

  test('503s and dropped connections are retried and nothing is missing', async () => {
    const { result, requests } = await walkFake(account, {
      faults: [
        { kind: 'server-error', fraction: 0.15 },
        { kind: 'reset', fraction: 0.1 },
      ],
    });
    expect(requests.filter((request) => request.status === 503).length).toBeGreaterThan(0);
    expect(requests.filter((request) => request.status === 'reset').length).toBeGreaterThan(0);
    expect(result.complete).toBe(true);
    expect(result.snapshot.apis).toEqual(account.apis);
    expect(result.stats.retries).toBe(requests.length - result.stats.calls);
  });
});

describe('faults that leave an API unread: an error names it, the walk goes on', () => {
  test('a call that still fails after every retry', async () => {
    const { result, requests } = await walkFake(account, { faults: [{ kind: 'server-error', apiId: 'ws0002', operation: 'GetRoutes' }] }, { maxAttempts: 6 });

    expect(result.errors).toEqual([
      {
        source: 'collector',
        operation: 'GetRoutes',
        apiId: 'ws0002',
        arn: 'arn:aws:apigateway:eu-west-1::/apis/ws0002',
        message: 'ServiceUnavailableException (HTTP 503): Service Unavailable, after 6 attempts',
      },
    ]);
    expect(requests.filter((request) => request.url === '/v2/apis/ws0002/routes?maxResults=100')).toHaveLength(6);
    expect(result.complete).toBe(false);
    expect(result.snapshot.apis).toEqual(apisWithout('ws0002'));
    expect(unaccounted(result, account)).toEqual([]);
  });

  test('access denied (403) on chosen APIs is not retried', async () => {
    const { result, requests } = await walkFake(account, { faults: [{ kind: 'deny', apiId: 'ws0001' }, { kind: 'deny', apiId: 'http0002' }] });

    expect(result.errors.map((error) => [error.operation, error.apiId])).toEqual(
      expect.arrayContaining([
        ['GetIntegrations', 'ws0001'],
        ['GetRoutes', 'ws0001'],
        ['GetIntegrations', 'http0002'],
        ['GetRoutes', 'http0002'],
      ]),
    );
    expect(result.errors).toHaveLength(4);
    expect(result.errors[0]?.message).toMatch(/^AccessDeniedException \(HTTP 403\): User: arn:aws:iam::123456789012:user\/auditor is not authorized/);
    expect(requests.filter((request) => request.status === 403)).toHaveLength(4);
    expect(result.complete).toBe(false);
    expect(result.snapshot.apis).toEqual(apisWithout('ws0001', 'http0002'));
    expect(unaccounted(result, account)).toEqual([]);
  });

  test('a malformed response body is an error for that call, not a crash', async () => {
    const { result } = await walkFake(account, { faults: [{ kind: 'malformed', apiId: 'ws0003', operation: 'GetRouteResponses', times: 1 }] });

    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ source: 'collector', operation: 'GetRouteResponses', apiId: 'ws0003' });
    expect(result.errors[0]?.message).toMatch(/^unreadable response body \(HTTP 200\): /);
    expect(result.complete).toBe(false);
    expect(result.snapshot.apis).toEqual(apisWithout('ws0003'));
  });

  test('a malformed GetApis body fails the walk visibly', async () => {
    const { result } = await walkFake(account, { faults: [{ kind: 'malformed', operation: 'GetApis' }] });
    expect(result.errors).toEqual([{ source: 'collector', operation: 'GetApis', arn: 'arn:aws:apigateway:eu-west-1::/apis', message: expect.stringMatching(/^eu-west-1: unreadable response body/) }]);
    expect(result.snapshot.apis).toEqual([]);
    expect(result.complete).toBe(false);
  });

  test('a 404 on GetApis is no deletion but an error (an endpoint that is not API Gateway)', async () => {
    const server = await startFakeApiGateway(account);
    // Every path gains a prefix the fake does not serve, so every call is a 404 NotFoundException.
    process.env.AWS_ENDPOINT_URL_APIGATEWAYV2 = `${server.url}/elsewhere`;
    try {
      const result = await collectAccount({ region: 'eu-west-1', backoff: QUICK_BACKOFF });
      expect(result.errors).toEqual([{ source: 'collector', operation: 'GetApis', arn: 'arn:aws:apigateway:eu-west-1::/apis', message: expect.stringMatching(/^eu-west-1: NotFoundException \(HTTP 404\): /) }]);
      expect(result.warnings).toEqual([]);
      expect(result.complete).toBe(false);
    } finally {
      delete process.env.AWS_ENDPOINT_URL_APIGATEWAYV2;
      await server.close();
    }
  });
});

describe('resources deleted during the walk (NotFoundException)', () => {
  test('an API deleted after it was listed is skipped with a note; the audit stays complete', async () => {
    const { result, requests } = await walkFake(account, { deletions: [{ apiId: 'ws0004', afterCalls: 1 }] });

    expect(result.errors).toEqual([]);
    expect(result.complete).toBe(true);
    expect(result.warnings).toEqual([{ operation: expect.stringMatching(/^Get(Integrations|Routes)$/), apiId: 'ws0004', message: 'API ws0004 was deleted during the walk; it is left out of the snapshot' }]);
    expect(result.stats.notFound).toBe(1);
    expect(result.snapshot.apis).toEqual(apisWithout('ws0004'));
    expect(requests.filter((request) => request.status === 404)).toHaveLength(2);
  });

  test('an integration deleted before its responses are read is left out with a note', async () => {
    // GetApis, GetIntegrations and GetRoutes of the one API come first; then the integration goes.
    const { result } = await walkFake(account, { deletions: [{ apiId: 'ws0001', integrationId: 'ws0001-i2', afterCalls: 3 }] }, { apiIds: ['ws0001'] });
    const [original] = account.apis;

    expect(result.complete).toBe(true);
    expect(result.warnings).toEqual([{ operation: 'GetIntegrationResponses', apiId: 'ws0001', message: 'integration ws0001-i2 was deleted during the walk; it is left out of the snapshot' }]);
    expect(result.stats.notFound).toBe(1);
    expect(result.snapshot.apis).toEqual([{ ...original, integrations: original?.integrations.filter((integration) => integration.IntegrationId !== 'ws0001-i2') }]);
  });

  test('a route deleted before its responses are read is left out with a note', async () => {
    const { result, requests } = await walkFake(account, { deletions: [{ apiId: 'ws0001', routeId: 'ws0001-r3', afterCalls: 3 }] }, { apiIds: ['ws0001'] });

    expect(result.complete).toBe(true);
    expect(result.warnings).toEqual([{ operation: 'GetRouteResponses', apiId: 'ws0001', message: 'route ws0001-r3 was deleted during the walk; it is left out of the snapshot' }]);
    expect(result.snapshot.apis[0]?.routes.map((route) => route.RouteId)).toEqual(['ws0001-r1', 'ws0001-r2', 'ws0001-r4']);
    expect(countByOperation(requests)['GetRouteResponses']).toBe(4);
  });
});

import { apiFromSketch } from '../../lib/model/sketch';
import type { Snapshot } from '../../lib/model/snapshot';
import { minimalCalls, sampleAccount } from '../support/fake-aws';
import { countByOperation, walkFake } from './live-walk';

/** Small pages, so every level of the walk pages: 5 APIs, 5 integrations, 7 routes, 3 and 2 responses. */
const PAGE = 2;
const account = sampleAccount({ webSocketApis: 3, httpApis: 2, integrationsPerApi: 5, routesPerApi: 7, responsesPerIntegration: 3, responsesPerRoute: 3 });

describe('collectAccount against the fake API Gateway', () => {
  test('reads every level across pages and reproduces the account exactly', async () => {
    const { result, requests } = await walkFake(account, { pageSize: PAGE });

    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.complete).toBe(true);
    expect(result.unreached).toEqual([]);
    expect(result.snapshot).toEqual({ version: 1, region: 'eu-west-1', capturedAt: expect.any(String), apis: account.apis });
    // Every level really paged: some request of each list operation carried a nextToken.
    const paged = new Set(requests.filter((request) => request.url.includes('nextToken=')).map((request) => request.operation));
    expect([...paged].sort()).toEqual(['GetApis', 'GetIntegrationResponses', 'GetIntegrations', 'GetRouteResponses', 'GetRoutes']);
    expect(requests.every((request) => request.url.includes('maxResults=100'))).toBe(true);
  });

  test('makes exactly the minimal set of calls', async () => {
    const { result, requests } = await walkFake(account, { pageSize: PAGE });
    const pages = (count: number) => Math.ceil(count / PAGE);
    const webSocketApis = 3;
    const apis = 5;

    expect(countByOperation(requests)).toEqual({
      GetApis: pages(apis),
      GetIntegrations: apis * pages(5),
      GetRoutes: apis * pages(7),
      // Per WebSocket integration and route only: HTTP APIs have no responses to read.
      GetIntegrationResponses: webSocketApis * 5 * pages(3),
      GetRouteResponses: webSocketApis * 7 * pages(3),
    });
    expect(requests).toHaveLength(minimalCalls(account, PAGE));
    expect(result.stats).toEqual({ calls: requests.length, throttled: 0, retries: 0, notFound: 0 });
    expect(requests.every((request) => request.status === 200 && request.attempt === 1)).toBe(true);
  });

  test('with one page per list: 1 + per API 2 + per WebSocket integration and route 1', async () => {
    const { requests } = await walkFake(account);
    expect(requests).toHaveLength(1 + 5 * 2 + 3 * (5 + 7));
  });

  test('thorough mode also reads the responses of HTTP API integrations and routes', async () => {
    const leftovers: Snapshot = {
      apis: [
        apiFromSketch({
          ApiId: 'h1',
          ProtocolType: 'HTTP',
          integrations: [{ IntegrationType: 'HTTP_PROXY', integrationResponses: [{ IntegrationResponseKey: '$default' }] }],
          routes: [{ RouteKey: 'GET /', routeResponses: [{ RouteResponseKey: '$default' }] }],
        }),
      ],
    };
    const quick = await walkFake(leftovers);
    expect(quick.result.snapshot.apis[0]?.integrations[0]?.integrationResponses).toEqual([]);
    expect(quick.result.snapshot.apis[0]?.routes[0]?.routeResponses).toEqual([]);
    expect(quick.requests).toHaveLength(3);

    const thorough = await walkFake(leftovers, {}, { thorough: true });
    expect(thorough.result.snapshot.apis).toEqual(leftovers.apis);
    expect(thorough.requests).toHaveLength(5);
  });

  test('scopes the walk to chosen API ids and reports an id the account does not have', async () => {
    const { result, requests } = await walkFake(account, {}, { apiIds: ['ws0002', 'missing1'] });
    expect(result.snapshot.apis.map((api) => api.ApiId)).toEqual(['ws0002']);
    expect(result.errors).toEqual([
      { source: 'collector', operation: 'GetApis', apiId: 'missing1', arn: 'arn:aws:apigateway:eu-west-1::/apis/missing1', message: 'no API with id missing1 in eu-west-1' },
    ]);
    expect(result.selected).toEqual(['ws0002']);
    expect(result.complete).toBe(false);
    expect(requests).toHaveLength(1 + 2 + 5 + 7);
  });

  test('with apiIdsMayBeDeleted (a change audit), a named API the listing no longer holds is deleted, not an error', async () => {
    const { result } = await walkFake(account, {}, { apiIds: ['ws0002', 'missing1'], apiIdsMayBeDeleted: true });
    expect(result.snapshot.apis.map((api) => api.ApiId)).toEqual(['ws0002']);
    expect(result.errors).toEqual([]);
    expect(result.complete).toBe(true);
    expect(result.deleted).toEqual(['missing1']);
    expect(result.warnings).toEqual([{ operation: 'GetApis', apiId: 'missing1', message: 'API missing1 no longer exists in eu-west-1: its findings are resolved' }]);
  });

  test('scopes the walk by API name', async () => {
    const { result } = await walkFake(account, {}, { namePattern: /^shop-/g });
    expect(result.snapshot.apis.map((api) => api.ApiId)).toEqual(['http0001', 'http0002']);
    expect(result.complete).toBe(true);
  });

  test('reports progress: APIs walked of total, calls, throttles, errors', async () => {
    const seen: { apisTotal: number | undefined; apisDone: number; calls: number }[] = [];
    const { result } = await walkFake(account, {}, { onProgress: (progress) => seen.push(progress) });
    expect(seen[0]?.apisTotal).toBeUndefined();
    expect(seen.at(-1)).toEqual({ apisTotal: 5, apisDone: 5, calls: result.stats.calls, throttled: 0, errors: 0 });
    expect(seen.map((progress) => progress.apisDone)).toEqual([...seen.map((progress) => progress.apisDone)].sort((a, b) => a - b));
  });
});

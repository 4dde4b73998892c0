import { apiFromSketch } from '../../lib/model/sketch';
import { byRegion, fakeApiGatewayV2, startFakeAws, type FakeAws } from '../support/fake-aws';

/** The fake's own contract, where the collector tests do not reach: raw HTTP, no SDK. */
const snapshot = { apis: [apiFromSketch({ ApiId: 'a1', ProtocolType: 'WEBSOCKET', CreatedDate: new Date(Date.UTC(2026, 0, 2)) }), apiFromSketch({ ApiId: 'a2' })] };
const signed = (region: string, service = 'apigateway') => ({ authorization: `AWS4-HMAC-SHA256 Credential=AKIDTEST/20261126/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0` });

let fake: FakeAws;
afterEach(() => fake.close());

async function get(path: string, headers: Record<string, string> = signed('eu-west-1')) {
  const response = await fetch(`${fake.url}${path}`, { headers });
  return { status: response.status, type: response.headers.get('x-amzn-errortype'), body: (await response.json()) as Record<string, unknown> };
}

describe('the fake API Gateway V2', () => {
  test('serves lower-camel JSON with ISO timestamps, paged by nextToken', async () => {
    fake = await startFakeAws([fakeApiGatewayV2(snapshot, { pageSize: 1 })]);
    const first = await get('/v2/apis?maxResults=100');
    expect(first).toEqual({ status: 200, type: null, body: { items: [{ apiId: 'a1', protocolType: 'WEBSOCKET', createdDate: '2026-01-02T00:00:00.000Z' }], nextToken: expect.any(String) } });
    const second = await get(`/v2/apis?nextToken=${String(first.body['nextToken'])}`);
    expect(second.body).toEqual({ items: [{ apiId: 'a2' }] });
    expect(fake.requests.map(({ operation, url, status }) => [operation, url.split('?')[0], status])).toEqual([
      ['GetApis', '/v2/apis', 200],
      ['GetApis', '/v2/apis', 200],
    ]);
  });

  test('answers bad paging parameters and unknown resources as API Gateway does', async () => {
    fake = await startFakeAws([fakeApiGatewayV2(snapshot)]);
    expect(await get('/v2/apis?maxResults=0')).toMatchObject({ status: 400, type: 'BadRequestException' });
    expect(await get('/v2/apis?nextToken=nonsense')).toMatchObject({ status: 400, type: 'BadRequestException' });
    expect(await get('/v2/apis/zz/routes')).toMatchObject({ status: 404, type: 'NotFoundException', body: { resourceType: 'Api' } });
  });

  test('routes by the credential scope: service, then region', async () => {
    fake = await startFakeAws([byRegion({ 'eu-west-1': fakeApiGatewayV2(snapshot) })]);
    expect((await get('/v2/apis', signed('us-east-1'))).body).toEqual({ message: 'the fake serves no region "us-east-1"' });
    expect((await get('/', signed('eu-west-1', 'sns'))).body).toEqual({ message: 'the fake serves no service "sns"' });
  });

  test('a quota answers 429 TooManyRequestsException beyond its burst', async () => {
    fake = await startFakeAws([fakeApiGatewayV2(snapshot, { quota: { ratePerSecond: 0.001, burst: 2 } })]);
    const statuses = [];
    for (let n = 0; n < 4; n += 1) statuses.push((await get('/v2/apis')).type);
    expect(statuses).toEqual([null, null, 'TooManyRequestsException', 'TooManyRequestsException']);
  });

  test('adds the configured latency to every response', async () => {
    fake = await startFakeAws([fakeApiGatewayV2(snapshot, { latencyMs: 30 })]);
    const started = performance.now();
    await get('/v2/apis');
    expect(performance.now() - started).toBeGreaterThanOrEqual(29);
  });
});

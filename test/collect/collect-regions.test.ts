import { collectRegions } from '../../lib/collect/collect-regions';
import { byRegion, fakeApiGatewayV2, sampleAccount, startFakeAws } from '../support/fake-aws';
import { QUICK_BACKOFF, UNLIMITED } from './live-walk';

const ireland = sampleAccount({ webSocketApis: 2, httpApis: 0, integrationsPerApi: 1, routesPerApi: 1, responsesPerIntegration: 1, responsesPerRoute: 1 });
const virginia = { apis: sampleAccount({ webSocketApis: 0, httpApis: 1, integrationsPerApi: 1, routesPerApi: 1, responsesPerIntegration: 0, responsesPerRoute: 0 }).apis };

async function collectBoth(apiIds?: string[]) {
  const server = await startFakeAws([byRegion({ 'eu-west-1': fakeApiGatewayV2(ireland), 'us-east-1': fakeApiGatewayV2(virginia) })]);
  process.env.AWS_ENDPOINT_URL_APIGATEWAYV2 = server.url;
  try {
    return await collectRegions(['eu-west-1', 'us-east-1'], { ...UNLIMITED, backoff: QUICK_BACKOFF, ...(apiIds === undefined ? {} : { apiIds }) });
  } finally {
    delete process.env.AWS_ENDPOINT_URL_APIGATEWAYV2;
    await server.close();
  }
}

describe('collectRegions', () => {
  test('walks each region into its own snapshot', async () => {
    const [eu, us] = await collectBoth();
    expect(eu?.snapshot).toMatchObject({ region: 'eu-west-1', apis: ireland.apis });
    expect(us?.snapshot).toMatchObject({ region: 'us-east-1', apis: virginia.apis });
    expect([eu?.complete, us?.complete]).toEqual([true, true]);
  });

  test('an API id is looked for in every region and is an error only where no region has it', async () => {
    const [eu, us] = await collectBoth(['ws0001', 'http0001', 'nowhere']);
    expect(eu?.snapshot.apis.map((api) => api.ApiId)).toEqual(['ws0001']);
    expect(us?.snapshot.apis.map((api) => api.ApiId)).toEqual(['http0001']);
    expect(eu?.errors.map((error) => error.message)).toEqual(['no API with id nowhere in eu-west-1']);
    expect(us?.errors.map((error) => error.message)).toEqual(['no API with id nowhere in us-east-1']);

    const [euFound, usFound] = await collectBoth(['ws0001', 'http0001']);
    expect([euFound?.errors, usFound?.errors]).toEqual([[], []]);
    expect([euFound?.complete, usFound?.complete]).toEqual([true, true]);
  });
});

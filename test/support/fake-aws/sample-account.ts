import type { Snapshot, SnapshotApi, SnapshotIntegration, SnapshotRoute } from '../../../lib/model/snapshot';

export interface SampleAccountShape {
  webSocketApis: number;
  httpApis: number;
  integrationsPerApi: number;
  routesPerApi: number;
  /** Per WebSocket integration. */
  responsesPerIntegration: number;
  /** Per WebSocket route. */
  responsesPerRoute: number;
}

/**
 * A generated account whose resources carry every kind of field the wire format has to get
 * right: nested structures (CorsConfiguration, TlsConfig), maps of structures
 * (RequestParameters of routes), plain maps whose keys are data (Tags, ResponseTemplates,
 * ResponseParameters), lists and timestamps. Timestamps are written as the SDK's Dates print
 * (`.000Z`), so a collected copy can be compared with `toEqual`.
 */
export function sampleAccount(shape: SampleAccountShape): Snapshot {
  const apis: SnapshotApi[] = [];
  for (let n = 1; n <= shape.webSocketApis; n += 1) apis.push(webSocketApi(`ws${pad(n)}`, shape));
  for (let n = 1; n <= shape.httpApis; n += 1) apis.push(httpApi(`http${pad(n)}`, shape));
  return { version: 1, region: 'eu-west-1', apis };
}

/** Calls a complete walk makes over the sample: 1 + pages, per API 2, per WebSocket child 1. */
export function minimalCalls(snapshot: Snapshot, pageSize: number): number {
  const pages = (count: number) => Math.max(1, Math.ceil(count / pageSize));
  let calls = pages(snapshot.apis.length);
  for (const api of snapshot.apis) {
    calls += pages(api.integrations.length) + pages(api.routes.length);
    if (api.ProtocolType !== 'WEBSOCKET') continue;
    for (const integration of api.integrations) calls += pages(integration.integrationResponses.length);
    for (const route of api.routes) calls += pages(route.routeResponses.length);
  }
  return calls;
}

const pad = (n: number) => String(n).padStart(4, '0');
const created = (n: number) => new Date(Date.UTC(2024, 0, 1 + (n % 28), 10, 0, 0)).toISOString();

function webSocketApi(apiId: string, shape: SampleAccountShape): SnapshotApi {
  const integrations: SnapshotIntegration[] = range(shape.integrationsPerApi, (i) => ({
    IntegrationId: `${apiId}-i${i}`,
    IntegrationType: i % 2 === 0 ? 'AWS_PROXY' : 'MOCK',
    IntegrationResponseSelectionExpression: '${integration.response.statuscode}',
    PassthroughBehavior: 'WHEN_NO_MATCH',
    RequestTemplates: { $default: '{"statusCode": 200}' },
    TemplateSelectionExpression: '\\$default',
    TimeoutInMillis: 29000,
    integrationResponses: range(shape.responsesPerIntegration, (r) => ({
      IntegrationResponseId: `${apiId}-i${i}-ir${r}`,
      IntegrationResponseKey: r === 1 ? '$default' : `/${r}\\d\\d/`,
      ResponseTemplates: { 'application/json': `{"n": ${r}}` },
      ResponseParameters: { 'method.response.header.X-Id': "'1'" },
      TemplateSelectionExpression: '\\$default',
    })),
  }));
  const routes: SnapshotRoute[] = range(shape.routesPerApi, (r) => ({
    RouteId: `${apiId}-r${r}`,
    RouteKey: r === 1 ? '$default' : `action${r}`,
    Target: `integrations/${apiId}-i${((r - 1) % Math.max(1, shape.integrationsPerApi)) + 1}`,
    RouteResponseSelectionExpression: '$default',
    RequestParameters: { 'route.request.querystring.token': { Required: r % 2 === 0 } },
    AuthorizationType: 'NONE',
    ApiKeyRequired: false,
    routeResponses: range(shape.responsesPerRoute, (rr) => ({
      RouteResponseId: `${apiId}-r${r}-rr${rr}`,
      RouteResponseKey: '$default',
      ResponseModels: { $default: 'Reply' },
      ModelSelectionExpression: '$default',
    })),
  }));
  return {
    ApiId: apiId,
    Name: `chat-${apiId}`,
    ProtocolType: 'WEBSOCKET',
    RouteSelectionExpression: '$request.body.action',
    ApiKeySelectionExpression: '$request.header.x-api-key',
    ApiEndpoint: `wss://${apiId}.execute-api.eu-west-1.amazonaws.com`,
    CreatedDate: created(serialOf(apiId)),
    DisableSchemaValidation: false,
    Tags: { Owner: 'team-chat', 'cost-center': '42' },
    integrations,
    routes,
  };
}

function httpApi(apiId: string, shape: SampleAccountShape): SnapshotApi {
  return {
    ApiId: apiId,
    Name: `shop-${apiId}`,
    ProtocolType: 'HTTP',
    RouteSelectionExpression: '${request.method} ${request.path}',
    ApiEndpoint: `https://${apiId}.execute-api.eu-west-1.amazonaws.com`,
    CreatedDate: created(serialOf(apiId)),
    CorsConfiguration: { AllowOrigins: ['https://example.com'], AllowMethods: ['GET'], MaxAge: 300, AllowCredentials: false },
    DisableExecuteApiEndpoint: true,
    IpAddressType: 'ipv4',
    Tags: { Owner: 'team-shop' },
    integrations: range(shape.integrationsPerApi, (i) => ({
      IntegrationId: `${apiId}-i${i}`,
      IntegrationType: 'HTTP_PROXY',
      IntegrationMethod: 'ANY',
      IntegrationUri: `https://backend.example.com/${i}`,
      PayloadFormatVersion: '1.0',
      TlsConfig: { ServerNameToVerify: 'backend.example.com' },
      ResponseParameters: { '404': { 'overwrite:statuscode': '410', 'append:header.X-Gone': 'yes' } },
      RequestParameters: { 'overwrite:header.X-Trace': '$context.requestId' },
      integrationResponses: [],
    })),
    routes: range(shape.routesPerApi, (r) => ({
      RouteId: `${apiId}-r${r}`,
      RouteKey: `GET /items/${r}`,
      Target: `integrations/${apiId}-i${((r - 1) % Math.max(1, shape.integrationsPerApi)) + 1}`,
      AuthorizationType: 'JWT',
      AuthorizationScopes: ['read'],
      routeResponses: [],
    })),
  };
}

function serialOf(apiId: string): number {
  return Number(/\d+/.exec(apiId)?.[0] ?? 0);
}

function range<T>(count: number, make: (n: number) => T): T[] {
  return Array.from({ length: count }, (_, index) => make(index + 1));
}

import { setTimeout as delay } from 'node:timers/promises';
import type { Snapshot, SnapshotApi } from '../../../lib/model/snapshot';
import { FaultPlan, Quota, seededRandom, type FaultKind, type FaultRule, type QuotaOptions } from './faults';
import type { FakeReply, FakeRequest, ServiceHandler } from './server';
import { toWire, type WireKind } from './wire-format';

/** Removes a resource once the fake has answered `afterCalls` requests (a deletion mid-walk). */
export interface Deletion {
  apiId: string;
  /** Delete this integration of the API instead of the whole API. */
  integrationId?: string;
  /** Delete this route of the API instead of the whole API. */
  routeId?: string;
  afterCalls: number;
}

export interface FakeApiGatewayOptions {
  /** The largest page served, whatever maxResults asks for. Default 25. */
  pageSize?: number;
  /** Added to every response. */
  latencyMs?: number;
  /** API Gateway's account-wide management quota (10/s, burst 40 in AWS); 429 beyond it. */
  quota?: QuotaOptions;
  faults?: readonly FaultRule[];
  deletions?: readonly Deletion[];
  /** Seed of the fault decisions. */
  seed?: number;
}

type Operation = 'GetApis' | 'GetIntegrations' | 'GetIntegrationResponses' | 'GetIntegrationResponse' | 'GetRoutes' | 'GetRouteResponses';

/** The read paths of the API Gateway V2 REST API (restJson1, `GET /v2/...`). */
const PATHS: readonly [RegExp, Operation][] = [
  [/^\/v2\/apis$/, 'GetApis'],
  [/^\/v2\/apis\/([^/]+)\/integrations$/, 'GetIntegrations'],
  [/^\/v2\/apis\/([^/]+)\/integrations\/([^/]+)\/integrationresponses$/, 'GetIntegrationResponses'],
  [/^\/v2\/apis\/([^/]+)\/integrations\/([^/]+)\/integrationresponses\/([^/]+)$/, 'GetIntegrationResponse'],
  [/^\/v2\/apis\/([^/]+)\/routes$/, 'GetRoutes'],
  [/^\/v2\/apis\/([^/]+)\/routes\/([^/]+)\/routeresponses$/, 'GetRouteResponses'],
];

/**
 * The API Gateway V2 read API over a snapshot, in the real wire format: lower-camel JSON,
 * ISO timestamps, `nextToken` paging, and errors as the SDK expects them (status, the
 * `x-amzn-errortype` header, a JSON body with `message`).
 */
export function fakeApiGatewayV2(snapshot: Snapshot, options: FakeApiGatewayOptions = {}): ServiceHandler {
  const apis = structuredClone(snapshot.apis);
  const pageSize = options.pageSize ?? 25;
  const quota = options.quota && new Quota(options.quota);
  const faults = new FaultPlan(options.faults ?? [], seededRandom(options.seed ?? 1));
  const pending = [...(options.deletions ?? [])];
  let answered = 0;

  function answer(operation: Operation, ids: string[], query: URLSearchParams): FakeReply {
    const [apiId, childId] = ids;
    const api = apis.find((candidate) => candidate.ApiId === apiId);
    switch (operation) {
      case 'GetApis':
        return page(operation, 'api', apis, query);
      case 'GetIntegrations':
        return api ? page(operation, 'integration', api.integrations, query) : notFound(operation, 'Api', apiId);
      case 'GetRoutes':
        return api ? page(operation, 'route', api.routes, query) : notFound(operation, 'Api', apiId);
      case 'GetIntegrationResponses': {
        const integration = api?.integrations.find((candidate) => candidate.IntegrationId === childId);
        return integration ? page(operation, 'integrationResponse', integration.integrationResponses, query) : notFound(operation, 'Integration', childId);
      }
      case 'GetIntegrationResponse': {
        const integration = api?.integrations.find((candidate) => candidate.IntegrationId === childId);
        const response = integration?.integrationResponses.find((candidate) => candidate.IntegrationResponseId === ids[2]);
        return response ? json(operation, 200, toWire('integrationResponse', response)) : notFound(operation, 'IntegrationResponse', ids[2]);
      }
      case 'GetRouteResponses': {
        const route = api?.routes.find((candidate) => candidate.RouteId === childId);
        return route ? page(operation, 'routeResponse', route.routeResponses, query) : notFound(operation, 'Route', childId);
      }
    }
  }

  function page(operation: Operation, kind: WireKind, items: readonly Record<string, unknown>[], query: URLSearchParams): FakeReply {
    const maxResults = query.get('maxResults');
    if (maxResults !== null && !/^[1-9]\d*$/.test(maxResults)) return error(operation, 400, 'BadRequestException', `Invalid maxResults: ${maxResults}`);
    const token = query.get('nextToken');
    const start = token === null ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Number.isInteger(start) || start < 0 || start > items.length) return error(operation, 400, 'BadRequestException', `Invalid nextToken: ${token}`);
    const end = start + Math.min(pageSize, maxResults === null ? pageSize : Number(maxResults));
    const body: Record<string, unknown> = { items: items.slice(start, end).map((item) => toWire(kind, item)) };
    if (end < items.length) body['nextToken'] = Buffer.from(String(end)).toString('base64url');
    return json(operation, 200, body);
  }

  function applyDeletions(): void {
    for (const deletion of pending.filter((candidate) => answered > candidate.afterCalls)) {
      pending.splice(pending.indexOf(deletion), 1);
      const index = apis.findIndex((api) => api.ApiId === deletion.apiId);
      const api: SnapshotApi | undefined = apis[index];
      if (api === undefined) continue;
      if (deletion.integrationId !== undefined) api.integrations = api.integrations.filter((integration) => integration.IntegrationId !== deletion.integrationId);
      else if (deletion.routeId !== undefined) api.routes = api.routes.filter((route) => route.RouteId !== deletion.routeId);
      else apis.splice(index, 1);
    }
  }

  return {
    signingName: 'apigateway',
    async handle(request: FakeRequest): Promise<FakeReply> {
      answered += 1;
      applyDeletions();
      const match = PATHS.map(([pattern, operation]) => ({ operation, ids: pattern.exec(request.path) })).find((candidate) => candidate.ids !== null);
      if (request.method !== 'GET' || match?.ids == null) {
        return error('Unknown', 404, 'NotFoundException', `the fake serves no ${request.method} ${request.path}`);
      }
      const ids = match.ids.slice(1).map(decodeURIComponent);
      let reply: FakeReply;
      if (quota !== undefined && !quota.admit()) reply = error(match.operation, 429, 'TooManyRequestsException', 'Too Many Requests', { limitType: 'Requests' });
      else reply = injected(match.operation, faults.pick({ operation: match.operation, apiId: ids[0] })) ?? answer(match.operation, ids, request.query);
      if (options.latencyMs) await delay(options.latencyMs);
      return reply;
    },
  };
}

function injected(operation: Operation, fault: FaultKind | undefined): FakeReply | undefined {
  switch (fault) {
    case undefined:
      return undefined;
    case 'throttle':
      return error(operation, 429, 'TooManyRequestsException', 'Too Many Requests', { limitType: 'Requests' });
    case 'server-error':
      return error(operation, 503, 'ServiceUnavailableException', 'Service Unavailable');
    case 'reset':
      return { operation, reset: true };
    case 'malformed':
      return { operation, status: 200, body: '{"items": [{"apiId": "trunc' };
    case 'deny':
      return error(operation, 403, 'AccessDeniedException', `User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: apigateway:GET`);
  }
}

function json(operation: string, status: number, body: unknown): FakeReply {
  return { operation, status, body: JSON.stringify(body) };
}

function error(operation: string, status: number, type: string, message: string, extra: Record<string, string> = {}): FakeReply {
  return { operation, status, headers: { 'x-amzn-errortype': type }, body: JSON.stringify({ message, ...extra }) };
}

function notFound(operation: string, resourceType: string, id: string | undefined): FakeReply {
  return error(operation, 404, 'NotFoundException', `Invalid ${resourceType} identifier specified ${id ?? ''}`, { resourceType });
}

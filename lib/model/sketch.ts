import type {
  SnapshotApi,
  SnapshotIntegration,
  SnapshotIntegrationResponse,
  SnapshotRoute,
  SnapshotRouteResponse,
} from './snapshot';

/**
 * A snapshot API written with only the fields that matter: ids may be left out and are filled
 * in order (api `a1`, integrations `i1`, `i2`, ..., routes `r1`, ..., responses `ir1`, `rr1`, ...).
 * Rule examples, docs and tests are written as sketches so they show nothing but the point.
 */
export type ApiSketch = Record<string, unknown> & {
  ApiId?: string;
  integrations?: (Record<string, unknown> & { IntegrationId?: string; integrationResponses?: Record<string, unknown>[] })[];
  routes?: (Record<string, unknown> & { RouteId?: string; routeResponses?: Record<string, unknown>[] })[];
};

export function apiFromSketch(sketch: ApiSketch): SnapshotApi {
  let responseCount = 0;
  let routeResponseCount = 0;
  const integrations: SnapshotIntegration[] = (sketch.integrations ?? []).map((integration, i) => ({
    ...integration,
    IntegrationId: integration.IntegrationId ?? `i${i + 1}`,
    integrationResponses: (integration.integrationResponses ?? []).map(
      (response): SnapshotIntegrationResponse => ({ ...response, IntegrationResponseId: stringOr(response['IntegrationResponseId'], `ir${++responseCount}`) }),
    ),
  }));
  const routes: SnapshotRoute[] = (sketch.routes ?? []).map((route, r) => ({
    ...route,
    RouteId: route.RouteId ?? `r${r + 1}`,
    routeResponses: (route.routeResponses ?? []).map(
      (response): SnapshotRouteResponse => ({ ...response, RouteResponseId: stringOr(response['RouteResponseId'], `rr${++routeResponseCount}`) }),
    ),
  }));
  return { ...sketch, ApiId: sketch.ApiId ?? 'a1', integrations, routes };
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

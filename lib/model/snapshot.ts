import type { Api, Integration, IntegrationResponse, Route, RouteResponse } from '@aws-sdk/client-apigatewayv2';

/**
 * A resource as a snapshot holds it: the SDK's own field names, but any value may be of the
 * wrong type. The loader checks only the skeleton (arrays, objects, ids) and lets every other
 * mistake through, because reporting such values is what the rules are for; rules therefore
 * read fields through lib/rules/values.ts rather than trusting the SDK's types.
 */
export type AsRead<T> = { [K in keyof T]?: unknown } & Record<string, unknown>;

export type SnapshotIntegrationResponse = AsRead<IntegrationResponse> & { IntegrationResponseId: string };

export type SnapshotRouteResponse = AsRead<RouteResponse> & { RouteResponseId: string };

export type SnapshotIntegration = AsRead<Integration> & {
  IntegrationId: string;
  integrationResponses: SnapshotIntegrationResponse[];
};

export type SnapshotRoute = AsRead<Route> & {
  RouteId: string;
  routeResponses: SnapshotRouteResponse[];
};

export type SnapshotApi = AsRead<Api> & {
  ApiId: string;
  integrations: SnapshotIntegration[];
  routes: SnapshotRoute[];
};

/** One account and region, as docs/design.md ("Snapshot file") defines it; absent lists are empty. */
export interface Snapshot {
  version?: number;
  accountId?: string;
  region?: string;
  capturedAt?: string;
  apis: SnapshotApi[];
}

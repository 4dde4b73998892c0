import { apiArn, integrationArn, integrationResponseArn, routeArn, routeResponseArn } from './arn';
import type { Finding } from './finding';
import { jsonPath, type LoadedSnapshot } from './load-snapshot';

/** Where a resource sits in the snapshot file it was loaded from. */
export interface SnapshotPlace {
  file: string;
  /** E.g. `$.apis[0].integrations[2].integrationResponses[0]`. */
  jsonPath: string;
}

/**
 * Finds each finding's resource in the snapshot files of an `audit`, by the resource's ARN
 * (with the account, since one ARN can exist in two accounts' snapshots), so a SARIF result
 * can point at the file and the JSON path.
 */
export function snapshotPlaces(loaded: readonly LoadedSnapshot[]): (finding: Finding) => SnapshotPlace | undefined {
  const places = new Map<string, SnapshotPlace>();
  for (const { file, snapshot } of loaded) {
    const region = snapshot.region ?? '';
    const put = (arn: string, path: (string | number)[]) => places.set(`${snapshot.accountId ?? ''} ${arn}`, { file, jsonPath: jsonPath(path) });
    snapshot.apis.forEach((api, a) => {
      put(apiArn(region, api.ApiId), ['apis', a]);
      api.integrations.forEach((integration, i) => {
        put(integrationArn(region, api.ApiId, integration.IntegrationId), ['apis', a, 'integrations', i]);
        integration.integrationResponses.forEach((response, r) => {
          put(integrationResponseArn(region, api.ApiId, integration.IntegrationId, response.IntegrationResponseId), ['apis', a, 'integrations', i, 'integrationResponses', r]);
        });
      });
      api.routes.forEach((route, r) => {
        put(routeArn(region, api.ApiId, route.RouteId), ['apis', a, 'routes', r]);
        route.routeResponses.forEach((response, rr) => put(routeResponseArn(region, api.ApiId, route.RouteId, response.RouteResponseId), ['apis', a, 'routes', r, 'routeResponses', rr]));
      });
    });
  }
  return (finding) => places.get(`${finding.resource.accountId ?? ''} ${finding.resource.arn}`);
}

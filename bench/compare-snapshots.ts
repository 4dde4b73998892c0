import { toSnapshotData } from '../lib/collect/snapshot-data';
import type { Snapshot } from '../lib/model/snapshot';

/** How a collected snapshot differs from the account it was collected from, resource by resource. */
export interface SnapshotComparison {
  /** Resources (APIs, integrations, integration responses, routes, route responses) in the account. */
  expected: number;
  /** In the account, missing from the snapshot. */
  lost: number;
  /** In both, with different fields. */
  altered: number;
  /** In the snapshot, not in the account (e.g. an API the walk read although it was deleted). */
  unexpected: number;
}

/** The snapshot's own child lists: a resource's fields are compared without them. */
const CHILD_LISTS = new Set(['integrations', 'routes', 'integrationResponses', 'routeResponses']);

/**
 * Compares the two in the canonical form the collector writes (sorted keys, no absent members),
 * so only a difference in content counts, never the order the service listed things in.
 */
export function compareSnapshots(account: Snapshot, collected: Snapshot): SnapshotComparison {
  const want = inventory(account);
  const got = inventory(collected);
  let lost = 0;
  let altered = 0;
  for (const [key, fields] of want) {
    const found = got.get(key);
    if (found === undefined) lost += 1;
    else if (found !== fields) altered += 1;
  }
  const unexpected = [...got.keys()].filter((key) => !want.has(key)).length;
  return { expected: want.size, lost, altered, unexpected };
}

/** Every resource by its path under the account (`/apis/A/integrations/I/integrationresponses/R`), with its fields as JSON. */
function inventory(snapshot: Snapshot): Map<string, string> {
  const resources = new Map<string, string>();
  const add = (key: string, resource: Record<string, unknown>) =>
    resources.set(key, JSON.stringify(toSnapshotData(Object.fromEntries(Object.entries(resource).filter(([name]) => !CHILD_LISTS.has(name))))));
  for (const api of snapshot.apis) {
    const apiKey = `/apis/${api.ApiId}`;
    add(apiKey, api);
    for (const integration of api.integrations) {
      const integrationKey = `${apiKey}/integrations/${integration.IntegrationId}`;
      add(integrationKey, integration);
      for (const response of integration.integrationResponses) add(`${integrationKey}/integrationresponses/${response.IntegrationResponseId}`, response);
    }
    for (const route of api.routes) {
      const routeKey = `${apiKey}/routes/${route.RouteId}`;
      add(routeKey, route);
      for (const response of route.routeResponses) add(`${routeKey}/routeresponses/${response.RouteResponseId}`, response);
    }
  }
  return resources;
}

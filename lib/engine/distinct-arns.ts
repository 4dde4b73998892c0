import type { Snapshot } from '../model/snapshot';

interface Identified {
  readonly [key: string]: unknown;
}

/**
 * Whether every node of the snapshot has an ARN no other node has: API ids unique in the
 * snapshot, every other id unique within its parent, and no id holding a `/` (with one,
 * `integrations/a/integrationresponses/b` could be an integration's ARN or a response's). The
 * engine then compares findings for duplicates only within a node (finding-list.ts).
 */
export function arnsAreDistinct(snapshot: Snapshot): boolean {
  if (!idsAreDistinct(snapshot.apis, 'ApiId')) return false;
  return snapshot.apis.every(
    (api) =>
      idsAreDistinct(api.integrations, 'IntegrationId') &&
      idsAreDistinct(api.routes, 'RouteId') &&
      api.integrations.every((integration) => idsAreDistinct(integration.integrationResponses, 'IntegrationResponseId')) &&
      api.routes.every((route) => idsAreDistinct(route.routeResponses, 'RouteResponseId')),
  );
}

function idsAreDistinct(resources: readonly Identified[], field: string): boolean {
  const seen = new Set<unknown>();
  for (const resource of resources) {
    const id = resource[field];
    if (typeof id !== 'string' || id.includes('/') || seen.has(id)) return false;
    seen.add(id);
  }
  return true;
}

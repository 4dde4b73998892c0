import type { SnapshotApi, SnapshotIntegration, SnapshotIntegrationResponse, SnapshotRoute } from './snapshot';

const TARGET_PREFIX = 'integrations/';
const NO_ROUTES: readonly SnapshotRoute[] = Object.freeze([]);

/** The integration or route response key that catches everything no other key matches. */
export const DEFAULT_KEY = '$default';

/**
 * One API with the lookups its rules need, so that no question ("which routes target this
 * integration?", "which integration does this route reach?", "has this integration a $default
 * response?") scans the API again. The engine builds one per API and hands it to every check
 * of the API; rules ask it instead of walking the lists.
 *
 * Each lookup is built on first use and reads the model only through the objects it is given,
 * so a scan's unresolved-value guard, which hands checks a watched view of the API, sees every
 * read a lookup makes on the check's behalf.
 */
export class ApiIndex {
  private integrationsById: Map<string, SnapshotIntegration> | undefined;
  private routesByTarget: Map<string, SnapshotRoute[]> | undefined;
  private readonly derived = new Map<(resource: never) => unknown, WeakMap<object, { value: unknown }>>();

  constructor(readonly api: SnapshotApi) {}

  /** The integration with this id, if the API has it (the first, should two share an id). */
  integration(integrationId: string): SnapshotIntegration | undefined {
    if (this.integrationsById === undefined) {
      this.integrationsById = new Map();
      for (const integration of this.api.integrations) {
        if (!this.integrationsById.has(integration.IntegrationId)) this.integrationsById.set(integration.IntegrationId, integration);
      }
    }
    return this.integrationsById.get(integrationId);
  }

  /** Routes whose Target is `integrations/{IntegrationId}`, in the API's order. */
  routesTargeting(integration: SnapshotIntegration): readonly SnapshotRoute[] {
    if (this.routesByTarget === undefined) {
      this.routesByTarget = new Map();
      for (const route of this.api.routes) {
        const target = route.Target;
        if (typeof target !== 'string') continue;
        const routes = this.routesByTarget.get(target);
        if (routes === undefined) this.routesByTarget.set(target, [route]);
        else routes.push(route);
      }
    }
    return this.routesByTarget.get(`${TARGET_PREFIX}${integration.IntegrationId}`) ?? NO_ROUTES;
  }

  /** The integration a route targets, when the API has it. */
  targetOf(route: SnapshotRoute): SnapshotIntegration | undefined {
    const target = route.Target;
    return typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? this.integration(target.slice(TARGET_PREFIX.length)) : undefined;
  }

  /** The integration's first `$default` integration response, if it has one. */
  defaultResponseOf(integration: SnapshotIntegration): SnapshotIntegrationResponse | undefined {
    return this.derive(integration, findDefaultResponse);
  }

  /**
   * `compute(resource)`, computed once per audit of this API and then shared: for analyses of
   * a whole integration that several of its responses (or several rules) would otherwise redo.
   * Keyed by the function, so each analysis has its own slot; gone with the index, so a later
   * audit of a changed snapshot never sees a stale value.
   */
  derive<R extends object, T>(resource: R, compute: (resource: R) => T): T {
    let values = this.derived.get(compute);
    if (values === undefined) this.derived.set(compute, (values = new WeakMap()));
    const hit = values.get(resource);
    // The slot for `compute` only ever holds values `compute` returned.
    if (hit !== undefined) return hit.value as T;
    const value = compute(resource);
    values.set(resource, { value });
    return value;
  }
}

function findDefaultResponse(integration: SnapshotIntegration): SnapshotIntegrationResponse | undefined {
  return integration.integrationResponses.find((response) => response.IntegrationResponseKey === DEFAULT_KEY);
}

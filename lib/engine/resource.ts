import { apiArn, integrationArn, integrationResponseArn, routeArn, routeResponseArn } from '../model/arn';
import type { FindingResource } from '../model/finding';
import type { Snapshot, SnapshotApi, SnapshotRoute } from '../model/snapshot';
import type { ApiNode, IntegrationNode, IntegrationResponseNode, RouteNode, RouteResponseNode } from '../rules/rule';
import { text } from '../rules/values';

/**
 * The resource block of a finding for each kind of node: the resource itself plus every
 * enclosing id, so a reader can find it in the console or in code.
 */
export class ResourceDescriber {
  private readonly region: string;
  /** The API part of every resource block, built once per API (findings of one API share it). */
  private readonly apiFieldsCache = new WeakMap<SnapshotApi, ApiFields>();

  constructor(private readonly snapshot: Snapshot) {
    this.region = snapshot.region ?? '';
  }

  api({ api }: ApiNode): FindingResource {
    return { type: 'Api', arn: apiArn(this.region, api.ApiId), ...this.apiFields(api) };
  }

  integration({ api, integration, routes }: IntegrationNode): FindingResource {
    return {
      type: 'Integration',
      arn: integrationArn(this.region, api.ApiId, integration.IntegrationId),
      ...this.apiFields(api),
      integrationId: integration.IntegrationId,
      ...soleRoute(routes),
    };
  }

  integrationResponse({ api, integration, routes, response }: IntegrationResponseNode): FindingResource {
    return {
      type: 'IntegrationResponse',
      arn: integrationResponseArn(this.region, api.ApiId, integration.IntegrationId, response.IntegrationResponseId),
      ...this.apiFields(api),
      integrationId: integration.IntegrationId,
      integrationResponseId: response.IntegrationResponseId,
      ...optional('integrationResponseKey', text(response.IntegrationResponseKey)),
      ...soleRoute(routes),
    };
  }

  route({ api, route, integration }: RouteNode): FindingResource {
    return {
      type: 'Route',
      arn: routeArn(this.region, api.ApiId, route.RouteId),
      ...this.apiFields(api),
      ...optional('integrationId', integration?.IntegrationId),
      ...routeFields(route),
    };
  }

  routeResponse(node: RouteResponseNode): FindingResource {
    const { api, route, response } = node;
    return {
      ...this.route(node),
      type: 'RouteResponse',
      arn: routeResponseArn(this.region, api.ApiId, route.RouteId, response.RouteResponseId),
      routeResponseId: response.RouteResponseId,
      ...optional('routeResponseKey', text(response.RouteResponseKey)),
    };
  }

  private apiFields(api: SnapshotApi): ApiFields {
    let fields = this.apiFieldsCache.get(api);
    if (fields === undefined) {
      fields = {
        ...optional('accountId', this.snapshot.accountId),
        ...optional('region', this.snapshot.region),
        apiId: api.ApiId,
        ...optional('apiName', text(api.Name)),
        ...optional('protocolType', text(api.ProtocolType)),
      };
      this.apiFieldsCache.set(api, fields);
    }
    return fields;
  }
}

type ApiFields = Pick<FindingResource, 'accountId' | 'region' | 'apiId' | 'apiName' | 'protocolType'>;

function routeFields(route: SnapshotRoute) {
  return { routeId: route.RouteId, ...optional('routeKey', text(route.RouteKey)) };
}

/** An integration's findings name its route when it serves exactly one; with several, none is "the" route. */
function soleRoute(routes: readonly SnapshotRoute[]) {
  const [only, ...others] = routes;
  return only !== undefined && others.length === 0 ? routeFields(only) : {};
}

/** `{ [key]: value }` when the value is known; exactOptionalPropertyTypes forbids explicit undefined. */
function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

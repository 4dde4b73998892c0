import { apiArn, integrationArn, integrationResponseArn, routeArn, routeResponseArn } from '../model/arn';
import type { FindingResource, ResourceType } from '../model/finding';
import type { Snapshot, SnapshotApi, SnapshotRoute } from '../model/snapshot';
import type { ApiNode, IntegrationNode, IntegrationResponseNode, RouteNode, RouteResponseNode } from '../rules/rule';
import { text } from '../rules/values';

/** How each text of a resource block is made safe to print (the redaction of evaluate.ts). */
export type Clean = (text: string) => string;

type OptionalField = Exclude<keyof FindingResource, 'type' | 'arn' | 'apiId'>;

/**
 * The resource block of a finding for each kind of node: the resource itself plus every
 * enclosing id, so a reader can find it in the console or in code. Every text in it has been
 * through `clean`. Fields are added in the contract's order (docs/design.md), one at a time
 * rather than spread from partial objects: one block is built for every node with a finding.
 */
export class ResourceDescriber {
  private readonly region: string;

  constructor(private readonly snapshot: Snapshot) {
    this.region = snapshot.region ?? '';
  }

  api({ api }: ApiNode, clean: Clean): FindingResource {
    return this.start('Api', apiArn(this.region, api.ApiId), api, clean);
  }

  integration({ api, integration, routes }: IntegrationNode, clean: Clean): FindingResource {
    const resource = this.start('Integration', integrationArn(this.region, api.ApiId, integration.IntegrationId), api, clean);
    resource.integrationId = clean(integration.IntegrationId);
    addSoleRoute(resource, routes, clean);
    return resource;
  }

  integrationResponse({ api, integration, routes, response }: IntegrationResponseNode, clean: Clean): FindingResource {
    const resource = this.start('IntegrationResponse', integrationResponseArn(this.region, api.ApiId, integration.IntegrationId, response.IntegrationResponseId), api, clean);
    resource.integrationId = clean(integration.IntegrationId);
    resource.integrationResponseId = clean(response.IntegrationResponseId);
    addKnown(resource, 'integrationResponseKey', text(response.IntegrationResponseKey), clean);
    addSoleRoute(resource, routes, clean);
    return resource;
  }

  route({ api, route, integration }: RouteNode, clean: Clean): FindingResource {
    const resource = this.start('Route', routeArn(this.region, api.ApiId, route.RouteId), api, clean);
    addKnown(resource, 'integrationId', integration?.IntegrationId, clean);
    addRoute(resource, route, clean);
    return resource;
  }

  routeResponse({ api, route, integration, response }: RouteResponseNode, clean: Clean): FindingResource {
    const resource = this.start('RouteResponse', routeResponseArn(this.region, api.ApiId, route.RouteId, response.RouteResponseId), api, clean);
    addKnown(resource, 'integrationId', integration?.IntegrationId, clean);
    addRoute(resource, route, clean);
    resource.routeResponseId = clean(response.RouteResponseId);
    addKnown(resource, 'routeResponseKey', text(response.RouteResponseKey), clean);
    return resource;
  }

  /** The type, the ARN and the API's part, which every block starts with. */
  private start(type: ResourceType, arn: string, api: SnapshotApi, clean: Clean): FindingResource {
    // apiId is set three lines down: the contract puts the account and region before it.
    const resource = { type, arn: clean(arn) } as FindingResource;
    addKnown(resource, 'accountId', this.snapshot.accountId, clean);
    addKnown(resource, 'region', this.snapshot.region, clean);
    resource.apiId = clean(api.ApiId);
    addKnown(resource, 'apiName', text(api.Name), clean);
    addKnown(resource, 'protocolType', text(api.ProtocolType), clean);
    return resource;
  }
}

function addRoute(resource: FindingResource, route: SnapshotRoute, clean: Clean): void {
  resource.routeId = clean(route.RouteId);
  addKnown(resource, 'routeKey', text(route.RouteKey), clean);
}

/** An integration's findings name its route when it serves exactly one; with several, none is "the" route. */
function addSoleRoute(resource: FindingResource, routes: readonly SnapshotRoute[], clean: Clean): void {
  if (routes.length === 1) addRoute(resource, routes[0]!, clean);
}

/** The field when its value is known; exactOptionalPropertyTypes forbids explicit undefined. */
function addKnown(resource: FindingResource, key: OptionalField, value: string | undefined, clean: Clean): void {
  if (value !== undefined) resource[key] = clean(value);
}

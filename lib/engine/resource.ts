import { apiArn, integrationArn, integrationResponseArn, routeArn, routeResponseArn } from '../model/arn';
import type { FindingResource, ResourceType } from '../model/finding';
import type { Snapshot, SnapshotApi, SnapshotRoute } from '../model/snapshot';
import type { ApiNode, IntegrationNode, IntegrationResponseNode, RouteNode, RouteResponseNode } from '../rules/rule';
import { text } from '../rules/values';

/** How each text of a finding is made safe to print (the redaction of evaluate.ts). */
export interface Redaction {
  /** A text that recurs (a name, an id, a key, a path, a message). */
  text(text: string): string;
  /** A text made for one node, its ARN: no other finding will ask for it again. */
  once(text: string): string;
}

type OptionalField = Exclude<keyof FindingResource, 'type' | 'arn' | 'apiId'>;

/**
 * The resource block of a finding for each kind of node: the resource itself plus every
 * enclosing id, so a reader can find it in the console or in code. Every text in it has been
 * through `clean`. Fields are added in the contract's order (docs/design.md), one at a time
 * rather than spread from partial objects: one block is built for every node with a finding.
 */
export class ResourceDescriber {
  private readonly region: string;
  /** The last API's part of a block, redacted the usual way: the walk visits one API at a time. */
  private apiPart: { api: SnapshotApi; part: ApiPart } | undefined;

  /** `usual` is the redaction of nodes without credentials of their own, whose API part is shared. */
  constructor(
    private readonly snapshot: Snapshot,
    private readonly usual: Redaction,
  ) {
    this.region = snapshot.region ?? '';
  }

  api({ api }: ApiNode, clean: Redaction): FindingResource {
    return this.start('Api', apiArn(this.region, api.ApiId), api, clean);
  }

  integration({ api, integration, routes }: IntegrationNode, clean: Redaction): FindingResource {
    const resource = this.start('Integration', integrationArn(this.region, api.ApiId, integration.IntegrationId), api, clean);
    resource.integrationId = clean.text(integration.IntegrationId);
    addSoleRoute(resource, routes, clean);
    return resource;
  }

  integrationResponse({ api, integration, routes, response }: IntegrationResponseNode, clean: Redaction): FindingResource {
    const resource = this.start('IntegrationResponse', integrationResponseArn(this.region, api.ApiId, integration.IntegrationId, response.IntegrationResponseId), api, clean);
    resource.integrationId = clean.text(integration.IntegrationId);
    resource.integrationResponseId = clean.text(response.IntegrationResponseId);
    addKnown(resource, 'integrationResponseKey', text(response.IntegrationResponseKey), clean);
    addSoleRoute(resource, routes, clean);
    return resource;
  }

  route({ api, route, integration }: RouteNode, clean: Redaction): FindingResource {
    const resource = this.start('Route', routeArn(this.region, api.ApiId, route.RouteId), api, clean);
    addKnown(resource, 'integrationId', integration?.IntegrationId, clean);
    addRoute(resource, route, clean);
    return resource;
  }

  routeResponse({ api, route, integration, response }: RouteResponseNode, clean: Redaction): FindingResource {
    const resource = this.start('RouteResponse', routeResponseArn(this.region, api.ApiId, route.RouteId, response.RouteResponseId), api, clean);
    addKnown(resource, 'integrationId', integration?.IntegrationId, clean);
    addRoute(resource, route, clean);
    resource.routeResponseId = clean.text(response.RouteResponseId);
    addKnown(resource, 'routeResponseKey', text(response.RouteResponseKey), clean);
    return resource;
  }

  /** The type, the ARN and the API's part, which every block starts with. */
  private start(type: ResourceType, arn: string, api: SnapshotApi, clean: Redaction): FindingResource {
    const resource = { type, arn: clean.once(arn) } as FindingResource;
    const part = clean === this.usual ? this.usualApiPart(api) : this.apiPartOf(api, clean);
    // Copied key by key, in the contract's order (docs/design.md); apiId among them.
    for (const key in part) resource[key as keyof ApiPart] = part[key as keyof ApiPart]!;
    return resource;
  }

  private usualApiPart(api: SnapshotApi): ApiPart {
    if (this.apiPart?.api !== api) this.apiPart = { api, part: this.apiPartOf(api, this.usual) };
    return this.apiPart.part;
  }

  private apiPartOf(api: SnapshotApi, clean: Redaction): ApiPart {
    const part = {} as ApiPart;
    addKnown(part, 'accountId', this.snapshot.accountId, clean);
    addKnown(part, 'region', this.snapshot.region, clean);
    // apiId between them: the contract puts the account and region first.
    part.apiId = clean.text(api.ApiId);
    addKnown(part, 'apiName', text(api.Name), clean);
    addKnown(part, 'protocolType', text(api.ProtocolType), clean);
    return part;
  }
}

type ApiPart = Pick<FindingResource, 'accountId' | 'region' | 'apiId' | 'apiName' | 'protocolType'>;

function addRoute(resource: FindingResource, route: SnapshotRoute, clean: Redaction): void {
  resource.routeId = clean.text(route.RouteId);
  addKnown(resource, 'routeKey', text(route.RouteKey), clean);
}

/** An integration's findings name its route when it serves exactly one; with several, none is "the" route. */
function addSoleRoute(resource: FindingResource, routes: readonly SnapshotRoute[], clean: Redaction): void {
  if (routes.length === 1) addRoute(resource, routes[0]!, clean);
}

/** The field when its value is known; exactOptionalPropertyTypes forbids explicit undefined. */
function addKnown<K extends OptionalField>(resource: Pick<FindingResource, K>, key: K, value: string | undefined, clean: Redaction): void {
  if (value !== undefined) resource[key] = clean.text(value);
}

import type { SnapshotWarning } from '../model/load-snapshot';
import type {
  Snapshot,
  SnapshotApi,
  SnapshotIntegration,
  SnapshotIntegrationResponse,
  SnapshotRoute,
  SnapshotRouteResponse,
} from '../model/snapshot';
import { ALL_FIELDS, isUnresolved, markUnknown, type Unresolved } from '../model/unresolved';
import { isPlainObject, mapPath } from '../rules/values';
import type { IacError } from './iac-error';
import type { PropertyPath } from './property-path';
import { SourceMap, type Position } from './source-map';

export type IacKind = 'api' | 'integration' | 'integrationResponse' | 'route' | 'routeResponse';

/**
 * One API Gateway resource as a reader found it in code, before the resources are linked into
 * a snapshot: its fields already in the SDK's names and shapes, its links still as values
 * (which may be Unresolved).
 */
export interface IacResource {
  kind: IacKind;
  /** The snapshot id: a CloudFormation logical id or a Terraform address. */
  id: string;
  file: string;
  position: Position;
  fields: Record<string, unknown>;
  /** The API it belongs to (`ApiId`); every kind but the API has one. */
  apiId?: unknown;
  /** The integration of an integration response, the route of a route response. */
  parentId?: unknown;
  /** Where the link that names its parent (or API) is written. */
  linkPosition?: Position;
  /** Where each written property is, by its path in the SDK's names. */
  properties: [PropertyPath, Position][];
}

/** One value the scan could not resolve, or a resource it knows only by reference. */
export interface UnresolvedValue {
  file: string;
  resource: string;
  path: string;
  reason: string;
}

/** What a reader produced from one template, Terraform configuration or plan. */
export interface IacDocument {
  /** The file (or folder) findings and errors are reported against when no resource is. */
  source: string;
  resources: IacResource[];
  warnings: SnapshotWarning[];
  /** What the reader could not read although the document is otherwise read (an API's definition in S3): the audit is incomplete. */
  errors?: IacError[];
  /** The files read as nested stacks' templates (CloudFormation): the scan does not read them again on their own. */
  nestedTemplates?: string[];
}

export interface AssembledDocument {
  snapshot: Snapshot;
  sourceMap: SourceMap;
  unresolved: UnresolvedValue[];
  warnings: SnapshotWarning[];
}

/**
 * Links the resources of one document into a snapshot: integrations and routes to their API,
 * responses to their integration or route. A link that points outside the document (an API
 * imported from another stack, a Terraform variable) gets a placeholder parent whose fields
 * are all unknown; a link that could not be resolved also makes the children lists it might
 * belong to unknown, so no rule concludes "this integration has no responses" from it.
 */
export function assemble(document: IacDocument): AssembledDocument {
  return new Assembler(document).run();
}

class Assembler {
  private readonly sourceMap = new SourceMap();
  private readonly unresolved: UnresolvedValue[] = [];
  private readonly apis = new Map<string, SnapshotApi>();
  private readonly placeholderApis = new Map<string, SnapshotApi>();
  private readonly integrations = new Map<string, Parent<SnapshotIntegrationResponse>>();
  private readonly routes = new Map<string, Parent<SnapshotRouteResponse>>();
  private readonly placeholderParents = new Map<string, Parent<unknown>>();

  constructor(private readonly document: IacDocument) {}

  run(): AssembledDocument {
    const byKind = (kind: IacKind) => this.document.resources.filter((resource) => resource.kind === kind);
    for (const resource of byKind('api')) {
      const api: SnapshotApi = { ...resource.fields, ApiId: resource.id, integrations: [], routes: [] };
      this.apis.set(resource.id, api);
      this.register(resource);
    }
    for (const resource of byKind('integration')) {
      const api = this.apiOf(resource, 'integrations');
      const integration: SnapshotIntegration = { ...resource.fields, IntegrationId: resource.id, integrationResponses: [] };
      api.integrations.push(integration);
      this.integrations.set(resource.id, { api, parent: integration, children: integration.integrationResponses });
      this.register(resource);
    }
    for (const resource of byKind('route')) {
      const api = this.apiOf(resource, 'routes');
      const route: SnapshotRoute = { ...resource.fields, RouteId: resource.id, routeResponses: [] };
      api.routes.push(route);
      this.routes.set(resource.id, { api, parent: route, children: route.routeResponses });
      this.register(resource);
    }
    for (const resource of byKind('integrationResponse')) {
      const integration = this.parentOf(resource, this.integrations, 'integrations', (api, id) => {
        const placeholder: SnapshotIntegration = { IntegrationId: id, integrationResponses: [] };
        api.integrations.push(placeholder);
        return { api, parent: placeholder, children: placeholder.integrationResponses };
      });
      integration.push({ ...resource.fields, IntegrationResponseId: resource.id } satisfies SnapshotIntegrationResponse);
      this.register(resource);
    }
    for (const resource of byKind('routeResponse')) {
      const route = this.parentOf(resource, this.routes, 'routes', (api, id) => {
        const placeholder: SnapshotRoute = { RouteId: id, routeResponses: [] };
        api.routes.push(placeholder);
        return { api, parent: placeholder, children: placeholder.routeResponses };
      });
      route.push({ ...resource.fields, RouteResponseId: resource.id } satisfies SnapshotRouteResponse);
      this.register(resource);
    }
    return {
      snapshot: { apis: [...this.apis.values(), ...this.placeholderApis.values()] },
      sourceMap: this.sourceMap,
      unresolved: this.unresolved,
      warnings: this.document.warnings,
    };
  }

  private register(resource: IacResource): void {
    this.sourceMap.resource(resource.id, resource.file, resource.id, resource.position);
    for (const [path, position] of resource.properties) this.sourceMap.property(resource.id, path, position);
    for (const [path, value] of unresolvedLeaves(resource.fields, [])) {
      this.unresolved.push({ file: resource.file, resource: resource.id, path: mapPath(path[0]!, ...path.slice(1)), reason: value.reason });
    }
  }

  /** The API an integration or route belongs to; a placeholder when it is not in the document. */
  private apiOf(resource: IacResource, list: 'integrations' | 'routes'): SnapshotApi {
    const link = resource.apiId;
    if (typeof link === 'string' && this.apis.has(link)) return this.apis.get(link)!;
    if (isUnresolved(link)) for (const api of this.apis.values()) markUnknown(api, list);
    return this.placeholderApi(resource, link);
  }

  private placeholderApi(resource: IacResource, link: unknown): SnapshotApi {
    const id = placeholderId(link, 'API');
    const known = this.placeholderApis.get(id);
    if (known !== undefined) return known;
    const api: SnapshotApi = { ApiId: id, integrations: [], routes: [] };
    markUnknown(api, ALL_FIELDS);
    this.placeholderApis.set(id, api);
    this.placeholder(id, resource, 'ApiId', link);
    return api;
  }

  /**
   * The children list of the integration (route) a response belongs to; a placeholder's when
   * that is not in the document.
   */
  private parentOf<T>(resource: IacResource, parents: Map<string, Parent<T>>, list: 'integrations' | 'routes', create: (api: SnapshotApi, id: string) => Parent<T>): T[] {
    const link = resource.parentId;
    const known = typeof link === 'string' ? parents.get(link) : undefined;
    if (known !== undefined) return known.children;
    const api = this.apiOf(resource, list);
    const childList = list === 'integrations' ? 'integrationResponses' : 'routeResponses';
    if (isUnresolved(link)) for (const entry of parents.values()) if (entry.api === api || isUnresolved(resource.apiId)) markUnknown(entry.parent, childList);
    const id = placeholderId(link, list === 'integrations' ? 'integration' : 'route');
    const key = `${api.ApiId}\n${id}`;
    const existing = this.placeholderParents.get(key) as Parent<T> | undefined;
    if (existing !== undefined) return existing.children;
    const created = create(api, id);
    markUnknown(created.parent, ALL_FIELDS);
    this.placeholderParents.set(key, created as Parent<unknown>);
    this.placeholder(id, resource, list === 'integrations' ? 'IntegrationId' : 'RouteId', link);
    return created.children;
  }

  /** A placeholder is located where the link to it is written, and counts as one unresolved value. */
  private placeholder(id: string, resource: IacResource, field: string, link: unknown): void {
    this.sourceMap.resource(id, resource.file, id, resource.linkPosition ?? resource.position);
    this.unresolved.push({
      file: resource.file,
      resource: resource.id,
      path: field,
      reason: isUnresolved(link) ? link.reason : link === undefined ? `no ${field}` : `${JSON.stringify(link)} is not defined in ${this.document.source}`,
    });
  }
}

/** An integration or route with the list its responses go into. */
interface Parent<T> {
  api: SnapshotApi;
  parent: object;
  children: T[];
}

function placeholderId(link: unknown, noun: string): string {
  if (typeof link === 'string') return link;
  if (isUnresolved(link)) return `(${noun} ${link.reason})`;
  return `(${noun} not named)`;
}

function unresolvedLeaves(value: unknown, path: string[]): [string[], Unresolved][] {
  if (isUnresolved(value)) return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => unresolvedLeaves(item, [...path, String(index)]));
  if (isPlainObject(value)) return Object.entries(value).flatMap(([key, item]) => unresolvedLeaves(item, [...path, key]));
  return [];
}

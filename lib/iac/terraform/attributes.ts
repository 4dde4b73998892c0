import { isKnownField } from '../../model/known-fields';
import { isUnresolved, Unresolved } from '../../model/unresolved';
import { isPlainObject } from '../../rules/values';
import type { IacKind, IacResource } from '../assemble';
import type { SourcePath } from '../positions';
import type { PropertyPath } from '../property-path';
import type { Position } from '../source-map';

/** The AWS provider's API Gateway V2 resource types and what each is in the snapshot. */
export const TERRAFORM_TYPES: Record<string, IacKind> = {
  aws_apigatewayv2_api: 'api',
  aws_apigatewayv2_integration: 'integration',
  aws_apigatewayv2_integration_response: 'integrationResponse',
  aws_apigatewayv2_route: 'route',
  aws_apigatewayv2_route_response: 'routeResponse',
};

/** The argument that names the parent of each kind (the API for all, plus the integration or route). */
const TERRAFORM_LINKS: Record<IacKind, { api?: string; parent?: string }> = {
  api: {},
  integration: { api: 'api_id' },
  route: { api: 'api_id' },
  integrationResponse: { api: 'api_id', parent: 'integration_id' },
  routeResponse: { api: 'api_id', parent: 'route_id' },
};

/** What a Terraform reader knows of one resource: its values, and where (by path in the values) things are written. */
export interface TerraformResource {
  kind: IacKind;
  address: string;
  file: string;
  position: Position;
  values: Record<string, unknown>;
  positionOf(path: SourcePath): Position | undefined;
  /** The snapshot id a link argument's value stands for (a plan translates ids and references); by default the value. */
  link?: (argument: string, value: unknown) => unknown;
}

/** The resource for the snapshot: SDK fields, links to its parents, and the positions of its properties. */
export function terraformResource({ kind, address, file, position, values, positionOf, link = (_argument, value) => value }: TerraformResource): IacResource {
  const { fields, paths } = toSdkFields(kind, values);
  const links = TERRAFORM_LINKS[kind];
  const properties = paths.flatMap(([path, source]): [PropertyPath, Position][] => {
    const at = positionOf(source);
    return at === undefined ? [] : [[path, at]];
  });
  const linkName = links.parent ?? links.api;
  const linkPosition = linkName === undefined ? undefined : positionOf([linkName]);
  return {
    kind,
    id: address,
    file,
    position,
    fields,
    ...(links.api === undefined ? {} : { apiId: link(links.api, values[links.api]) }),
    ...(links.parent === undefined ? {} : { parentId: link(links.parent, values[links.parent]) }),
    ...(linkPosition === undefined ? {} : { linkPosition }),
    properties,
  };
}

interface ConvertedFields {
  fields: Record<string, unknown>;
  /** Each field's path in the snapshot beside its path in the Terraform values, for locations. */
  paths: [PropertyPath, SourcePath][];
}

/**
 * Converts a resource's Terraform arguments (as configured, or as a plan's values) to the
 * SDK's fields: snake_case names to PascalCase (`timeout_milliseconds` is `TimeoutInMillis`),
 * nested blocks (`tls_config`, `cors_configuration`) to objects, and the two repeated blocks
 * to the API's maps: `response_parameters { status_code, mappings }` to
 * `ResponseParameters[status][key]` and `request_parameter { request_parameter_key, required }`
 * to `RequestParameters[key].Required`. Arguments with no SDK field (tags_all, meta-arguments)
 * are dropped. (`dynamic` blocks are expanded by the reader before this: see blocks.ts.)
 */
function toSdkFields(kind: IacKind, values: Record<string, unknown>): ConvertedFields {
  const fields: Record<string, unknown> = {};
  const paths: [PropertyPath, SourcePath][] = [];
  const links = TERRAFORM_LINKS[kind];
  for (const [name, value] of Object.entries(values)) {
    if (name === links.api || name === links.parent) continue;
    const field = fieldName(name);
    // A block written zero times (a plan lists it as []) is not set.
    if (!isKnownField(kind, field) || value === null || (BLOCKS.has(name) && Array.isArray(value) && value.length === 0)) continue;
    if (name === 'response_parameters') fields[field] = responseParameters(value, paths);
    else if (name === 'request_parameter') fields[field] = requestParameters(value, paths);
    else {
      fields[field] = isBlockList(value) ? pascalKeys(value[0]) : value;
      mirrorPaths(value, [field], [name], paths);
    }
  }
  return { fields, paths };
}

/** The nested blocks of these resources (everything else is an argument). */
const BLOCKS = new Set(['cors_configuration', 'tls_config', 'response_parameters', 'request_parameter']);

const RENAMED: Record<string, string> = { timeout_milliseconds: 'TimeoutInMillis', request_parameter: 'RequestParameters' };

function fieldName(name: string): string {
  return RENAMED[name] ?? name.split('_').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}

/** A single nested block (hcl2json and plans both write blocks as lists of objects). */
function isBlockList(value: unknown): value is [Record<string, unknown>] {
  return Array.isArray(value) && value.length === 1 && isPlainObject(value[0]);
}

function pascalKeys(block: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(block).map(([key, value]) => [fieldName(key), value]));
}

function mirrorPaths(value: unknown, path: PropertyPath, source: SourcePath, out: [PropertyPath, SourcePath][]): void {
  out.push([path, source]);
  if (isBlockList(value)) for (const key of Object.keys(value[0])) out.push([[...path, fieldName(key)], [...source, 0, key]]);
  else if (isPlainObject(value)) for (const key of Object.keys(value)) out.push([[...path, key], [...source, key]]);
}

function responseParameters(value: unknown, out: [PropertyPath, SourcePath][]): unknown {
  if (isUnresolved(value) || !Array.isArray(value)) return value;
  out.push([['ResponseParameters'], ['response_parameters', 0]]);
  const map: Record<string, unknown> = {};
  value.forEach((block, index) => {
    if (!isPlainObject(block)) return;
    const status = block['status_code'];
    if (isUnresolved(status)) {
      map[`(unresolved status_code #${index + 1})`] = new Unresolved(status.reason);
      return;
    }
    const key = String(status);
    map[key] = block['mappings'];
    out.push([['ResponseParameters', key], ['response_parameters', index]]);
    if (isPlainObject(block['mappings'])) {
      for (const mapping of Object.keys(block['mappings'])) out.push([['ResponseParameters', key, mapping], ['response_parameters', index, 'mappings', mapping]]);
    }
  });
  return map;
}

function requestParameters(value: unknown, out: [PropertyPath, SourcePath][]): unknown {
  if (isUnresolved(value) || !Array.isArray(value)) return value;
  const map: Record<string, unknown> = {};
  value.forEach((block, index) => {
    if (!isPlainObject(block) || typeof block['request_parameter_key'] !== 'string') return;
    map[block['request_parameter_key']] = { Required: block['required'] };
    out.push([['RequestParameters', block['request_parameter_key']], ['request_parameter', index]]);
  });
  return map;
}

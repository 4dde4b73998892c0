import { isUnresolved, Unresolved } from '../../model/unresolved';
import { isPlainObject } from '../../rules/values';
import type { IacResource } from '../assemble';
import { positionsAlong, type SourcePath } from '../positions';
import type { PropertyPath } from '../property-path';
import type { Position } from '../source-map';

/** Where an OpenAPI definition sits, so its resources can be located and named. */
export interface OpenApiOrigin {
  /** The API the definition belongs to (its logical id or Terraform address). */
  apiId: string;
  /** The file the definition is written in (the template, or the definition's own file). */
  file: string;
  /** Where a path inside the definition is written, when it is. */
  positionOf(path: SourcePath): Position | undefined;
  /** Where the API is written: a resource without a position of its own is located there. */
  fallback: Position;
}

/** HTTP methods of an OpenAPI path item, and API Gateway's any-method extension. */
const METHODS: Record<string, string> = {
  get: 'GET', put: 'PUT', post: 'POST', delete: 'DELETE', options: 'OPTIONS', head: 'HEAD', patch: 'PATCH', trace: 'TRACE', 'x-amazon-apigateway-any-method': 'ANY',
};

/**
 * The `x-amazon-apigateway-integration` properties an HTTP API import reads, with the
 * Integration field each becomes ("x-amazon-apigateway-integration object"); the REST-only ones
 * (requestTemplates, responses, passthroughBehavior, ...) are ignored by an HTTP API import.
 */
const INTEGRATION_FIELDS: Record<string, string> = {
  type: 'IntegrationType', uri: 'IntegrationUri', httpMethod: 'IntegrationMethod', payloadFormatVersion: 'PayloadFormatVersion',
  connectionType: 'ConnectionType', connectionId: 'ConnectionId', credentials: 'CredentialsArn', timeoutInMillis: 'TimeoutInMillis',
  integrationSubtype: 'IntegrationSubtype', requestParameters: 'RequestParameters', responseParameters: 'ResponseParameters', tlsConfig: 'TlsConfig',
};

/** Values the import upper-cases (`aws_proxy` is AWS_PROXY). */
const UPPER_CASED = new Set(['IntegrationType', 'ConnectionType']);

/** `x-amazon-apigateway-cors` properties and the CorsConfiguration fields they become. */
const CORS_FIELDS: Record<string, string> = {
  allowOrigins: 'AllowOrigins', allowCredentials: 'AllowCredentials', exposeHeaders: 'ExposeHeaders', maxAge: 'MaxAge', allowMethods: 'AllowMethods', allowHeaders: 'AllowHeaders',
};

/**
 * An HTTP API's OpenAPI definition (a CloudFormation `Body`, a SAM `DefinitionBody`, a body
 * file, a Terraform `body` once evaluated) as what importing it creates: the API fields it sets
 * (`ProtocolType: HTTP`, a CORS configuration) and, for each operation with an
 * `x-amazon-apigateway-integration`, a route (`GET /pets`, `ANY /{proxy+}`) and its integration,
 * with `responseParameters` keyed by status code as the API keeps them. An integration given as a
 * `$ref` to `#/components/x-amazon-apigateway-integrations/...` is followed; any other `$ref` is
 * unresolved.
 */
export function openApiResources(definition: unknown, origin: OpenApiOrigin): { apiFields: Record<string, unknown>; resources: IacResource[] } {
  const apiFields: Record<string, unknown> = { ProtocolType: 'HTTP', RouteSelectionExpression: '$request.method $request.path' };
  if (!isPlainObject(definition)) return { apiFields, resources: [] };
  const cors = definition['x-amazon-apigateway-cors'];
  if (isPlainObject(cors)) apiFields['CorsConfiguration'] = renamed(cors, CORS_FIELDS, (field, value) => (field === 'MaxAge' && typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value));
  const resources: IacResource[] = [];
  const paths = isPlainObject(definition['paths']) ? definition['paths'] : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isPlainObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      const verb = Object.hasOwn(METHODS, method) ? METHODS[method] : undefined;
      const written = isPlainObject(operation) ? operation['x-amazon-apigateway-integration'] : undefined;
      if (verb === undefined || written === undefined) continue;
      const routeKey = `${verb} ${path}`;
      const operationPath: SourcePath = ['paths', path, method];
      const { value: integration, at } = followRef(definition, written, [...operationPath, 'x-amazon-apigateway-integration']);
      const integrationId = `${origin.apiId} ${routeKey} integration`;
      resources.push(resource(origin, 'integration', integrationId, at, integrationFields(integration), INTEGRATION_FIELDS));
      resources.push(resource(origin, 'route', `${origin.apiId} ${routeKey}`, operationPath, { RouteKey: routeKey, Target: `integrations/${integrationId}` }, {}));
    }
  }
  return { apiFields, resources };
}

function integrationFields(integration: unknown): Record<string, unknown> {
  if (isUnresolved(integration)) return { IntegrationType: integration };
  if (!isPlainObject(integration)) return {};
  return renamed(integration, INTEGRATION_FIELDS, (field, value) => {
    if (UPPER_CASED.has(field) && typeof value === 'string') return value.toUpperCase();
    if (field === 'TimeoutInMillis' && typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
    if (field === 'TlsConfig' && isPlainObject(value)) return renamed(value, { serverNameToVerify: 'ServerNameToVerify' }, (_, item) => item);
    return value;
  });
}

/** The properties named in `names`, under their new names, converted. */
function renamed(object: Record<string, unknown>, names: Record<string, string>, convert: (field: string, value: unknown) => unknown): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(object)) if (Object.hasOwn(names, name)) fields[names[name]!] = convert(names[name]!, value);
  return fields;
}

/** An integration written in place, or the one its local `$ref` names. */
function followRef(definition: Record<string, unknown>, written: unknown, at: SourcePath): { value: unknown; at: SourcePath } {
  const ref = isPlainObject(written) ? written['$ref'] : undefined;
  if (typeof ref !== 'string') return { value: written, at };
  const match = /^#\/components\/x-amazon-apigateway-integrations\/([^/]+)$/.exec(ref);
  const components = isPlainObject(definition['components']) ? definition['components']['x-amazon-apigateway-integrations'] : undefined;
  const name = match?.[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
  if (name !== undefined && isPlainObject(components) && Object.hasOwn(components, name)) {
    return { value: components[name], at: ['components', 'x-amazon-apigateway-integrations', name] };
  }
  return { value: new Unresolved(`$ref ${JSON.stringify(ref)} (not a component of this definition)`), at };
}

function resource(origin: OpenApiOrigin, kind: 'integration' | 'route', id: string, at: SourcePath, fields: Record<string, unknown>, names: Record<string, string>): IacResource {
  const properties: [PropertyPath, Position][] = [];
  for (const [name, field] of Object.entries(names)) {
    if (field in fields) positionsAlong(fields[field], [field], [...at, name], origin.positionOf, properties);
  }
  return { kind, id, file: origin.file, position: origin.positionOf(at) ?? origin.fallback, fields, apiId: origin.apiId, properties };
}

/**
 * Snapshot resources in API Gateway V2's restJson1 wire format: member names in lower camel
 * case, timestamps as ISO-8601 strings. Map keys are data, not member names, so only the
 * members known to hold structures are renamed one level down (from the SDK's schemas:
 * Api.CorsConfiguration, Integration.TlsConfig, and the ParameterConstraints maps of
 * Route.RequestParameters and RouteResponse.ResponseParameters).
 */
export type WireKind = 'api' | 'integration' | 'integrationResponse' | 'route' | 'routeResponse';

type Nesting = 'structure' | 'map of structures';

const NESTED: Record<WireKind, Record<string, Nesting>> = {
  api: { CorsConfiguration: 'structure' },
  integration: { TlsConfig: 'structure' },
  integrationResponse: {},
  route: { RequestParameters: 'map of structures' },
  routeResponse: { ResponseParameters: 'map of structures' },
};

/** The snapshot's own child lists, which AWS serves from separate calls. */
const CHILD_LISTS = new Set(['integrations', 'routes', 'integrationResponses', 'routeResponses']);

export function toWire(kind: WireKind, resource: Record<string, unknown>): Record<string, unknown> {
  const wire: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(resource)) {
    if (CHILD_LISTS.has(name) || value === undefined) continue;
    const nesting = NESTED[kind][name];
    wire[lowerCamel(name)] =
      nesting === 'structure' ? renameMembers(value) : nesting === 'map of structures' ? mapValues(value, renameMembers) : timestamps(value);
  }
  return wire;
}

function lowerCamel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function renameMembers(value: unknown): unknown {
  if (!isObject(value)) return timestamps(value);
  return Object.fromEntries(Object.entries(value).map(([name, member]) => [lowerCamel(name), timestamps(member)]));
}

function mapValues(value: unknown, convert: (member: unknown) => unknown): unknown {
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, convert(member)]));
}

/** A snapshot built in code may hold Date objects; on the wire they are ISO strings. */
function timestamps(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

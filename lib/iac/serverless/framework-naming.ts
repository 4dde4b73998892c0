/**
 * The logical ids Serverless Framework v3 gives the resources it generates
 * (lib/plugins/aws/lib/naming.js), so a resource in `resources.Resources` with one of these ids
 * overrides the generated resource as it does when the framework packages the service, and
 * findings name the resource the deployed stack has.
 */

/** `getNormalizedFunctionName`: `my-fn_x` -> `MyDashfnUnderscorex`. */
export function normalizedFunctionName(name: string): string {
  const replaced = name.replace(/-/g, 'Dash').replace(/_/g, 'Underscore');
  return replaced.charAt(0).toUpperCase() + replaced.slice(1);
}

/** `getWebsocketsRouteLogicalId`: `$connect` -> `SconnectWebsocketsRoute`. */
export function websocketRouteLogicalId(route: string): string {
  const normalized = route.replace(/\$/g, 'S').replace(/\//g, 'Slash').replace(/-/g, 'Dash').replace(/_/g, 'Underscore').replace(/\./g, 'Period');
  return `${normalized}WebsocketsRoute`;
}

/** `getHttpApiRouteLogicalId`: `*` -> `HttpApiRouteDefault`, `GET /users/{id}` -> `HttpApiRouteGetUsersIdVar`. */
export function httpApiRouteLogicalId(routeKey: string): string {
  if (routeKey === '*') return 'HttpApiRouteDefault';
  return `HttpApiRoute${routeKey.split('/').map(normalizedPathPart).join('')}`;
}

/** `normalizePathPart`: lodash's `capitalize` (first letter up, the rest down), then only letters and digits. */
function normalizedPathPart(part: string): string {
  const capitalized = part.charAt(0).toUpperCase() + part.slice(1).toLowerCase();
  const normalized = capitalized
    .replace(/-/g, 'Dash')
    .replace(/\{(.*)\}/g, '$1Var')
    .replace(/[^0-9A-Za-z]/g, '');
  return normalized.charAt(0).toUpperCase() + normalized.slice(1);
}

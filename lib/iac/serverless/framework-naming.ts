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

/** What `.` in a regular expression does not match: `.replace(/\{(.*)\}/g, ...)` works line by line. */
const LINE_BREAK = /([\n\r\u2028\u2029])/;

/**
 * One line of `.replace(/\{(.*)\}/g, '$1Var')` (a greedy match: from the first `{` to the last
 * `}`), found with indexOf: the expression itself retries from every `{` of a path of thousands
 * without a `}`, which took a minute for 200 KB.
 */
function bracesToVar(line: string): string {
  const open = line.indexOf('{');
  const close = line.lastIndexOf('}');
  return open < 0 || close < open ? line : `${line.slice(0, open)}${line.slice(open + 1, close)}Var${line.slice(close + 1)}`;
}

/** `normalizePathPart`: lodash's `capitalize` (first letter up, the rest down), then only letters and digits. */
function normalizedPathPart(part: string): string {
  const capitalized = part.charAt(0).toUpperCase() + part.slice(1).toLowerCase();
  const normalized = capitalized
    .replace(/-/g, 'Dash')
    .split(LINE_BREAK)
    .map((line, index) => (index % 2 === 1 ? line : bracesToVar(line)))
    .join('')
    .replace(/[^0-9A-Za-z]/g, '');
  return normalized.charAt(0).toUpperCase() + normalized.slice(1);
}

import { Unresolved } from '../../model/unresolved';
import { isPlainObject, show } from '../../rules/values';
import type { SourcePath } from '../positions';
import { httpApiRouteLogicalId, normalizedFunctionName } from './framework-naming';
import { holdsVariable } from './framework-variables';
import type { FunctionEvent, ServiceFunction } from './function-events';
import type { GeneratedResources } from './generated-resources';
import type { ServiceSettings } from './service-settings';
import { isTruthy, orDefault } from './truthiness';
import type { UnreadConfiguration } from './unread-configuration';

/** The methods an `httpApi` event may name (http-api.js `allowedMethods`), in the framework's order. */
const METHODS = ['ANY', 'GET', 'POST', 'PUT', 'PATCH', 'OPTIONS', 'HEAD', 'DELETE'];
const METHOD_AND_PATH = new RegExp(`^(${METHODS.join('|')}) (\\/\\S*)$`, 'i');

const DEFAULT_CORS_ORIGINS = ['*'];
const DEFAULT_CORS_HEADERS = ['Content-Type', 'X-Amz-Date', 'Authorization', 'X-Api-Key', 'X-Amz-Security-Token', 'X-Amz-User-Agent', 'X-Amzn-Trace-Id'];

interface HttpRoute {
  event: FunctionEvent;
  /** `*` for the default route, else `METHOD /path` (a variable in it left as written). */
  key: string;
  /** The method CORS lists for it: `ANY` for the default route. */
  method: string;
  authorization: Record<string, unknown>;
}

/**
 * The resources Serverless Framework v3 generates for `httpApi` events
 * (lib/plugins/aws/package/compile/events/http-api.js): the API `HttpApi` (unless
 * `provider.httpApi.id` names an existing one) with its CORS configuration, one Lambda proxy
 * integration per function with its payload format version, one route per event (`*` is
 * `$default`) with its authorization, and the authorizers of `provider.httpApi.authorizers`.
 * The stage and log group are not API Gateway V2 configuration the rules read, and are left out.
 * An event the framework refuses (no method, an unknown method, a duplicate route, an unknown
 * authorizer) is named as refused and generates nothing.
 */
export function addHttpApiResources(events: readonly FunctionEvent[], service: ServiceSettings, generated: GeneratedResources, unread: UnreadConfiguration): void {
  const httpApi = service.provider.httpApi;
  const authorizers = isPlainObject(httpApi['authorizers']) ? httpApi['authorizers'] : {};
  const routes = new Map<string, HttpRoute>();
  for (const event of events) {
    const route = routeOf(event, httpApi, authorizers, unread);
    if (route === undefined) continue;
    if (route.key !== '*' && routes.has(route.key)) {
      unread.refused(event.origin, `route ${show(route.key)} is defined twice`);
      continue;
    }
    routes.set(route.key, route);
  }
  if (routes.size === 0) return;
  const external = httpApi['id'];
  const apiId = isTruthy(external) ? external : { Ref: 'HttpApi' };
  const first = [...routes.values()][0]!.event.origin;
  if (isTruthy(external)) {
    for (const setting of ['cors', 'authorizers'] as const) {
      if (isTruthy(httpApi[setting])) unread.refused(['provider', 'httpApi', setting], `an HTTP API named by provider.httpApi.id cannot be given ${setting} here`);
    }
  } else {
    generated.add('HttpApi', first, { Type: 'AWS::ApiGatewayV2::Api', Properties: apiProperties(service, [...routes.values()]) });
    for (const [key, authorizer] of Object.entries(authorizers)) {
      const settings = isPlainObject(authorizer) ? authorizer : {};
      const name = String(orDefault(settings['name'], key));
      generated.add(`HttpApiAuthorizer${normalizedFunctionName(name)}`, ['provider', 'httpApi', 'authorizers', key], {
        Type: 'AWS::ApiGatewayV2::Authorizer',
        Properties: { ApiId: apiId, Name: name, AuthorizerType: settings['type'] === 'request' ? 'REQUEST' : 'JWT' },
      });
    }
  }
  for (const route of routes.values()) {
    const fn = route.event.function;
    const integration = `HttpApiIntegration${normalizedFunctionName(fn.name)}`;
    generated.add(integration, route.event.origin, { Type: 'AWS::ApiGatewayV2::Integration', Properties: integrationProperties(fn, apiId, httpApi) });
    generated.add(httpApiRouteLogicalId(route.key), route.event.origin, {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: {
        ApiId: apiId,
        RouteKey: route.key === '*' ? '$default' : route.key,
        Target: { 'Fn::Join': ['/', ['integrations', { Ref: integration }]] },
        ...route.authorization,
      },
    });
  }
}

/** The route of one event: its key from `'*'`, `'GET /x'` or `{method, path}`, and its authorization. */
function routeOf(event: FunctionEvent, httpApi: Record<string, unknown>, authorizers: Record<string, unknown>, unread: UnreadConfiguration): HttpRoute | undefined {
  const settings = event.settings;
  // The framework passes over an event whose settings are falsy (`httpApi:` with nothing after it).
  if (!isTruthy(settings)) return undefined;
  let method: unknown;
  let path: unknown;
  let authorizer: unknown;
  if (isPlainObject(settings)) {
    ({ method, path, authorizer } = settings);
  } else if (settings === '*') {
    path = '*';
  } else if (holdsVariable(settings)) {
    // `'${self:custom.route}'`: a route whose key is not known; it still has its integration.
    return { event, key: settings, method: 'ANY', authorization: {} };
  } else {
    const match = METHOD_AND_PATH.exec(String(settings));
    if (match === null) {
      unread.refused(event.origin, `${show(settings)} is neither '*' nor 'METHOD /path'`);
      return undefined;
    }
    [, method, path] = match;
  }
  path = String(path);
  let key: string;
  let resolvedMethod: string;
  if (path === '*') {
    if (isTruthy(method) && method !== '*') {
      unread.refused(event.origin, `path '*' (the default route) takes no method, not ${show(method)}`);
      return undefined;
    }
    key = '*';
    resolvedMethod = 'ANY';
  } else {
    if (!isTruthy(method)) {
      unread.refused(event.origin, `the route ${show(path)} has no method`);
      return undefined;
    }
    // A method from a variable keeps its text: upper-casing it would change the variable.
    resolvedMethod = holdsVariable(method) ? method : String(method).toUpperCase();
    if (resolvedMethod === '*') resolvedMethod = 'ANY';
    if (!holdsVariable(resolvedMethod) && !METHODS.includes(resolvedMethod)) {
      unread.refused(event.origin, `${show(method)} is not a method an HTTP API route takes (${METHODS.join(', ')})`);
      return undefined;
    }
    key = `${resolvedMethod} ${String(path)}`;
  }
  const authorization = authorizer === undefined || authorizer === null || authorizer === false || authorizer === '' ? {} : authorizationOf(authorizer, event.origin, httpApi, authorizers, unread);
  if (authorization === undefined) return undefined;
  return { event, key, method: resolvedMethod, authorization };
}

/** The route's authorization properties (http-api.js compileEndpoints), or undefined when the framework refuses the authorizer. */
function authorizationOf(authorizer: unknown, origin: SourcePath, httpApi: Record<string, unknown>, authorizers: Record<string, unknown>, unread: UnreadConfiguration): Record<string, unknown> | undefined {
  const { name, scopes, id, type } = isPlainObject(authorizer) ? authorizer : { name: authorizer, scopes: undefined, id: undefined, type: undefined };
  const refuse = (why: string) => {
    unread.refused([...origin, 'authorizer'], why);
    return undefined;
  };
  if (type !== 'aws_iam' && !isTruthy(id) && !isTruthy(name)) return refuse('an authorizer needs an id or a name');
  if (type === 'aws_iam') {
    if (isTruthy(name) || isTruthy(id) || isTruthy(scopes)) return refuse('an aws_iam authorizer takes no name, id or scopes');
    return { AuthorizationType: 'AWS_IAM' };
  }
  const scoped = isTruthy(scopes) ? { AuthorizationScopes: [...new Set(Array.isArray(scopes) ? scopes : [scopes])] } : {};
  if (isTruthy(id)) {
    if (!isTruthy(httpApi['id'])) return refuse(`authorizer id ${show(id)} names an external authorizer, but the HTTP API is not external (provider.httpApi.id)`);
    return { AuthorizationType: type === 'request' ? 'CUSTOM' : 'JWT', AuthorizerId: id, ...scoped };
  }
  const key = String(name);
  const settings = Object.hasOwn(authorizers, key) ? authorizers[key] : undefined;
  if (settings === undefined) return refuse(`authorizer ${show(key)} is not in provider.httpApi.authorizers`);
  const configured = isPlainObject(settings) ? settings : {};
  const logicalId = `HttpApiAuthorizer${normalizedFunctionName(String(orDefault(configured['name'], key)))}`;
  return { AuthorizationType: configured['type'] === 'request' ? 'CUSTOM' : 'JWT', AuthorizerId: { Ref: logicalId }, ...scoped };
}

/** The API's properties (http-api.js compileApi and the naming of getHttpApiName). */
function apiProperties(service: ServiceSettings, routes: readonly HttpRoute[]): Record<string, unknown> {
  const { httpApi, settings } = service.provider;
  const name = isTruthy(httpApi['name'])
    ? String(httpApi['name'])
    : isTruthy(httpApi['shouldStartNameWithService'])
      ? `${String(service.name)}-${String(service.stage)}`
      : `${String(service.stage)}-${String(service.name)}`;
  const disable = httpApi['disableDefaultEndpoint'];
  const cors = corsConfiguration(httpApi['cors'], routes);
  return {
    Name: name,
    ProtocolType: 'HTTP',
    ...(disable === undefined || disable === null ? {} : { DisableExecuteApiEndpoint: disable }),
    ...(isTruthy(settings['tags']) ? { Tags: settings['tags'] } : {}),
    ...(cors === undefined ? {} : { CorsConfiguration: cors }),
  };
}

/**
 * `provider.httpApi.cors` as the framework compiles it: `true` for its defaults, or the settings
 * with the defaults for origins and headers; without `allowedMethods`, OPTIONS and the methods of
 * the routes (every method for `ANY`).
 */
function corsConfiguration(cors: unknown, routes: readonly HttpRoute[]): Record<string, unknown> | undefined {
  if (!isTruthy(cors)) return undefined;
  const settings = isPlainObject(cors) ? cors : {};
  const listed = (value: unknown, fallback: readonly unknown[]) => [...new Set(isTruthy(value) ? (Array.isArray(value) ? value : [value]) : fallback)];
  const methods = cors !== true && isTruthy(settings['allowedMethods']) ? listed(settings['allowedMethods'], []) : routeMethods(routes);
  const configuration: Record<string, unknown> = {
    ...(cors !== true && isTruthy(settings['allowCredentials']) ? { AllowCredentials: true } : {}),
    AllowHeaders: cors === true ? DEFAULT_CORS_HEADERS : listed(settings['allowedHeaders'], DEFAULT_CORS_HEADERS),
    AllowMethods: methods,
    AllowOrigins: cors === true ? DEFAULT_CORS_ORIGINS : listed(settings['allowedOrigins'], DEFAULT_CORS_ORIGINS),
  };
  if (cors !== true && isTruthy(settings['exposedResponseHeaders'])) configuration['ExposeHeaders'] = listed(settings['exposedResponseHeaders'], []);
  if (cors !== true && settings['maxAge'] !== undefined && settings['maxAge'] !== null) configuration['MaxAge'] = settings['maxAge'];
  return configuration;
}

/** OPTIONS, then each route's method in order, every method but ANY for an ANY route. */
function routeMethods(routes: readonly HttpRoute[]): string[] {
  const methods = new Set(['OPTIONS']);
  for (const route of routes) {
    if (route.method !== 'ANY') methods.add(route.method);
    else for (const method of METHODS) if (method !== 'ANY') methods.add(method);
  }
  return [...methods];
}

/** The function's proxy integration (http-api.js compileIntegration). */
function integrationProperties(fn: ServiceFunction, apiId: unknown, httpApi: Record<string, unknown>): Record<string, unknown> {
  const own = isPlainObject(fn.definition['httpApi']) ? fn.definition['httpApi'] : {};
  return {
    ApiId: apiId,
    IntegrationType: 'AWS_PROXY',
    IntegrationUri: new Unresolved(`the ARN of function ${fn.name} (known when deployed)`),
    PayloadFormatVersion: orDefault(own['payload'], orDefault(httpApi['payload'], '2.0')),
    TimeoutInMillis: 30000,
  };
}

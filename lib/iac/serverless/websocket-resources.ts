import { Unresolved } from '../../model/unresolved';
import { isPlainObject, show } from '../../rules/values';
import { normalizedFunctionName, websocketRouteLogicalId } from './framework-naming';
import type { FunctionEvent } from './function-events';
import type { GeneratedResources } from './generated-resources';
import type { ServiceSettings } from './service-settings';
import { isTruthy, orDefault } from './truthiness';
import type { UnreadConfiguration } from './unread-configuration';

/**
 * The resources Serverless Framework v3 generates for `websocket` events
 * (lib/plugins/aws/package/compile/events/websockets/lib: api, integrations, routes,
 * route-responses, authorizers): the API `WebsocketsApi` unless `provider.apiGateway.websocketApiId`
 * names an existing one, a Lambda proxy integration per function, a route per event (custom
 * authorization when the event names an authorizer, with its authorizer), and a `$default`
 * route response when the event sets `routeResponseSelectionExpression`. The stage and
 * deployment are not API Gateway V2 configuration the rules read, and are left out.
 */
export function addWebsocketResources(events: readonly FunctionEvent[], service: ServiceSettings, generated: GeneratedResources, unread: UnreadConfiguration): void {
  const routes = events.flatMap((event) => {
    const settings = event.settings;
    const route = typeof settings === 'string' ? settings : isPlainObject(settings) ? settings['route'] : undefined;
    // The framework passes over a falsy event and any that is neither a route nor a map.
    if (typeof settings !== 'string' && !isPlainObject(settings)) return [];
    if (typeof route !== 'string' || route === '') {
      unread.refused(event.origin, `a websocket event needs a route (a string), not ${show(route)}`);
      return [];
    }
    return [{ event, route, settings: isPlainObject(settings) ? settings : {} }];
  });
  if (routes.length === 0) return;
  const provider = service.provider;
  const external = provider.apiGateway['websocketApiId'];
  const apiId = isTruthy(external) ? external : { Ref: 'WebsocketsApi' };
  if (!isTruthy(external)) {
    const name = provider.settings['websocketsApiName'];
    generated.add('WebsocketsApi', routes[0]!.event.origin, {
      Type: 'AWS::ApiGatewayV2::Api',
      Properties: {
        Name: typeof name === 'string' && name !== '' ? name : `${service.stage}-${service.name}-websockets`,
        RouteSelectionExpression: orDefault(provider.settings['websocketsApiRouteSelectionExpression'], '$request.body.action'),
        Description: orDefault(provider.settings['websocketsDescription'], 'Serverless Websockets'),
        ProtocolType: 'WEBSOCKET',
        ...(isTruthy(provider.settings['tags']) && isPlainObject(provider.settings['websocket']) && provider.settings['websocket']['useProviderTags'] === true ? { Tags: provider.settings['tags'] } : {}),
      },
    });
  }
  for (const { event, route, settings } of routes) {
    const functionName = event.function.name;
    const integration = `${normalizedFunctionName(functionName)}WebsocketsIntegration`;
    generated.add(integration, event.origin, {
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: { ApiId: apiId, IntegrationType: 'AWS_PROXY', IntegrationUri: new Unresolved(`the ARN of function ${functionName} (known when deployed)`) },
    });
    const routeId = websocketRouteLogicalId(route);
    const selection = settings['routeResponseSelectionExpression'];
    const authorizer = authorizerOf(settings['authorizer']);
    if (authorizer !== undefined) {
      generated.add(authorizer.logicalId, event.origin, {
        Type: 'AWS::ApiGatewayV2::Authorizer',
        Properties: { ApiId: apiId, Name: authorizer.name, AuthorizerType: 'REQUEST', IdentitySource: authorizer.identitySource },
      });
    }
    generated.add(routeId, event.origin, {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: {
        ApiId: apiId,
        RouteKey: route,
        AuthorizationType: authorizer === undefined ? 'NONE' : 'CUSTOM',
        ...(authorizer === undefined ? {} : { AuthorizerId: { Ref: authorizer.logicalId } }),
        Target: { 'Fn::Join': ['/', ['integrations', { Ref: integration }]] },
        ...(isTruthy(selection) ? { RouteResponseSelectionExpression: selection } : {}),
      },
    });
    if (isTruthy(selection)) {
      generated.add(`${routeId}Response`, event.origin, { Type: 'AWS::ApiGatewayV2::RouteResponse', Properties: { ApiId: apiId, RouteId: { Ref: routeId }, RouteResponseKey: '$default' } });
    }
  }
}

interface WebsocketAuthorizer {
  logicalId: string;
  name: string;
  identitySource: unknown;
}

/**
 * The authorizer of a websocket event, named as the framework names it (websockets/lib/validate.js):
 * a function name, an ARN (named by its last segment), or `{name}` / `{arn}` with an optional
 * identitySource (default `route.request.header.Auth`).
 */
function authorizerOf(authorizer: unknown): WebsocketAuthorizer | undefined {
  const lastSegment = (arn: string) => arn.slice(arn.lastIndexOf(':') + 1);
  const defaultSource = ['route.request.header.Auth'];
  let name: unknown;
  let identitySource: unknown = defaultSource;
  if (typeof authorizer === 'string') name = authorizer.includes(':') ? lastSegment(authorizer) : authorizer;
  else if (isPlainObject(authorizer)) {
    const arn = authorizer['arn'];
    name = typeof arn === 'string' && arn !== '' ? lastSegment(arn) : authorizer['name'];
    if (isTruthy(authorizer['identitySource'])) identitySource = authorizer['identitySource'];
  }
  if (typeof name !== 'string' || name === '') return undefined;
  return { logicalId: `${normalizedFunctionName(name)}WebsocketsAuthorizer`, name, identitySource };
}

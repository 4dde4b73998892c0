import { Unresolved } from '../../model/unresolved';
import { isPlainObject } from '../../rules/values';
import { parseTemplate, type TemplateSource } from '../cloudformation/template-source';
import { IacError } from '../iac-error';

/**
 * The variable sources of the Serverless Framework (v3): `${self:custom.x}`, `${opt:stage}`,
 * `${file(./x.yml):y}`, ... It resolves them before CloudFormation sees the template, so a
 * scan of serverless.yml does not know them. `${AWS::Region}` and other CloudFormation
 * variables of `Fn::Sub` are not among them.
 */
const VARIABLE = /\$\{(?:self|opt|env|sls|file|cf|s3|ssm|aws|param|strToBool|git)[:(][^${}]*\}/g;

/**
 * serverless.yml read directly, as the CloudFormation template `serverless package` would
 * write for the part of it a scan can know: its own `resources` section (Resources,
 * Conditions, Mappings, Parameters) and the resources the framework generates for `websocket`
 * events, with the framework's logical ids (v3 naming: `WebsocketsApi`,
 * `{Function}WebsocketsIntegration`, `{RouteKey}WebsocketsRoute`, `...WebsocketsRouteResponse`).
 * A value with a framework variable is unresolved (its known text kept); a generated resource
 * is located at the event it comes from.
 */
export function serviceTemplate(text: string, file: string): TemplateSource {
  const service = parseTemplate(text, file);
  const config = withVariablesUnresolved(service.value);
  if (!isPlainObject(config)) throw new IacError(file, 'not a Serverless Framework service: the file is not a mapping');
  const resources = isPlainObject(config['resources']) ? config['resources'] : {};
  const generated = new Map<string, readonly (string | number)[]>();
  const template: Record<string, unknown> = {
    ...resources,
    Resources: mergedResources(websocketResources(config, generated), isPlainObject(resources['Resources']) ? resources['Resources'] : {}),
  };
  return {
    value: template,
    positionOf(path) {
      const [section, logicalId] = path;
      const origin = section === 'Resources' && typeof logicalId === 'string' ? generated.get(logicalId) : undefined;
      return origin !== undefined ? service.positionOf(origin) : service.positionOf(['resources', ...path]);
    },
  };
}

function websocketResources(config: Record<string, unknown>, generated: Map<string, readonly (string | number)[]>): Record<string, unknown> {
  const provider = isPlainObject(config['provider']) ? config['provider'] : {};
  const gateway = isPlainObject(provider['apiGateway']) ? provider['apiGateway'] : {};
  const apiId = gateway['websocketApiId'] ?? { Ref: 'WebsocketsApi' };
  const resources: Record<string, unknown> = {};
  const functions = isPlainObject(config['functions']) ? config['functions'] : {};
  for (const [name, definition] of Object.entries(functions)) {
    const events = isPlainObject(definition) && Array.isArray(definition['events']) ? definition['events'] : [];
    events.forEach((event, index) => {
      const websocket = isPlainObject(event) ? event['websocket'] : undefined;
      const settings = typeof websocket === 'string' ? { route: websocket } : isPlainObject(websocket) ? websocket : undefined;
      const route = settings?.['route'];
      if (settings === undefined || typeof route !== 'string') return;
      const origin = ['functions', name, 'events', index];
      const integration = `${normalizedName(name)}WebsocketsIntegration`;
      const routeId = `${route.replace(/\$/g, 'S').replace(/\//g, 'Slash').replace(/-/g, 'Dash').replace(/_/g, 'Underscore').replace(/\./g, 'Period')}WebsocketsRoute`;
      if (gateway['websocketApiId'] === undefined && !('WebsocketsApi' in resources)) {
        resources['WebsocketsApi'] = {
          Type: 'AWS::ApiGatewayV2::Api',
          Properties: { Name: 'websockets', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: provider['websocketsApiRouteSelectionExpression'] ?? '$request.body.action' },
        };
        generated.set('WebsocketsApi', origin);
      }
      resources[integration] ??= {
        Type: 'AWS::ApiGatewayV2::Integration',
        Properties: { ApiId: apiId, IntegrationType: 'AWS_PROXY', IntegrationUri: new Unresolved(`the ARN of function ${name} (known when deployed)`) },
      };
      if (!generated.has(integration)) generated.set(integration, origin);
      const selection = settings['routeResponseSelectionExpression'];
      resources[routeId] = {
        Type: 'AWS::ApiGatewayV2::Route',
        Properties: { ApiId: apiId, RouteKey: route, AuthorizationType: 'NONE', Target: { 'Fn::Join': ['/', ['integrations', { Ref: integration }]] }, ...(selection === undefined ? {} : { RouteResponseSelectionExpression: selection }) },
      };
      generated.set(routeId, origin);
      if (selection !== undefined && selection !== null && selection !== '') {
        resources[`${routeId}Response`] = { Type: 'AWS::ApiGatewayV2::RouteResponse', Properties: { ApiId: apiId, RouteId: { Ref: routeId }, RouteResponseKey: '$default' } };
        generated.set(`${routeId}Response`, origin);
      }
    });
  }
  return resources;
}

/**
 * The framework merges `resources.Resources` into what it generates, so a resource there with a
 * generated logical id overrides only the properties it names (the documented way to change,
 * say, the authorization of a generated route); any other resource is added as written.
 */
function mergedResources(generated: Record<string, unknown>, own: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...generated };
  for (const [logicalId, resource] of Object.entries(own)) merged[logicalId] = deepMerge(merged[logicalId], resource);
  return merged;
}

/** Maps merge key by key, as the framework's merge does; anything else replaces what was there. */
function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = deepMerge(merged[key], value);
  return merged;
}

/** The framework's function logical id stem: `my-fn_x` -> `MyDashfnUnderscorex`. */
function normalizedName(name: string): string {
  const replaced = name.replace(/-/g, 'Dash').replace(/_/g, 'Underscore');
  return replaced.charAt(0).toUpperCase() + replaced.slice(1);
}

/** Every string with a framework variable becomes a partial value (a nested variable: wholly unknown). */
function withVariablesUnresolved(value: unknown): unknown {
  if (typeof value === 'string') {
    if (!value.includes('${')) return value;
    const pieces: (string | Unresolved)[] = [];
    let last = 0;
    for (const match of value.matchAll(VARIABLE)) {
      pieces.push(value.slice(last, match.index), new Unresolved(`${match[0]} (a Serverless Framework variable, resolved when packaged)`));
      last = match.index + match[0].length;
    }
    pieces.push(value.slice(last));
    if (last === 0) return value;
    const rest = pieces.filter((piece): piece is string => typeof piece === 'string').join('');
    if (/\$\{(?:self|opt|env|sls|file|cf|s3|ssm|aws|param|strToBool|git)[:(]/.test(rest)) return new Unresolved(`${JSON.stringify(value)} (nested Serverless Framework variables)`);
    return Unresolved.text(`${JSON.stringify(value)} (Serverless Framework variables, resolved when packaged)`, pieces);
  }
  if (Array.isArray(value)) return value.map(withVariablesUnresolved);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withVariablesUnresolved(item)]));
  return value;
}

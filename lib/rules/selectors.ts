import type { SnapshotApi, SnapshotIntegration, SnapshotRoute } from '../model/snapshot';
import { readKnownText, TOKEN_MARK } from '../model/unresolved';
import { text } from './values';

/** Shared predicates of rules-catalog.md ("Conventions for the predicates"). */

export const isWebSocket = (api: SnapshotApi): boolean => api.ProtocolType === 'WEBSOCKET';
export const isHttpApi = (api: SnapshotApi): boolean => api.ProtocolType === 'HTTP';

export const isProxy = (integration: SnapshotIntegration): boolean =>
  integration.IntegrationType === 'AWS_PROXY' || integration.IntegrationType === 'HTTP_PROXY';

export const isNonProxy = (integration: SnapshotIntegration): boolean =>
  integration.IntegrationType === 'AWS' || integration.IntegrationType === 'HTTP' || integration.IntegrationType === 'MOCK';

/** `arn:{partition}:apigateway:{region}:lambda:path/{version}/functions/{function ARN}/invocations` */
const LAMBDA_URI = /^arn:[^:]*:apigateway:[^:]*:lambda:path\/.*\/functions\//;
/** The service an AWS integration's URI calls: `arn:{partition}:apigateway:{region}:{service}:...` */
const URI_SERVICE = /^arn:[^:]*:apigateway:[^:]*:([^:]*):/;

/**
 * An `AWS` integration that calls Lambda, recognised by its URI (a heuristic: the docs say
 * "Lambda-based"). A URI with unknown parts decides when its known text does: the region of
 * `arn:aws:apigateway:${AWS::Region}:dynamodb:action/PutItem` is unknown, its service is not.
 */
export function isLambdaAws(integration: SnapshotIntegration): boolean {
  if (integration.IntegrationType !== 'AWS') return false;
  const uri = readKnownText(integration.IntegrationUri);
  if (uri === undefined) return false;
  if (LAMBDA_URI.test(uri.text)) {
    uri.decided();
    return true;
  }
  const service = URI_SERVICE.exec(uri.text)?.[1];
  if (uri.complete || (service !== undefined && !service.includes(TOKEN_MARK) && service !== 'lambda')) uri.decided();
  return false;
}

/** Routes whose Target is `integrations/{IntegrationId}`. */
export function routesOf(api: SnapshotApi, integration: SnapshotIntegration): SnapshotRoute[] {
  const target = `integrations/${integration.IntegrationId}`;
  return api.routes.filter((route) => route.Target === target);
}

/** The integration a route targets, when the snapshot has it. */
export function targetOf(api: SnapshotApi, route: SnapshotRoute): SnapshotIntegration | undefined {
  const target = text(route.Target);
  return target === undefined ? undefined : api.integrations.find((integration) => `integrations/${integration.IntegrationId}` === target);
}

/**
 * Two-way means "has a route response" (rules-catalog.md): a RouteResponseSelectionExpression
 * alone returns nothing, a route response without one still does, and `$disconnect` runs after
 * the connection is closed, so it never is.
 */
export const isTwoWay = (route: SnapshotRoute): boolean => route.RouteKey !== '$disconnect' && route.routeResponses.length > 0;

export const DEFAULT_KEY = '$default';

/** The regular expression inside a `/expression/` key, or undefined for any other key. */
export function regexBody(key: unknown): string | undefined {
  return typeof key === 'string' && /^\/.+\/$/s.test(key) ? key.slice(1, -1) : undefined;
}

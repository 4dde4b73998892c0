import type { SnapshotApi, SnapshotIntegration, SnapshotRoute } from '../model/snapshot';
import { text } from './values';

/** Shared predicates (docs/design.md, "Conventions for the predicates"). */

export const isWebSocket = (api: SnapshotApi): boolean => api.ProtocolType === 'WEBSOCKET';
export const isHttpApi = (api: SnapshotApi): boolean => api.ProtocolType === 'HTTP';

export const isProxy = (integration: SnapshotIntegration): boolean =>
  integration.IntegrationType === 'AWS_PROXY' || integration.IntegrationType === 'HTTP_PROXY';

export const isNonProxy = (integration: SnapshotIntegration): boolean =>
  integration.IntegrationType === 'AWS' || integration.IntegrationType === 'HTTP' || integration.IntegrationType === 'MOCK';

/** An `AWS` integration that calls Lambda, recognised by its URI (a heuristic: the docs say "Lambda-based"). */
export const isLambdaAws = (integration: SnapshotIntegration): boolean =>
  integration.IntegrationType === 'AWS' && /:lambda:path\/.*\/functions\//.test(text(integration.IntegrationUri) ?? '');

/**
 * Two-way means "has a route response" (docs/design.md): a RouteResponseSelectionExpression
 * alone returns nothing, a route response without one still does, and `$disconnect` runs after
 * the connection is closed, so it never is.
 */
export const isTwoWay = (route: SnapshotRoute): boolean => route.RouteKey !== '$disconnect' && route.routeResponses.length > 0;

export { DEFAULT_KEY } from '../model/api-index';

/** The regular expression inside a `/expression/` key, or undefined for any other key. */
export function regexBody(key: unknown): string | undefined {
  return typeof key === 'string' && /^\/.+\/$/s.test(key) ? key.slice(1, -1) : undefined;
}

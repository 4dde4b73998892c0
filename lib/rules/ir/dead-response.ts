import type { SnapshotRoute } from '../../model/snapshot';
import type { IntegrationNode, IntegrationResponseNode, Problem } from '../rule';
import { isHttpApi, isNonProxy, isProxy, isTwoWay, isWebSocket } from '../selectors';
import { show } from '../values';

/**
 * Rules IR009, IR010, IR011 and IR015 each report an integration response that can never take
 * effect; they differ only in why, which the message states. The predicates live here so the
 * rules about parts of a response (its template selection, its headers) can stay quiet on a
 * dead one: one mistake, one finding.
 */
export function deadResponse({ response }: IntegrationResponseNode, reason: string): Problem[] {
  return [{ path: 'IntegrationResponseKey', message: `Integration response ${show(response.IntegrationResponseKey)} is dead configuration: ${reason}.` }];
}

/** IR009: a proxy integration (on a WebSocket API; on an HTTP API IR010 reports it) passes the backend response through. */
export const onProxyIntegration = ({ api, integration }: IntegrationNode): boolean => isProxy(integration) && !isHttpApi(api);

/** IR010: HTTP APIs have no integration responses. */
export const onHttpApi = ({ api }: IntegrationNode): boolean => isHttpApi(api);

/** Every route that uses the integration is `$disconnect` (IR015), which IR011 leaves to IR015. */
export function servesOnlyDisconnect(routes: readonly SnapshotRoute[]): boolean {
  return routes.length > 0 && routes.every((route) => route.RouteKey === '$disconnect');
}

/** IR015: a non-proxy integration used only by `$disconnect`. */
export const onDisconnectOnly = ({ integration, routes }: IntegrationNode): boolean => isNonProxy(integration) && servesOnlyDisconnect(routes);

/** IR011: a WebSocket non-proxy integration whose routes are all one-way (but not all `$disconnect`). */
export const onOneWayRoutesOnly = ({ api, integration, routes }: IntegrationNode): boolean =>
  isWebSocket(api) && isNonProxy(integration) && routes.length > 0 && !routes.some(isTwoWay) && !servesOnlyDisconnect(routes);

/** Whether one of IR009, IR010, IR011 or IR015 reports this integration's responses as dead. */
export const isDeadResponse = (node: IntegrationNode): boolean => onProxyIntegration(node) || onHttpApi(node) || onOneWayRoutesOnly(node) || onDisconnectOnly(node);

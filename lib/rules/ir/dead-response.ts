import type { SnapshotRoute } from '../../model/snapshot';
import type { IntegrationResponseNode, Problem } from '../rule';
import { show } from '../values';

/**
 * Rules IR009, IR010, IR011 and IR015 each report an integration response that can never take
 * effect; they differ only in why, which the message states.
 */
export function deadResponse({ response }: IntegrationResponseNode, reason: string): Problem[] {
  return [{ path: 'IntegrationResponseKey', message: `Integration response ${show(response.IntegrationResponseKey)} is dead configuration: ${reason}.` }];
}

/** Every route that uses the integration is `$disconnect` (IR015), which IR011 leaves to IR015. */
export function servesOnlyDisconnect(routes: readonly SnapshotRoute[]): boolean {
  return routes.length > 0 && routes.every((route) => route.RouteKey === '$disconnect');
}

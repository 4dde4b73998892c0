import type { IntegrationNode } from '../rule';
import { isHttpApi } from '../selectors';
import { entriesOf, mapPath } from '../values';

/** One mapping of an HTTP API integration's ResponseParameters: status code -> key -> value. */
export interface ResponseMapping {
  status: string;
  key: string;
  value: unknown;
  /** e.g. `ResponseParameters["200"]["overwrite:header.x"]` */
  path: string;
}

/**
 * The status-code entries of the integration's ResponseParameters, on HTTP APIs only. The map
 * and its key and value rules exist for HTTP APIs alone ("Supported only for HTTP APIs"); on a
 * WebSocket API HP007 reports the whole map as unsupported, and judging its keys there would
 * apply HTTP semantics the API does not have. An API of unknown protocol gets the benefit of
 * the doubt: a certain rule must not guess.
 */
export function statusEntriesOf({ api, integration }: IntegrationNode): [string, unknown][] {
  return isHttpApi(api) ? entriesOf(integration.ResponseParameters) : [];
}

/** Every inner mapping, including those under an invalid status key (HP001 reports the key, not them). */
export function mappingsOf(node: IntegrationNode): ResponseMapping[] {
  return statusEntriesOf(node).flatMap(([status, mappings]) =>
    entriesOf(mappings).map(([key, value]) => ({ status, key, value, path: mapPath('ResponseParameters', status, key) })),
  );
}

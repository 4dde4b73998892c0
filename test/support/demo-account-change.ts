import type { Snapshot } from '../../lib/model/snapshot';

/**
 * The demo account (examples/demo-account.json) a day later, for the demo's second run and the
 * change-tracking tests: the chat team fixed the misspelt header key on the ping integration's
 * response (ResponseParameters removed), and someone gave the ping route a route response
 * keyed "200", which a WebSocket route cannot have (only $default). One problem resolved, one new.
 */
export function demoAccountNextDay(demo: Snapshot): Snapshot {
  const next = structuredClone(demo);
  const chat = next.apis.find((api) => api.ApiId === 'k3chat7ws1');
  const response = chat?.integrations?.find((integration) => integration.IntegrationId === 'ping01')?.integrationResponses?.find((candidate) => candidate.IntegrationResponseId === 'pr1');
  const route = chat?.routes?.find((candidate) => candidate.RouteId === 'rping1');
  if (response === undefined || route === undefined) throw new Error('the demo account no longer has the ping integration response and route this change edits');
  delete response.ResponseParameters;
  route.routeResponses = [...(route.routeResponses ?? []), { RouteResponseId: 'rrp2', RouteResponseKey: '200' }];
  return next;
}

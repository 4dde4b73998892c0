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

/** The notify API's integration, which the demo's third act gives an integration response. */
export const NOTIFY_CHANGE = { apiId: 'p9notify22', integrationId: 'sqs01', integrationResponseId: 'sqr1', integrationResponseKey: '$default', setCookie: "'session=6f1c2a; Path=/'" } as const;

/**
 * The demo account a few hours after `demoAccountNextDay`: someone answers notify-ws's
 * subscribe route at last (CreateIntegrationResponse on its SQS integration: its missing
 * integration response, IR012, is resolved) but sets a static Set-Cookie on every reply (SEC002, new).
 */
export function demoAccountNotifyChange(account: Snapshot): Snapshot {
  const next = structuredClone(account);
  const integration = next.apis.find((api) => api.ApiId === NOTIFY_CHANGE.apiId)?.integrations?.find((candidate) => candidate.IntegrationId === NOTIFY_CHANGE.integrationId);
  if (integration === undefined) throw new Error('the demo account no longer has the notify integration this change edits');
  integration.integrationResponses = [
    { IntegrationResponseId: NOTIFY_CHANGE.integrationResponseId, IntegrationResponseKey: NOTIFY_CHANGE.integrationResponseKey, ResponseParameters: { 'method.response.header.Set-Cookie': NOTIFY_CHANGE.setCookie } },
  ];
  return next;
}

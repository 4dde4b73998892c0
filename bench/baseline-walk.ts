import {
  ApiGatewayV2Client,
  GetApisCommand,
  GetIntegrationResponsesCommand,
  GetIntegrationsCommand,
  GetRouteResponsesCommand,
  GetRoutesCommand,
} from '@aws-sdk/client-apigatewayv2';
import { describeCallError } from '../lib/collect/call-error';
import { listAll, type Page, type PageRequest } from '../lib/collect/paging';
import { toSnapshotData } from '../lib/collect/snapshot-data';
import type { Snapshot, SnapshotApi, SnapshotIntegration, SnapshotRoute } from '../lib/model/snapshot';
import { tally } from './tally';

/** How a baseline walk schedules its calls. */
export type BaselineSchedule = 'sequential' | 'unlimited';

export interface BaselineWalk {
  snapshot: Snapshot;
  /** Operations sent (a page is one; the SDK's retries of it are not counted again). */
  calls: number;
  /** Operations that ended in an error after the SDK's retries. */
  failedCalls: number;
  /** What those errors said, with how many times each. */
  failures: Record<string, number>;
}

type Item = Record<string, unknown>;

/**
 * What a collector without our rate limiter does, as a baseline for it: the same calls (the
 * same list operations and pages, and like ours no response lists of HTTP APIs, so only the
 * scheduling differs) on a plain ApiGatewayV2Client with the SDK's defaults: standard retry
 * mode, 3 attempts, the SDK's backoff and retry quota. 'sequential' makes one call at a time;
 * 'unlimited' starts every call as soon as what it needs is listed (Promise.all at every
 * level; only the SDK's own HTTP agent limits the sockets). A failed call loses what is under
 * it and the walk goes on, as a plain walker's would.
 */
export async function baselineWalk(schedule: BaselineSchedule, region: string): Promise<BaselineWalk> {
  const client = new ApiGatewayV2Client({ region });
  const runAll = schedule === 'sequential' ? inSeries : allAtOnce;
  let calls = 0;
  const failures: string[] = [];

  async function list(fetchPage: (request: PageRequest) => Promise<Page<object>>): Promise<Item[]> {
    try {
      const items = await listAll((request) => {
        calls += 1;
        return fetchPage(request);
      });
      return items.map((item) => toSnapshotData(item) as Item);
    } catch (error) {
      failures.push(describeCallError(error));
      return [];
    }
  }

  async function walkApi(api: Item): Promise<SnapshotApi> {
    const ApiId = String(api['ApiId']);
    const [integrations = [], routes = []] = await runAll([
      () => list((page) => client.send(new GetIntegrationsCommand({ ApiId, ...page }))),
      () => list((page) => client.send(new GetRoutesCommand({ ApiId, ...page }))),
    ]);
    const withResponses = api['ProtocolType'] !== 'HTTP';
    const responseLists = await runAll([
      ...integrations.map((integration) => () =>
        withResponses ? list((page) => client.send(new GetIntegrationResponsesCommand({ ApiId, IntegrationId: String(integration['IntegrationId']), ...page }))) : Promise.resolve([]),
      ),
      ...routes.map((route) => () => (withResponses ? list((page) => client.send(new GetRouteResponsesCommand({ ApiId, RouteId: String(route['RouteId']), ...page }))) : Promise.resolve([]))),
    ]);
    return {
      ...api,
      ApiId,
      integrations: integrations.map((integration, index): SnapshotIntegration => ({
        ...integration,
        IntegrationId: String(integration['IntegrationId']),
        integrationResponses: (responseLists[index] ?? []).map((response) => ({ ...response, IntegrationResponseId: String(response['IntegrationResponseId']) })),
      })),
      routes: routes.map((route, index): SnapshotRoute => ({
        ...route,
        RouteId: String(route['RouteId']),
        routeResponses: (responseLists[integrations.length + index] ?? []).map((response) => ({ ...response, RouteResponseId: String(response['RouteResponseId']) })),
      })),
    };
  }

  try {
    const apis = await list((page) => client.send(new GetApisCommand(page)));
    const walked = await runAll(apis.map((api) => () => walkApi(api)));
    return { snapshot: { version: 1, region, apis: walked }, calls, failedCalls: failures.length, failures: tally(failures) };
  } finally {
    client.destroy();
  }
}

async function inSeries<T>(tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  for (const task of tasks) results.push(await task());
  return results;
}

function allAtOnce<T>(tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
  return Promise.all(tasks.map((task) => task()));
}

import {
  GetApisCommand,
  GetIntegrationResponsesCommand,
  GetIntegrationsCommand,
  GetRouteResponsesCommand,
  GetRoutesCommand,
  type ApiGatewayV2Client,
} from '@aws-sdk/client-apigatewayv2';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { apiArn, partitionOf } from '../model/arn';
import type { AuditError } from '../model/finding';
import type { Snapshot, SnapshotApi, SnapshotIntegration, SnapshotRoute } from '../model/snapshot';
import { AdaptiveRate, QUOTA_BURST, QUOTA_RATE_PER_SECOND } from './adaptive-rate';
import { attemptsOf, describeCallError, isNotFound } from './call-error';
import type { AttemptBounds } from './bounded-http-handler';
import { createApiGatewayClient } from './client';
import { systemClock, type Clock } from './clock';
import { concurrencyLimit, type Limited } from './concurrency-limit';
import { DeadlineReached } from './deadline';
import { listAll, type Page, type PageRequest } from './paging';
import { toSnapshotData } from './snapshot-data';
import { createRetryStrategy, DEFAULT_MAX_ATTEMPTS, type Backoff } from './retry-policy';
import { TokenBucket } from './token-bucket';

/** Enough calls in flight to keep 10/s going at up to 0.8 s latency per call. */
const DEFAULT_CONCURRENCY = 8;
/** The quota's burst is 4 s of its rate; a capped walk keeps that proportion. */
const BURST_SECONDS = QUOTA_BURST / QUOTA_RATE_PER_SECOND;

export interface CollectOptions {
  region: string;
  /** Only these APIs; each one missing from the account is an error. All APIs by default. */
  apiIds?: readonly string[];
  /**
   * A named API the (complete) listing does not hold was deleted: a warning, and `deleted`
   * names it, instead of an error. For change audits, where a DeleteApi call named it.
   */
  apiIdsMayBeDeleted?: boolean;
  /** Only APIs whose Name matches. */
  namePattern?: RegExp;
  /**
   * The most requests/s the walk sends: it starts there and backs off while throttled. The
   * quota (10/s) by default; less leaves the rest of the account's quota to other callers.
   */
  ratePerSecond?: number;
  /** Requests sent at once after a pause: the quota's 40 by default, 4 s of a lower rate. */
  burst?: number;
  /** Calls in flight at once, and APIs walked at once. */
  concurrency?: number;
  /** Epoch ms. No call starts at or after it, calls in flight are aborted at it; every API not read by then is listed as an error. */
  deadline?: number;
  /** Timeouts of each HTTP attempt; for tests, which cannot wait for the defaults. */
  attemptBounds?: Partial<AttemptBounds>;
  /**
   * Also read integration and route responses of HTTP APIs. They have none that AWS would
   * act on, so the default skips calls that cannot produce a finding; thorough mode finds
   * leftovers (rules IR010, RR005).
   */
  thorough?: boolean;
  /** Attempts per call, the first included. */
  maxAttempts?: number;
  /** Replaces the SDK's jittered exponential backoff; for tests. */
  backoff?: Backoff;
  clock?: Clock;
  onProgress?: (progress: CollectProgress) => void;
  /**
   * Epoch ms by the walk's clock: no API starts at or after it, and the APIs not started are
   * returned in `remaining` (neither errors nor unreached) for a later walk to continue with.
   * APIs in flight finish, so it must leave time before `deadline` for them.
   */
  stopStartingAt?: number;
  /**
   * Continues an earlier walk: these APIs (an earlier result's `remaining`) are read instead
   * of listing the account's, and are not narrowed again by apiIds or namePattern.
   */
  continueWith?: readonly ListedApi[];
  /** Credentials of the account to walk (an assumed member role); the SDK's default chain when absent. */
  credentials?: AwsCredentialIdentityProvider;
}

/** An API as GetApis listed it, in snapshot form, without its integrations and routes. */
export type ListedApi = Record<string, unknown> & { ApiId: string };

export interface CollectProgress {
  /** Undefined until GetApis has listed them. */
  apisTotal: number | undefined;
  apisDone: number;
  calls: number;
  throttled: number;
  errors: number;
}

export interface CollectStats {
  /** Operations sent (a call and its retries count once). */
  calls: number;
  /** Attempts answered with a throttle (429 / TooManyRequestsException). */
  throttled: number;
  /** Attempts beyond the first, for any reason. */
  retries: number;
  /** Resources deleted while the walk ran. */
  notFound: number;
}

/** Something worth telling that does not make the audit incomplete (a deletion mid-walk). */
export interface CollectWarning {
  operation: string;
  apiId: string;
  message: string;
}

export interface CollectResult {
  /** Holds only APIs read completely: rules never see an API with children missing. */
  snapshot: Snapshot;
  errors: AuditError[];
  warnings: CollectWarning[];
  /** False when anything could not be read (then `errors` says what). */
  complete: boolean;
  /** The APIs the walk set out to read (the account's, narrowed by apiIds and namePattern). */
  selected: string[];
  /** APIs not read before the deadline. */
  unreached: string[];
  /**
   * What a continuation reads, in listing order: the APIs not started before `stopStartingAt`
   * and those the deadline cut off (also in `unreached`, with an error).
   */
  remaining: ListedApi[];
  /** Named APIs (apiIds) that no longer exist, with `apiIdsMayBeDeleted`: known to have nothing to report. */
  deleted: string[];
  stats: CollectStats;
}

/**
 * Walks every selected API of one account and region: GetApis, then per API GetIntegrations
 * and GetRoutes, then per integration GetIntegrationResponses and per route GetRouteResponses
 * (WebSocket APIs only, unless thorough). Every attempt takes a token from one bucket, whose
 * rate starts at the quota and adapts to throttling (AdaptiveRate), whatever the latency.
 */
export async function collectAccount(options: CollectOptions): Promise<CollectResult> {
  const clock = options.clock ?? systemClock;
  const capturedAt = new Date(clock.now()).toISOString();
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const stats: CollectStats = { calls: 0, throttled: 0, retries: 0, notFound: 0 };
  const maxRate = options.ratePerSecond ?? QUOTA_RATE_PER_SECOND;
  const burst = options.burst ?? Math.max(1, Math.min(QUOTA_BURST, Math.round(maxRate * BURST_SECONDS)));
  const bucket = new TokenBucket({ ratePerSecond: maxRate, burst, clock });
  const retryStrategy = createRetryStrategy({
    maxAttempts,
    bucket,
    rate: new AdaptiveRate(bucket, { maxRate, clock }),
    ...(options.backoff === undefined ? {} : { backoff: options.backoff }),
    ...(options.deadline === undefined ? {} : { deadline: options.deadline }),
    onThrottled: () => {
      stats.throttled += 1;
    },
  });
  // The time left by the walk's clock (the system's, but for tests), counted down in real time.
  const deadlineSignal = options.deadline === undefined ? undefined : AbortSignal.timeout(Math.max(0, Math.ceil(options.deadline - clock.now())));
  const client = createApiGatewayClient({
    region: options.region,
    maxAttempts,
    retryStrategy,
    ...(deadlineSignal === undefined ? {} : { signal: deadlineSignal }),
    ...(options.attemptBounds === undefined ? {} : { attemptBounds: options.attemptBounds }),
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
  });
  try {
    const walk = new AccountWalk(client, options, stats, deadlineSignal);
    const apis = await walk.run();
    return {
      snapshot: { version: 1, region: options.region, capturedAt, apis },
      errors: walk.errors,
      warnings: walk.warnings,
      complete: walk.errors.length === 0,
      selected: walk.selected,
      unreached: walk.unreached,
      remaining: walk.remaining,
      deleted: walk.gone,
      stats,
    };
  } finally {
    client.destroy();
  }
}

type Operation = 'GetApis' | 'GetIntegrations' | 'GetIntegrationResponses' | 'GetRoutes' | 'GetRouteResponses';

/** A listed item as snapshot data, with its id checked to be a string. */
type Listed<Id extends string> = Record<string, unknown> & Record<Id, string>;

/** Why a read produced nothing usable; the error, if any, is already recorded. */
type Shortfall = { status: 'failed' } | { status: 'unreached'; operation: Operation } | { status: 'gone'; operation: Operation; error: unknown };

type Read<T> = { status: 'ok'; items: T[] } | Shortfall;

type ApiOutcome = { status: 'ok'; api: SnapshotApi } | { status: 'deferred' } | Shortfall;

const NO_ITEMS: Read<never> = { status: 'ok', items: [] };

class AccountWalk {
  readonly errors: AuditError[] = [];
  readonly warnings: CollectWarning[] = [];
  readonly unreached: string[] = [];
  readonly remaining: ListedApi[] = [];
  /** Named APIs the listing does not hold, with apiIdsMayBeDeleted. */
  readonly gone: string[] = [];
  selected: string[] = [];
  private readonly limit: Limited;
  private apisTotal: number | undefined;
  private apisDone = 0;

  constructor(
    private readonly client: ApiGatewayV2Client,
    private readonly options: CollectOptions,
    private readonly stats: CollectStats,
    private readonly deadlineSignal: AbortSignal | undefined,
  ) {
    this.limit = concurrencyLimit(options.concurrency ?? DEFAULT_CONCURRENCY);
  }

  async run(): Promise<SnapshotApi[]> {
    const selected = this.options.continueWith ?? (await this.listSelected());
    if (selected === undefined) return [];
    this.selected = selected.map((api) => api.ApiId);
    this.apisTotal = selected.length;
    this.progress();
    // APIs are walked a few at a time, so that at a deadline few are half read. The slots
    // start APIs in listing order, so the ones deferred at stopStartingAt are a suffix.
    const apiSlots = concurrencyLimit(this.options.concurrency ?? DEFAULT_CONCURRENCY);
    const outcomes = await Promise.all(selected.map((api) => apiSlots(() => (this.mayStart() ? this.walkApi(api) : Promise.resolve<ApiOutcome>({ status: 'deferred' })))));
    outcomes.forEach((outcome, index) => {
      const api = selected[index];
      if ((outcome.status === 'deferred' || outcome.status === 'unreached') && api !== undefined) this.remaining.push(api);
    });
    return outcomes.flatMap((outcome) => (outcome.status === 'ok' ? [outcome.api] : []));
  }

  /** GetApis narrowed by apiIds and namePattern; undefined (the error recorded) when the listing failed. */
  private async listSelected(): Promise<ListedApi[] | undefined> {
    const listed = await this.read('GetApis', undefined, 'ApiId', (page) => this.client.send(new GetApisCommand(page)));
    if (listed.status === 'unreached') this.fail('GetApis', undefined, 'the deadline was reached before every API was listed; no API was audited');
    // A 404 on the account-wide list is no deletion: most likely an endpoint that is not API Gateway.
    if (listed.status === 'gone') this.fail('GetApis', undefined, describeCallError(listed.error));
    return listed.status === 'ok' ? this.select(listed.items) : undefined;
  }

  private mayStart(): boolean {
    const { stopStartingAt, clock } = this.options;
    return stopStartingAt === undefined || (clock ?? systemClock).now() < stopStartingAt;
  }

  private select(apis: ListedApi[]): ListedApi[] {
    const { apiIds, namePattern } = this.options;
    const listed = new Set(apis.map((api) => api.ApiId));
    for (const apiId of apiIds ?? []) {
      if (listed.has(apiId)) continue;
      if (this.options.apiIdsMayBeDeleted === true) {
        this.gone.push(apiId);
        this.warnings.push({ operation: 'GetApis', apiId, message: `API ${apiId} no longer exists in ${this.options.region}: its findings are resolved` });
      } else {
        this.fail('GetApis', apiId, `no API with id ${apiId} in ${this.options.region}`);
      }
    }
    return apis.filter(
      (api) =>
        (apiIds === undefined || apiIds.includes(api.ApiId)) &&
        // search() ignores the global flag's lastIndex, so a /g pattern cannot skip APIs.
        (namePattern === undefined || (typeof api['Name'] === 'string' && api['Name'].search(namePattern) !== -1)),
    );
  }

  private async walkApi(api: ListedApi): Promise<ApiOutcome> {
    const outcome = await this.readApi(api);
    if (outcome.status === 'unreached') {
      this.unreached.push(api.ApiId);
      this.fail(outcome.operation, api.ApiId, 'not read before the deadline; the API was not audited');
    }
    if (outcome.status === 'gone') this.deleted(outcome.operation, api.ApiId, `API ${api.ApiId}`);
    this.apisDone += 1;
    this.progress();
    return outcome;
  }

  private async readApi(api: ListedApi): Promise<ApiOutcome> {
    const ApiId = api.ApiId;
    const [integrations, routes] = await Promise.all([
      this.read('GetIntegrations', ApiId, 'IntegrationId', (page) => this.client.send(new GetIntegrationsCommand({ ApiId, ...page }))),
      this.read('GetRoutes', ApiId, 'RouteId', (page) => this.client.send(new GetRoutesCommand({ ApiId, ...page }))),
    ]);
    if (integrations.status !== 'ok') return worst(integrations, routes);
    if (routes.status !== 'ok') return worst(routes, integrations);

    const withResponses = api['ProtocolType'] !== 'HTTP' || this.options.thorough === true;
    const [integrationResponses, routeResponses] = await Promise.all([
      Promise.all(
        integrations.items.map(({ IntegrationId }) =>
          withResponses
            ? this.read('GetIntegrationResponses', ApiId, 'IntegrationResponseId', (page) => this.client.send(new GetIntegrationResponsesCommand({ ApiId, IntegrationId, ...page })))
            : NO_ITEMS,
        ),
      ),
      Promise.all(
        routes.items.map(({ RouteId }) =>
          withResponses ? this.read('GetRouteResponses', ApiId, 'RouteResponseId', (page) => this.client.send(new GetRouteResponsesCommand({ ApiId, RouteId, ...page }))) : NO_ITEMS,
        ),
      ),
    ]);
    // A child deleted mid-walk is left out below; any other shortfall leaves the whole API out.
    const [problem, ...others] = [...integrationResponses, ...routeResponses].filter((read): read is Shortfall => read.status !== 'ok' && read.status !== 'gone');
    if (problem !== undefined) return worst(problem, ...others);

    const keptIntegrations = integrations.items.flatMap((integration, index): SnapshotIntegration[] => {
      const read = integrationResponses[index];
      if (read?.status !== 'ok') {
        this.deleted('GetIntegrationResponses', ApiId, `integration ${integration.IntegrationId}`);
        return [];
      }
      return [{ ...integration, integrationResponses: read.items }];
    });
    const keptRoutes = routes.items.flatMap((route, index): SnapshotRoute[] => {
      const read = routeResponses[index];
      if (read?.status !== 'ok') {
        this.deleted('GetRouteResponses', ApiId, `route ${route.RouteId}`);
        return [];
      }
      return [{ ...route, routeResponses: read.items }];
    });
    return { status: 'ok', api: { ...api, integrations: keptIntegrations, routes: keptRoutes } };
  }

  /** All pages of one list call. A failure is recorded here; callers only look at the status. */
  private async read<Id extends string>(
    operation: Operation,
    apiId: string | undefined,
    idField: Id,
    fetchPage: (request: PageRequest) => Promise<Page<object>>,
  ): Promise<Read<Listed<Id>>> {
    let items: object[];
    try {
      items = await listAll((request) => this.call(() => fetchPage(request)));
    } catch (error) {
      // Not started before the deadline, or aborted by it in flight.
      if (error instanceof DeadlineReached || this.deadlineSignal?.aborted === true) return { status: 'unreached', operation };
      if (isNotFound(error)) return { status: 'gone', operation, error };
      this.fail(operation, apiId, describeCallError(error));
      return { status: 'failed' };
    }
    const records = items.map((item) => toSnapshotData(item) as Record<string, unknown>);
    if (!records.every((record): record is Listed<Id> => typeof record[idField] === 'string' && record[idField] !== '')) {
      this.fail(operation, apiId, `malformed response: an item without ${idField}`);
      return { status: 'failed' };
    }
    return { status: 'ok', items: records };
  }

  /** One SDK call inside a concurrency slot, counted once however many attempts it made. */
  private call<T extends object>(send: () => Promise<T>): Promise<T> {
    return this.limit(async () => {
      try {
        const output = await send();
        this.sent(output);
        return output;
      } catch (error) {
        // DeadlineReached comes from the token bucket before anything was sent.
        if (!(error instanceof DeadlineReached)) this.sent(error);
        throw error;
      } finally {
        this.progress();
      }
    });
  }

  private sent(outcome: unknown): void {
    this.stats.calls += 1;
    this.stats.retries += attemptsOf(outcome) - 1;
  }

  /**
   * Records a call that could not be read. The ARN names the API, or for GetApis the
   * region's API collection (the resource IAM policies name for it); an error without an API
   * names its region in the message, as the text report shows no ARN.
   */
  private fail(operation: Operation, apiId: string | undefined, message: string): void {
    const { region } = this.options;
    this.errors.push(
      apiId === undefined
        ? { source: 'collector', operation, arn: `arn:${partitionOf(region)}:apigateway:${region}::/apis`, message: `${region}: ${message}` }
        : { source: 'collector', operation, apiId, arn: apiArn(region, apiId), message },
    );
  }

  private deleted(operation: Operation, apiId: string, what: string): void {
    this.stats.notFound += 1;
    this.warnings.push({ operation, apiId, message: `${what} was deleted during the walk; it is left out of the snapshot` });
  }

  private progress(): void {
    this.options.onProgress?.({ apisTotal: this.apisTotal, apisDone: this.apisDone, calls: this.stats.calls, throttled: this.stats.throttled, errors: this.errors.length });
  }
}

/** What decides an API's outcome: a recorded failure, else the deadline, else a deletion. */
function worst(first: Shortfall, ...others: readonly Read<unknown>[]): Shortfall {
  const shortfalls = [first, ...others].filter((read): read is Shortfall => read.status !== 'ok');
  return shortfalls.find((read) => read.status === 'failed') ?? shortfalls.find((read) => read.status === 'unreached') ?? first;
}

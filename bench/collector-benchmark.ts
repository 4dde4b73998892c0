import { collectAccount } from '../lib/collect/collect-account';
import type { Snapshot } from '../lib/model/snapshot';
import { minimalCalls, startFakeApiGateway, type FakeApiGatewayOptions } from '../test/support/fake-aws';
import { scaledClock, scaledSdkBackoff } from '../test/support/fake-aws/scaled-backoff';
import { baselineWalk, type BaselineSchedule, type BaselineWalk } from './baseline-walk';
import { compareSnapshots, type SnapshotComparison } from './compare-snapshots';
import { syntheticAccount, type AccountShape } from './synthetic-account';
import { tally } from './tally';

/**
 * The collector against the physical limit: API Gateway's management quota (10/s, burst 40 per
 * account and region) scaled tenfold so a walk takes seconds, with a per-call latency. Only the
 * quota bounds a walk; the bound is (calls − burst) / rate: the burst goes out at once, then
 * every call waits for its token. Our walker runs with its shipped defaults and a clock that
 * runs as much faster as the fake's quota does, so its 10/s meets the fake's scaled 10/s.
 */
const QUOTA = { ratePerSecond: 100, burst: 40 };
const SETUP: CollectorSetup = {
  account: { webSocketApis: 60, integrationsPerApi: 20, responsesPerIntegration: 2, routesPerApi: 20, httpApis: 20, templateShare: 0.2 },
  quota: QUOTA,
  timeScale: QUOTA.ratePerSecond / 10,
  latencyMs: 20,
  // The fake's default: GetApis then takes several pages, as a large account's does.
  pageSize: 25,
  // Another caller of the same quota (the console, a deploy pipeline), in AWS's units.
  neighbourRatePerSecond: 3,
};
/** Faults beyond the quota: 20 % of admitted calls throttled anyway, 2 % answered 503 (the rule sees the 80 % left). */
const INJECTED_FAULTS = [
  { kind: 'throttle', fraction: 0.2 },
  { kind: 'server-error', fraction: 0.02 / 0.8 },
] as const;
const REGION = 'eu-west-1';

/** What every walk ran against and with. */
export interface CollectorSetup {
  account: AccountShape;
  quota: { ratePerSecond: number; burst: number };
  /** How much faster than AWS's 10 requests/s the fake's quota lets time run. */
  timeScale: number;
  latencyMs: number;
  /** The largest page the fake serves. */
  pageSize: number;
  /** The neighbour's steady rate (before scaling): one GetApis every 1/rate seconds, never retried. */
  neighbourRatePerSecond: number;
}

/** Our walk beside the neighbour, and what the neighbour met. */
export interface NeighbourRun {
  ours: WalkRun;
  neighbourSent: number;
  neighbourThrottled: number;
}

export interface NeighbourScenario {
  minimalCalls: number;
  /** (calls − burst) / (quota rate − neighbour rate): the bound of the quota left to us. */
  boundSeconds: number;
  runs: NeighbourRun[];
}

export type Walker = 'ours' | BaselineSchedule;

/** One walk, as the fake saw it and as the snapshot came out. */
export interface WalkRun {
  wallSeconds: number;
  /** Operations sent, as the walker counts them (a call and its retries once). */
  calls: number;
  /** HTTP requests the fake answered, retries included. */
  attempts: number;
  /** Answered 429, by the quota or by an injected fault. */
  throttled: number;
  /** Answered 5xx by an injected fault. */
  serverErrors: number;
  /** Operations that ended in an error (after retries). */
  failedCalls: number;
  /** What those errors said, with how many times each. */
  failures: Record<string, number>;
  /** The walker's own verdict: ours says whether anything could not be read; a baseline, whether any call failed. */
  complete: boolean;
  snapshot: SnapshotComparison;
}

export interface CollectorScenario {
  minimalCalls: number;
  boundSeconds: number;
  runs: Record<Walker, WalkRun[]>;
}

export interface FaultScenario {
  minimalCalls: number;
  boundSeconds: number;
  deletedApi: string;
  /** After how many answered requests the fake deletes it. */
  deletedAfter: number;
  runs: WalkRun[];
}

export interface CollectorBenchmark {
  setup: CollectorSetup;
  clean: CollectorScenario;
  faults: FaultScenario;
  neighbour: NeighbourScenario;
}

export interface CollectorRuns {
  /** Rounds of ours and the unlimited baseline, side by side. */
  rounds: number;
  /** Sequential walks: the slowest by far, so fewer. */
  sequential: number;
  faultRuns: number;
  /** Our walks beside the 3/s neighbour. */
  neighbourRuns: number;
}

export async function benchCollector(counts: CollectorRuns, log: (line: string) => void): Promise<CollectorBenchmark> {
  const account = syntheticAccount(SETUP.account);
  const minimal = minimalCalls(account, SETUP.pageSize);
  const boundSeconds = (minimal - QUOTA.burst) / QUOTA.ratePerSecond;
  const clean: FakeApiGatewayOptions = { quota: QUOTA, latencyMs: SETUP.latencyMs, pageSize: SETUP.pageSize };
  log(`collector: ${account.apis.length} APIs, ${minimal} calls at least, bound ${boundSeconds.toFixed(2)} s`);

  const runs: Record<Walker, WalkRun[]> = { ours: [], sequential: [], unlimited: [] };
  const record = async (walker: Walker, label: string) => {
    const run = await walkOnFake(walker, account, clean, account);
    runs[walker].push(run);
    log(`  ${label}: ${summary(run)}`);
  };
  for (let round = 1; round <= counts.rounds; round++) {
    await record('ours', `ours, round ${round}`);
    await record('unlimited', `unlimited baseline, round ${round}`);
  }
  for (let run = 1; run <= counts.sequential; run++) await record('sequential', `sequential baseline, run ${run}`);

  // The last WebSocket API: the walk reaches it late, so it is deleted before the walk reads it.
  const deletedApi = account.apis.filter((api) => api.ProtocolType === 'WEBSOCKET').at(-1)?.ApiId ?? '';
  const deletedAfter = Math.round(minimal / 2);
  const expected: Snapshot = { ...account, apis: account.apis.filter((api) => api.ApiId !== deletedApi) };
  const faultRuns: WalkRun[] = [];
  for (let run = 1; run <= counts.faultRuns; run++) {
    const faulty: FakeApiGatewayOptions = { ...clean, faults: INJECTED_FAULTS, deletions: [{ apiId: deletedApi, afterCalls: deletedAfter }], seed: run };
    const result = await walkOnFake('ours', account, faulty, expected);
    faultRuns.push(result);
    log(`  ours with faults, run ${run}: ${summary(result)}`);
  }

  const neighbourRate = SETUP.neighbourRatePerSecond * SETUP.timeScale;
  const neighbourBound = (minimal - QUOTA.burst) / (QUOTA.ratePerSecond - neighbourRate);
  const neighbourRuns: NeighbourRun[] = [];
  for (let run = 1; run <= counts.neighbourRuns; run++) {
    const result = await walkBesideNeighbour(account, clean, neighbourRate);
    neighbourRuns.push(result);
    log(`  ours beside a ${SETUP.neighbourRatePerSecond}/s neighbour, run ${run}: ${summary(result.ours)}; neighbour ${result.neighbourThrottled} of ${result.neighbourSent} throttled`);
  }
  return {
    setup: SETUP,
    clean: { minimalCalls: minimal, boundSeconds, runs },
    faults: { minimalCalls: minimal, boundSeconds, deletedApi, deletedAfter, runs: faultRuns },
    neighbour: { minimalCalls: minimal, boundSeconds: neighbourBound, runs: neighbourRuns },
  };
}

/** Marks the neighbour's requests, so the fake's record of ours leaves them out. */
const NEIGHBOUR_QUERY = 'neighbour=1';

/**
 * Our walk while a neighbour sends GetApis at a steady rate through the same quota, as the
 * console or a deploy pipeline would; the neighbour does not retry, so each 429 it meets is a
 * request of someone else's that our walk cost.
 */
async function walkBesideNeighbour(account: Snapshot, fake: FakeApiGatewayOptions, neighbourRate: number): Promise<NeighbourRun> {
  const statuses: number[] = [];
  let walking = true;
  let neighbourUrl = '';
  const inFlight: Promise<void>[] = [];
  const neighbour = (async () => {
    const intervalMs = 1000 / neighbourRate;
    const start = performance.now();
    for (let sent = 0; walking; sent++) {
      const due = start + sent * intervalMs;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      if (!walking || neighbourUrl === '') continue;
      inFlight.push(
        fetch(`${neighbourUrl}/v2/apis?${NEIGHBOUR_QUERY}`, { headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDTEST/20260101/eu-west-1/apigateway/aws4_request' } }).then(
          async (response) => {
            await response.arrayBuffer();
            statuses.push(response.status);
          },
          () => {
            statuses.push(0);
          },
        ),
      );
    }
  })();
  const ours = await walkOnFake('ours', account, fake, account, (url) => {
    neighbourUrl = url;
  });
  walking = false;
  await neighbour;
  await Promise.all(inFlight);
  return { ours, neighbourSent: statuses.length, neighbourThrottled: statuses.filter((status) => status === 429).length };
}

/**
 * A walk against a fresh fake (a full quota, nothing deleted yet), reached the way a user
 * reaches an emulator: through AWS_ENDPOINT_URL_APIGATEWAYV2. The snapshot is compared with
 * `expected`, what the account holds once the walk's deletions are done.
 */
async function walkOnFake(walker: Walker, account: Snapshot, fake: FakeApiGatewayOptions, expected: Snapshot, onStarted?: (url: string) => void): Promise<WalkRun> {
  const server = await startFakeApiGateway(account, fake);
  process.env.AWS_ENDPOINT_URL_APIGATEWAYV2 = server.url;
  try {
    const start = performance.now();
    onStarted?.(server.url);
    const walked = await walk(walker);
    const wallSeconds = (performance.now() - start) / 1000;
    const statuses = server.requests.filter((request) => !request.url.includes(NEIGHBOUR_QUERY)).map((request) => request.status);
    return {
      wallSeconds,
      calls: walked.calls,
      attempts: statuses.length,
      throttled: statuses.filter((status) => status === 429).length,
      serverErrors: statuses.filter((status) => typeof status === 'number' && status >= 500).length,
      failedCalls: walked.failedCalls,
      failures: walked.failures,
      complete: walked.complete,
      snapshot: compareSnapshots(expected, walked.snapshot),
    };
  } finally {
    delete process.env.AWS_ENDPOINT_URL_APIGATEWAYV2;
    await server.close();
  }
}

async function walk(walker: Walker): Promise<BaselineWalk & { complete: boolean }> {
  if (walker !== 'ours') {
    const walked = await baselineWalk(walker, REGION);
    return { ...walked, complete: walked.failedCalls === 0 };
  }
  // The shipped defaults (rate, burst, concurrency, retries), on a clock as fast as the fake's
  // quota, with the retry delays scaled the same way (see scaledSdkBackoff).
  const result = await collectAccount({ region: REGION, clock: scaledClock(SETUP.timeScale), backoff: scaledSdkBackoff(SETUP.timeScale) });
  return { snapshot: result.snapshot, calls: result.stats.calls, failedCalls: result.errors.length, failures: tally(result.errors.map((error) => error.message)), complete: result.complete };
}

function summary(run: WalkRun): string {
  const { lost, altered, unexpected } = run.snapshot;
  return `${run.wallSeconds.toFixed(2)} s, ${run.calls} calls, ${run.attempts} attempts, ${run.throttled} throttled, ${run.serverErrors} 5xx, ${run.failedCalls} failed, ${lost} lost / ${altered} altered / ${unexpected} unexpected resources`;
}

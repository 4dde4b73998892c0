import type { Context } from 'aws-lambda';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { readFleetSettings } from '../../lib/fleet/fleet-settings';
import type { FleetItem } from '../../lib/fleet/fleet-item';
import type { FleetRunSummary } from '../../lib/fleet/finish-run';
import type { ItemOutcome } from '../../lib/fleet/item-outcome';
import { walkItem, walkWindow } from '../../lib/fleet/walk-item';
import { WALK_SIZES_KEY } from '../../lib/fleet/walk-sizes';
import { WalkStore } from '../../lib/fleet/walk-store';
import type { Snapshot } from '../../lib/model/snapshot';
import { createStateTable, startDynalite } from './dynalite';
import { minimalCalls, sampleAccount, startFakeAws } from './fake-aws';
import { FleetApiGateway, type FleetAccountRegion } from './fake-aws/fleet-api-gateway';
import { FakeS3 } from './fake-aws/s3';
import { scaledClock, scaledSdkBackoff } from './fake-aws/scaled-backoff';
import type { FakeSecurityHub } from './fake-aws/securityhub';
import { FakeSns, type PublishedMessage } from './fake-aws/sns';
import { FakeSts } from './fake-aws/sts';
import { lambdaContext } from './lambda-context';

// The definition the stack packages (stack/fleet-plugin.cjs serializes the same function's output).
const { fleetDefinition } = require('../../stack/fleet-state-machine.cjs') as { fleetDefinition: (options: { maxConcurrency: number }) => Record<string, unknown> };

export const AUDITOR = '100000000000';
const STACK_REGION = 'us-east-1';
const TOPIC = `arn:aws:sns:${STACK_REGION}:${AUDITOR}:apigw-audit-sim-alerts`;
const BUCKET = 'apigw-audit-sim-walks';
const TABLE = 'apigw-audit-sim-state';
const PAGE_SIZE = 25;
/** API Gateway's management quota per account and region (10/s, burst 40), before scaling. */
const QUOTA = { ratePerSecond: 10, burst: 40 };

export interface FleetSimulationOptions {
  /** Member accounts, besides the auditor's own (which the fleet audits with its own role). */
  members: number;
  regions: readonly string[];
  /** How many times faster than AWS time runs: the fake quotas, the walk's clock and backoff, and Lambda's timeout. */
  timeScale: number;
  maxConcurrency: number;
  /** The deployed walk function's timeout, in AWS seconds (900). */
  lambdaTimeoutSeconds: number;
  /**
   * Steady state: the walk bucket holds the sizes a previous run of the same fleet recorded
   * (lib/fleet/walk-sizes.ts), so the plan starts the largest account-regions first. Without
   * it, a first run: the listing's order.
   */
  previousRun: boolean;
  /** The one large account-region: WebSocket APIs with this many integrations and routes, one response each. */
  large: { apis: number; integrationsPerApi: number; routesPerApi: number };
  /** Deployed with param securityHub on: every item exports its findings to this fake. Off when absent. */
  securityHub?: FakeSecurityHub;
}

export interface FleetSimulation {
  places: FleetAccountRegion[];
  large: FleetAccountRegion;
  denied: string;
  disabled: FleetAccountRegion;
  summary: FleetRunSummary;
  outcomes: Map<string, ItemOutcome>;
  /** API Gateway requests answered 200, per `account/region`, and the minimal walk of each. */
  answered: Map<string, number>;
  minimal: Map<string, number>;
  digest: PublishedMessage[];
  /** Log lines of the kinds the checks read. */
  lines: Record<string, unknown>[];
  wallSeconds: number;
  /** Real seconds from the start until the last walk invocation returned. */
  walkSeconds: number;
  /**
   * In AWS seconds: the run's wall time (until the last walk returned, time-scaled; the rest,
   * CPU-bound, as it ran), and the bound set by the largest account-region and maxConcurrency.
   */
  scaledWallSeconds: number;
  boundSeconds: number;
  /** Real ms after the start: when the large account-region's walk began and ended. */
  largeWalk: { start: number; end: number };
  /** What FinishRun left for the next run's order. */
  walkSizes: Record<string, number>;
}

const KEPT_KINDS = new Set(['fleet-item', 'fleet-walk', 'fleet-summary', 'fleet-item-not-audited', 'fleet-plan']);

/**
 * A fleet run end to end, offline: the packaged state machine definition executed by
 * aws-local-stepfunctions, its Task states calling the fleet's handlers (the walk through
 * lib/fleet/walk-item.ts, what functions/fleet-walk.ts calls, on a scaled clock), against
 * loopback fakes: API Gateway per account-region with its own scaled quota, STS AssumeRole
 * (one account's role cannot be assumed), S3 for the walk bucket, SNS, and dynalite for the
 * state table. One region of one account is not enabled. Sizes vary by account and region.
 */
export async function simulateFleet(options: FleetSimulationOptions): Promise<FleetSimulation> {
  const accounts = [AUDITOR, ...Array.from({ length: options.members }, (_, index) => String(100000000001 + index))];
  const denied = accounts[Math.min(3, accounts.length - 1)] ?? AUDITOR;
  const largeAccount = accounts[Math.floor(accounts.length / 2)] ?? AUDITOR;
  const [firstRegion = 'eu-west-1', lastRegion = firstRegion] = [options.regions[0], options.regions[options.regions.length - 1]];
  const disabledAccount = accounts[Math.min(5, accounts.length - 1)] ?? AUDITOR;
  const places: FleetAccountRegion[] = accounts.flatMap((accountId, i) =>
    options.regions.map((region, j): FleetAccountRegion => {
      if (accountId === disabledAccount && region === lastRegion) return { accountId, region };
      if (accountId === largeAccount && region === firstRegion) return { accountId, region, snapshot: sampleAccount({ webSocketApis: options.large.apis, httpApis: 0, integrationsPerApi: options.large.integrationsPerApi, routesPerApi: options.large.routesPerApi, responsesPerIntegration: 1, responsesPerRoute: 1 }) };
      return { accountId, region, snapshot: variedAccount(i, j) };
    }),
  );
  const large = places.find((place) => place.accountId === largeAccount && place.region === firstRegion) as FleetAccountRegion;
  const disabled = places.find((place) => place.accountId === disabledAccount && place.region === lastRegion) as FleetAccountRegion;

  const dynamo = await startDynalite();
  const apiGateway = new FleetApiGateway(places, AUDITOR, { pageSize: PAGE_SIZE, quota: { ratePerSecond: QUOTA.ratePerSecond * options.timeScale, burst: QUOTA.burst } });
  const sns = new FakeSns([TOPIC]);
  const s3 = new FakeS3([BUCKET]);
  const fake = await startFakeAws([apiGateway, new FakeSts(new Set([denied])), s3, sns, ...(options.securityHub === undefined ? [] : [options.securityHub])]);
  const saved = { ...process.env };
  const lines: Record<string, unknown>[] = [];
  const restoreConsole = captureConsole(lines);
  try {
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: fake.url,
      AWS_REGION: STACK_REGION,
      ALERT_TOPIC_ARN: TOPIC,
      AUDIT_REGIONS: options.regions.join(','),
      // The sample accounts' findings are medium and below: the digest then lists some.
      ALERT_THRESHOLD: 'medium',
      STATE_TABLE: TABLE,
      FLEET_ACCOUNTS: accounts.join(','),
      MEMBER_ROLE_NAME: 'apigw-audit-member',
      WALK_BUCKET: BUCKET,
      POWERTOOLS_METRICS_DISABLED: 'true',
      SECURITY_HUB: String(options.securityHub !== undefined),
    });
    await createStateTable(TABLE);
    if (options.previousRun) {
      // What FinishRun writes after a run: the calls of every account-region it walked.
      const sizes = Object.fromEntries(places.flatMap((place) => (place.snapshot === undefined || place.accountId === denied ? [] : [[`${place.accountId}/${place.region}`, minimalCalls(place.snapshot, PAGE_SIZE)]])));
      s3.objects.set(`${BUCKET}/${WALK_SIZES_KEY}`, JSON.stringify(sizes));
    }
    const settings = readFleetSettings(process.env);
    const store = WalkStore.create(BUCKET, STACK_REGION);
    const [{ handler: planRun }, { handler: auditItem }, { handler: finishRun }] = await Promise.all([import('../../functions/fleet-targets'), import('../../functions/fleet-audit'), import('../../functions/fleet-finish')]);
    // Unscaled: planning, evaluation and the digest are CPU, not quota, and middy ends a handler at its timeout.
    const context = (): Context => lambdaContext({ region: STACK_REGION, accountId: AUDITOR, name: 'apigw-audit-sim-fleet', timeoutMs: options.lambdaTimeoutSeconds * 1000 });
    const pace = { clock: scaledClock(options.timeScale), backoff: scaledSdkBackoff(options.timeScale) };
    const startedAt = Date.now();
    let lastWalkEnded = 0;
    // Real ms after the start: when each account-region's first walk began and its last one ended.
    const walkSpans = new Map<string, { start: number; end: number }>();
    const walk = async (item: FleetItem) => {
      const key = `${item.target.accountId}/${item.target.region}`;
      const start = Date.now() - startedAt;
      const cursor = await walkItem(item, settings, store, walkWindow(pace.clock.now(), options.lambdaTimeoutSeconds * 1000), pace);
      lastWalkEnded = Math.max(lastWalkEnded, Date.now());
      walkSpans.set(key, { start: walkSpans.get(key)?.start ?? start, end: Date.now() - startedAt });
      return cursor;
    };

    const definition = JSON.parse(
      JSON.stringify(fleetDefinition({ maxConcurrency: options.maxConcurrency })).replace(/\$\{(\w+)Function\}/g, (_match, name: string) => `arn:aws:lambda:${STACK_REGION}:${AUDITOR}:function:apigw-audit-sim-${name}`),
    ) as StateMachineDefinition;
    const runId = `sim-${Date.now()}`;
    const execution = new StateMachine(definition).run(
      {},
      {
        context: { Execution: { Name: runId, StartTime: new Date(startedAt).toISOString(), Input: {} } },
        overrides: {
          taskResourceLocalHandlers: {
            PlanRun: (event) => payload(planRun(event, context())),
            Walk: (event) => payload(walk(event as unknown as FleetItem)),
            RecordOutcome: (event) => payload(auditItem(event, context())),
            RecordFailure: (event) => payload(auditItem(event, context())),
            FinishRun: (event) => payload(finishRun(event, context())),
          },
          // Step Functions' retry pauses, scaled like the rest (none of them should happen).
          retryIntervalOverrides: { PlanRun: 0, Walk: 0, RecordOutcome: 0, RecordFailure: 0, FinishRun: 0 },
        },
      },
    );
    const summary = (await execution.result) as unknown as FleetRunSummary;
    const endedAt = Date.now();
    const wallSeconds = (endedAt - startedAt) / 1000;

    const outcomes = new Map<string, ItemOutcome>();
    for (const place of places) {
      const stored = s3.objects.get(`${BUCKET}/runs/${runId}/outcomes/${place.accountId}/${place.region}.json`);
      if (stored !== undefined) outcomes.set(`${place.accountId}/${place.region}`, JSON.parse(stored) as ItemOutcome);
    }
    const minimal = new Map(places.flatMap((place) => (place.snapshot === undefined ? [] : [[`${place.accountId}/${place.region}`, minimalCalls(place.snapshot, PAGE_SIZE)] as const])));
    // What one account-region costs at the quota: the burst at once, then 10/s (AWS seconds).
    const itemSeconds = [...minimal.values()].map((calls) => Math.max(0, calls - QUOTA.burst) / QUOTA.ratePerSecond);
    const boundSeconds = Math.max(Math.max(...itemSeconds), itemSeconds.reduce((sum, seconds) => sum + seconds, 0) / options.maxConcurrency);
    // Walking waits on the quota, so its time is scaled; what follows the last walk (evaluating,
    // tracking and the digest) is CPU, which scaling would inflate tenfold: it counts as it ran.
    const walkSeconds = (lastWalkEnded - startedAt) / 1000;
    const scaledWallSeconds = walkSeconds * options.timeScale + (endedAt - lastWalkEnded) / 1000;
    return { places, large, denied, disabled, summary, outcomes, answered: apiGateway.answered, minimal, digest: [...sns.published], lines, wallSeconds, walkSeconds, scaledWallSeconds, boundSeconds, largeWalk: walkSpans.get(`${large.accountId}/${large.region}`) ?? { start: 0, end: 0 }, walkSizes: JSON.parse(s3.objects.get(`${BUCKET}/${WALK_SIZES_KEY}`) ?? '{}') as Record<string, number> };
  } finally {
    restoreConsole();
    process.env = saved;
    await fake.close();
    await dynamo.stop();
  }
}

/** A task's result as Step Functions passes it on: serialized to JSON and back. */
async function payload(result: Promise<unknown>): Promise<Parameters<StateMachine['run']>[0]> {
  return JSON.parse(JSON.stringify(await result)) as Parameters<StateMachine['run']>[0];
}

/** Sizes that vary with the account and region: empty regions, HTTP-only ones, a few WebSocket APIs of varied shapes. */
function variedAccount(account: number, region: number): Snapshot {
  return sampleAccount({
    webSocketApis: (account * 7 + region * 3) % 4,
    httpApis: (account + region) % 3,
    integrationsPerApi: 1 + ((account + 2 * region) % 5),
    routesPerApi: 1 + ((2 * account + region) % 5),
    responsesPerIntegration: (account + region) % 3,
    responsesPerRoute: (account * region) % 2,
  });
}

/** Powertools writes JSON lines to the console; the run's would flood the output. Keeps the lines of KEPT_KINDS. */
function captureConsole(lines: Record<string, unknown>[]): () => void {
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const originals = methods.map((method) => console[method]);
  for (const method of methods) {
    console[method] = (...args: unknown[]) => {
      const text = String(args[0]);
      if (!text.startsWith('{')) return;
      const line = JSON.parse(text) as Record<string, unknown>;
      if (KEPT_KINDS.has(String(line['kind']))) lines.push(line);
    };
  }
  return () => methods.forEach((method, index) => (console[method] = originals[index] as (typeof console)[typeof method]));
}

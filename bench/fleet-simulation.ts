import { simulateFleet } from '../test/support/fleet-simulation';
import { answerParent } from './child-entry';

/**
 * Fleet mode at its done-when scale: the packaged state machine over 100 member accounts and
 * the auditor's own × 5 regions of varied sizes (test/support/fleet-simulation.ts), with one
 * account-region of 8,640 calls (three walk invocations of a 900 s function at 10/s), one
 * account whose role cannot be assumed and one region not enabled. Time runs 10 times faster
 * than AWS's (quotas, the walk's clock and backoff); the run is judged against the bound the
 * quota sets: the largest account-region's calls at 10/s, or all of them shared by
 * maxConcurrency walkers, whichever is longer. Time-scaling inflates CPU tenfold, so what
 * follows the last walk (evaluation, tracking, the digest: CPU) counts in real seconds. The
 * fleet is in its steady state: a previous run's sizes order the items largest first.
 */
const SETUP = { members: 100, regions: ['eu-west-1', 'us-east-1', 'eu-central-1', 'ap-southeast-2', 'ap-southeast-3'], timeScale: 10, maxConcurrency: 40, lambdaTimeoutSeconds: 900, previousRun: true, large: { apis: 135, integrationsPerApi: 30, routesPerApi: 30 } };

export interface FleetBenchResult {
  setup: typeof SETUP;
  accountRegions: number;
  audited: number;
  failed: number;
  /** Readable account-regions not read completely, or read with other than the minimal calls (operations). */
  lostOrExtra: number;
  /** 200 answers beyond the minimal calls, over the fleet: retried attempts. */
  extraAttempts: number;
  calls: number;
  largeCalls: number;
  largeWalkInvocations: number;
  notAuditedInDigest: number;
  digestParts: number;
  wallSeconds: number;
  walkSeconds: number;
  scaledWallSeconds: number;
  boundSeconds: number;
  /** The large account-region's walk, time-scaled seconds after the start: when it began, how long it took. */
  largeWalkStartSeconds: number;
  largeWalkSeconds: number;
  ratio: number;
}

export async function benchFleet(): Promise<FleetBenchResult> {
  // aws-local-stepfunctions calls Promise.withResolvers (Node 22); test/setup-env.cjs has the same polyfill for jest.
  const withResolvers = <T>() => {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
  (Promise as { withResolvers?: unknown }).withResolvers ??= withResolvers;
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'secret', AWS_EC2_METADATA_DISABLED: 'true', POWERTOOLS_DEV: 'true' });
  const run = await simulateFleet(SETUP);
  const readable = run.places.filter((place) => place.snapshot !== undefined && place.accountId !== run.denied).map((place) => `${place.accountId}/${place.region}`);
  const lostOrExtra = readable.filter((key) => {
    const outcome = run.outcomes.get(key);
    return outcome?.status !== 'audited' || outcome.calls !== run.minimal.get(key);
  }).length;
  // Attempts the fakes answered beyond the minimal calls: retries of attempts that timed out on a loaded machine.
  const extraAttempts = readable.reduce((sum, key) => sum + (run.answered.get(key) ?? 0) - (run.minimal.get(key) ?? 0), 0);
  const digest = run.digest.map((part) => part.message).join('\n');
  const notAudited = [...run.outcomes.values()].filter((outcome) => outcome.status === 'failed');
  const large = run.outcomes.get(`${run.large.accountId}/${run.large.region}`);
  return {
    setup: SETUP,
    accountRegions: run.summary.accountRegions,
    audited: run.summary.audited,
    failed: run.summary.failed,
    lostOrExtra,
    extraAttempts,
    calls: run.summary.calls,
    largeCalls: large?.calls ?? 0,
    largeWalkInvocations: large?.walkInvocations ?? 0,
    notAuditedInDigest: notAudited.filter((outcome) => digest.includes(`${outcome.accountId} ${outcome.region}\n\n`)).length,
    digestParts: run.digest.length,
    wallSeconds: run.wallSeconds,
    walkSeconds: run.walkSeconds,
    scaledWallSeconds: run.scaledWallSeconds,
    boundSeconds: run.boundSeconds,
    largeWalkStartSeconds: (run.largeWalk.start / 1000) * SETUP.timeScale,
    largeWalkSeconds: ((run.largeWalk.end - run.largeWalk.start) / 1000) * SETUP.timeScale,
    ratio: run.scaledWallSeconds / run.boundSeconds,
  };
}

if (process.argv.includes('--child')) answerParent(benchFleet);

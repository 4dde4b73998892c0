import type { FleetBenchResult } from './fleet-simulation';
import { count, seconds } from './format';
import type { Verdict } from './targets';

/** Fleet mode's done-when: the run's wall time within 1.15 times the quota's bound, nothing lost, every account-region not audited named. */
const MAX_RATIO = 1.15;

export function fleetVerdicts(result: FleetBenchResult): Verdict[] {
  return [
    {
      figure: `Fleet: ${count(result.accountRegions)} account-regions through the state machine, wall time against the quota's bound`,
      measured: `${result.ratio.toFixed(2)}×`,
      target: `≤ ${MAX_RATIO}×, nothing lost`,
      met: result.ratio <= MAX_RATIO && result.lostOrExtra === 0 && result.notAuditedInDigest === result.failed,
      reason: `${seconds(result.scaledWallSeconds)} (time-scaled) against a bound of ${seconds(result.boundSeconds)}; the largest account-region's walk began at ${seconds(result.largeWalkStartSeconds)} and took ${seconds(result.largeWalkSeconds)}; ${result.lostOrExtra} account-regions lost or over the minimal calls (${result.extraAttempts} attempts retried); ${result.notAuditedInDigest} of ${result.failed} not audited named in the digest`,
    },
  ];
}

export function fleetSection(result: FleetBenchResult): string[] {
  return [
    '## Fleet mode: 100 accounts × 5 regions on the state machine',
    '',
    `The packaged state machine run by aws-local-stepfunctions over ${count(result.accountRegions)} account-regions (test/support/fleet-simulation.ts), ${result.setup.maxConcurrency} at once,`,
    `time ${result.setup.timeScale} times faster than AWS's (each account-region's quota, the walk's clock and backoff). One account-region needs ${count(result.largeCalls)} calls`,
    'and several walk invocations; one account\'s role cannot be assumed; one region is not enabled.',
    '',
    'The time-scaled wall counts the walks (quota-bound) scaled, and what follows the last walk (evaluation, tracking, the digest: CPU, which scaling would inflate) as it ran.',
    '',
    '| account-regions | audited | not audited (named in the digest) | lost or over the minimal calls (attempts retried) | calls | large one: invocations | wall (real) | walks done (real) | wall (time-scaled) | bound | ratio |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    `| ${count(result.accountRegions)} | ${count(result.audited)} | ${result.failed} (${result.notAuditedInDigest}) | ${result.lostOrExtra} (${result.extraAttempts}) | ${count(result.calls)} | ${result.largeWalkInvocations} | ${seconds(result.wallSeconds)} | ${seconds(result.walkSeconds)} | ${seconds(result.scaledWallSeconds)} | ${seconds(result.boundSeconds)} | ${result.ratio.toFixed(2)}× |`,
    '',
  ];
}


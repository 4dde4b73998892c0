import { DEFAULT_MAX_ATTEMPTS } from '../lib/collect/retry-policy';
import type { WalkRun } from './collector-benchmark';
import { count, failureList, kilobytes, seconds, times } from './format';
import { median } from './median';
import type { BenchResults } from './results';
import { templateScanVerdicts } from './template-scan';
import { fleetVerdicts } from './fleet-report';

/** One figure of issues 6 and 15 against its target. */
export interface Verdict {
  figure: string;
  measured: string;
  target: string;
  /** Undefined for a figure that is shown, not judged. */
  met: boolean | undefined;
  /** For a missed target: why, from what was measured. */
  reason?: string;
}

const ENGINE_PER_SECOND = 200_000;
const ENGINE_RSS_MB = 300;
const BYTES_PER_FINDING = 400;
const MILLION_RSS_MB = 1_536;
const LAMBDA_MEMORY_MB = 512;
const WALL_TO_BOUND = 1.05;
const NEIGHBOUR_WALL_TO_BOUND = 1.1;
const NEIGHBOUR_THROTTLED_SHARE = 0.1;
const ZIP_KB = 170;
const INIT_MS = 80;
/** `apigw-audit rules` may take this much longer than a bare `node -e 0`. */
const CLI_START_OVER_NODE_MS = 40;

export function judge(results: BenchResults): Verdict[] {
  const scanLoad = results.sections.find((section) => section.name === 'template-scan')?.loadAverage;
  return [
    ...collectorVerdicts(results),
    ...neighbourVerdicts(results),
    ...faultVerdicts(results),
    ...engineVerdicts(results),
    ...templateScanVerdicts(results.templateScan, scanLoad),
    ...lambdaVerdicts(results),
    cliStartVerdict(results),
    ...fleetVerdicts(results.fleet),
  ];
}

function neighbourVerdicts({ collector: { neighbour } }: BenchResults): Verdict[] {
  const runs = neighbour.runs;
  const sent = sum(runs.map((run) => run.neighbourSent));
  const share = sent === 0 ? 1 : sum(runs.map((run) => run.neighbourThrottled)) / sent;
  const ratio = median(runs.map((run) => run.ours.wallSeconds)) / neighbour.boundSeconds;
  const failed = sum(runs.map((run) => run.ours.failedCalls));
  return [
    {
      figure: 'Beside a 3/s neighbour: its throttled share',
      measured: `${(share * 100).toFixed(1)} % (${runs.map((run) => `${run.neighbourThrottled} of ${run.neighbourSent}`).join(', ')})`,
      target: `≤ ${NEIGHBOUR_THROTTLED_SHARE * 100} %`,
      met: share <= NEIGHBOUR_THROTTLED_SHARE,
      reason: `our walks were throttled ${runs.map((run) => count(run.ours.throttled)).join(', ')} times`,
    },
    {
      figure: 'Beside a 3/s neighbour: our wall time against the bound of the quota left to us',
      measured: `${times(ratio)} (median ${seconds(ratio * neighbour.boundSeconds)} for a bound of ${seconds(neighbour.boundSeconds)})`,
      target: `≤ ${times(NEIGHBOUR_WALL_TO_BOUND)}`,
      met: ratio <= NEIGHBOUR_WALL_TO_BOUND,
      reason: `${runs.map((run) => count(run.ours.throttled)).join(', ')} of our attempts throttled; the limiter backs off on each congestion and wins the rate back slowly`,
    },
    { figure: 'Beside a 3/s neighbour: our failed calls', measured: count(failed), target: '0', met: failed === 0, reason: failureList(mergeFailures(runs.map((run) => run.ours))) },
  ];
}

function collectorVerdicts({ collector: { clean } }: BenchResults): Verdict[] {
  const ours = clean.runs.ours;
  const ourWall = median(ours.map((run) => run.wallSeconds));
  const ratio = ourWall / clean.boundSeconds;
  const callCounts = [...new Set(ours.map((run) => run.calls))];
  const failed = sum(ours.map((run) => run.failedCalls));
  const baseline = (name: string, runs: readonly WalkRun[]): Verdict => {
    const wall = median(runs.map((run) => run.wallSeconds));
    const lost = median(runs.map((run) => run.snapshot.lost));
    return {
      figure: `${name} baseline beside ours`,
      measured: `${times(wall / ourWall)} our wall time (${seconds(wall)}); ${count(median(runs.map((run) => run.failedCalls)))} failed calls, ${count(lost)} of ${count(runs[0]?.snapshot.expected ?? 0)} resources lost`,
      target: 'shown',
      met: undefined,
    };
  };
  return [
    {
      figure: 'Collector: calls made',
      measured: callCounts.map(count).join(', '),
      target: `= ${count(clean.minimalCalls)} (the minimal number)`,
      met: callCounts.length === 1 && callCounts[0] === clean.minimalCalls,
      reason: `runs made ${callCounts.map(count).join(', ')} calls`,
    },
    {
      figure: 'Collector: wall time against the bound',
      measured: `${times(ratio)} (${seconds(ourWall)} for a bound of ${seconds(clean.boundSeconds)})`,
      target: `≤ ${times(WALL_TO_BOUND)}`,
      met: ratio <= WALL_TO_BOUND,
      reason: `${count(median(ours.map((run) => run.attempts)))} attempts for ${count(clean.minimalCalls)} calls, ${count(median(ours.map((run) => run.throttled)))} throttled (medians)`,
    },
    { figure: 'Collector: failed calls', measured: count(failed), target: '0', met: failed === 0, reason: failureList(mergeFailures(ours)) },
    { figure: 'Collector: throttled responses', measured: ours.map((run) => count(run.throttled)).join(', '), target: 'shown', met: undefined },
    baseline('Sequential', clean.runs.sequential),
    baseline('Unlimited-concurrency', clean.runs.unlimited),
  ];
}

function faultVerdicts({ collector: { faults } }: BenchResults): Verdict[] {
  const runs = faults.runs;
  const complete = runs.filter((run) => run.complete).length;
  const differences = runs.map((run) => run.snapshot.lost + run.snapshot.altered + run.snapshot.unexpected);
  const ratio = median(runs.map((run) => run.wallSeconds)) / faults.boundSeconds;
  // Each attempt is refused independently at the injected rate, so a call fails when all its attempts are.
  const refused = sum(runs.map((run) => run.throttled + run.serverErrors)) / sum(runs.map((run) => run.attempts));
  const expectedFailures = faults.minimalCalls * refused ** DEFAULT_MAX_ATTEMPTS;
  const why = `${failureList(mergeFailures(runs))}. ${(refused * 100).toFixed(1)} % of attempts were refused; a call fails when all ${DEFAULT_MAX_ATTEMPTS} of its attempts are, which at that rate is ${count(Math.round(expectedFailures * 100) / 100)} calls per walk of ${count(faults.minimalCalls)} on average`;
  return [
    { figure: 'Faults: complete result', measured: `${complete} of ${runs.length} runs`, target: 'every run', met: complete === runs.length, reason: why },
    {
      figure: 'Faults: resources lost (or altered, or unexpected)',
      measured: differences.map(count).join(', '),
      target: '0 in every run',
      met: differences.every((difference) => difference === 0),
      reason: `lost / altered / unexpected per run: ${runs.map(({ snapshot }) => `${snapshot.lost} / ${snapshot.altered} / ${snapshot.unexpected}`).join(', ')} (an API with a failed call is left out whole: the collector never hands the rules a half-read API). ${why}`,
    },
    { figure: 'Faults: wall time against the bound', measured: `${times(ratio)} (median ${seconds(ratio * faults.boundSeconds)})`, target: 'shown', met: undefined },
  ];
}

function engineVerdicts({ engine, million, machine, sections }: BenchResults): Verdict[] {
  const load = sections.find((section) => section.name === 'engine')?.loadAverage;
  // Peak RSS grows with the account (the snapshot and its findings), so a million responses'
  // peak scales down to what fits in a Lambda's memory; an estimate, rounded down.
  const largest = Math.floor(((LAMBDA_MEMORY_MB / million.peakRssMb) * million.integrationResponses) / 10_000) * 10_000;
  return [
    {
      figure: 'Engine: retained bytes per finding',
      measured: count(engine.retainedBytesPerFinding),
      target: `≤ ${BYTES_PER_FINDING}`,
      met: engine.retainedBytesPerFinding <= BYTES_PER_FINDING,
      reason: `heap held by one run's ${count(engine.findings)} findings, after a full collection, divided by their number`,
    },
    {
      figure: 'Engine: 1,000,000 integration responses in one process, peak RSS',
      measured: `${count(million.peakRssMb)} MB (${count(million.findings)} findings in ${seconds(million.seconds)})`,
      target: `< ${count(MILLION_RSS_MB)} MB`,
      met: million.peakRssMb < MILLION_RSS_MB,
      reason: `the snapshot alone takes about ${count(engine.snapshotBytesPerResponse)} bytes per integration response`,
    },
    {
      figure: `Engine: largest account a ${LAMBDA_MEMORY_MB} MB Lambda audits (estimate)`,
      measured: `about ${count(largest)} integration responses`,
      target: 'shown',
      met: undefined,
    },
    {
      figure: 'Engine: integration responses per second',
      measured: count(engine.perSecond),
      target: `≥ ${count(ENGINE_PER_SECOND)}`,
      met: engine.perSecond >= ENGINE_PER_SECOND,
      reason: `runs took ${engine.runsSeconds.map(seconds).join(', ')}; in this process's CPU time: ${count(engine.perCpuSecond)} per second; the load average was ${load} on ${machine.cores} cores as it ended${competing(load, machine.cores)}`,
    },
    {
      figure: 'Engine: integration responses per CPU second (this process)',
      measured: count(engine.perCpuSecond),
      target: 'shown',
      met: undefined,
    },
    {
      figure: 'Engine: peak RSS',
      measured: `${engine.peakRssMb} MB`,
      target: `≤ ${ENGINE_RSS_MB} MB`,
      met: engine.peakRssMb <= ENGINE_RSS_MB,
      reason: `${engine.baselineRssMb} MB of it before the first run (Node.js, the rules and the snapshot); ${count(engine.findings)} findings held per run`,
    },
  ];
}

function lambdaVerdicts({ lambda }: BenchResults): Verdict[] {
  if ('notMeasured' in lambda) {
    return [
      { figure: 'Lambda: zipped bundle', measured: 'not measured', target: `≤ ${ZIP_KB} KB`, met: false, reason: lambda.notMeasured },
      { figure: 'Lambda: cold init', measured: 'not measured', target: `≤ ${INIT_MS} ms`, met: false, reason: lambda.notMeasured },
    ];
  }
  const floor = lambda.stackFloor;
  return lambda.functions.flatMap((figures) => {
    const contents = `${kilobytes(figures.unzippedBytes)} unzipped; largest inputs (minified): ${figures.largestInputs.map(({ input, kb }) => `${input} ${kb} KB`).join(', ')}`;
    const { load } = figures;
    const onMachine = figures.machineLoad === undefined ? '' : `; on ${figures.machineLoad.node} (this machine's Node.js) ${figures.machineLoad.medianInitMs.toFixed(0)} ms`;
    const belowFloor = floor.medianInitMs > INIT_MS ? `; the target is below the stack's own floor, so no change to our code can meet it` : '';
    return [
      {
        figure: `Lambda \`${figures.name}\`: zipped bundle`,
        measured: kilobytes(figures.zipBytes),
        target: `≤ ${ZIP_KB} KB`,
        met: figures.zipBytes <= ZIP_KB * 1024,
        reason: contents,
      },
      {
        figure: `Lambda \`${figures.name}\`: cold init (${load.node})`,
        measured: `${load.medianInitMs.toFixed(0)} ms`,
        target: `≤ ${INIT_MS} ms`,
        met: load.medianInitMs <= INIT_MS,
        reason:
          `require() of the bundle took ${load.medianRequireMs.toFixed(0)} ms of it; the stack alone (SDK clients, Powertools, middy: bench/stack-floor-handler.ts) ` +
          `takes ${floor.medianInitMs.toFixed(0)} ms loaded the same way, so our code adds ${(load.medianInitMs - floor.medianInitMs).toFixed(0)} ms${belowFloor}${onMachine}; ${contents}`,
      },
    ];
  });
}

function mergeFailures(runs: readonly WalkRun[]): Record<string, number> {
  const merged: Record<string, number> = {};
  for (const run of runs) for (const [message, times] of Object.entries(run.failures)) merged[message] = (merged[message] ?? 0) + times;
  return merged;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function cliStartVerdict({ cliStart, sections }: BenchResults): Verdict {
  const load = sections.find((section) => section.name === 'cli start')?.loadAverage;
  const over = cliStart.medianRulesMs - cliStart.medianNodeMs;
  return {
    figure: 'CLI: `apigw-audit rules` start beside `node -e 0`',
    measured: `+${over.toFixed(0)} ms (${cliStart.medianRulesMs.toFixed(0)} ms against ${cliStart.medianNodeMs.toFixed(0)} ms, medians of ${cliStart.runs})`,
    target: `≤ +${CLI_START_OVER_NODE_MS} ms`,
    met: over <= CLI_START_OVER_NODE_MS,
    // Both are wall times of fresh processes: on a shared machine the load stretches them alike.
    reason: `the rules command loads the rule registry (its bundle holds every rule and the VTL parser); load average ${load?.toFixed(1) ?? 'unknown'} when measured`,
  };
}

/**
 * Says other processes competed for the cores only when the load average shows they did. The
 * measured process keeps one core busy itself, so it counts for about 1 of the load.
 */
function competing(load: number | undefined, cores: number): string {
  if (load === undefined) return '';
  return load - 1 >= cores / 2 ? ', so other processes competed for the cores' : ' (the measured process itself counts for about 1 of it), so the time is mostly the engine\'s own';
}

import { DEFAULT_MAX_ATTEMPTS } from '../lib/collect/retry-policy';
import type { WalkRun } from './collector-benchmark';
import { count, failureList, kilobytes, seconds, times } from './format';
import { median } from './median';
import type { BenchResults } from './results';
import { templateScanVerdicts } from './template-scan';

/** One figure of issue 6 against its target. */
export interface Verdict {
  figure: string;
  measured: string;
  target: string;
  /** Undefined for a figure that is shown, not judged. */
  met: boolean | undefined;
  /** For a missed target: why, from what was measured. */
  reason?: string;
}

const ENGINE_PER_SECOND = 50_000;
const ENGINE_RSS_MB = 300;
const WALL_TO_BOUND = 1.1;
const ZIP_KB = 250;
const INIT_MS = 150;

export function judge(results: BenchResults): Verdict[] {
  const scanLoad = results.sections.find((section) => section.name === 'template-scan')?.loadAverage;
  return [...collectorVerdicts(results), ...faultVerdicts(results), ...engineVerdicts(results), ...templateScanVerdicts(results.templateScan, scanLoad), ...lambdaVerdicts(results)];
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

function engineVerdicts({ engine, machine, sections }: BenchResults): Verdict[] {
  const load = sections.find((section) => section.name === 'engine')?.loadAverage;
  return [
    {
      figure: 'Engine: integration responses per second',
      measured: count(engine.perSecond),
      target: `≥ ${count(ENGINE_PER_SECOND)}`,
      met: engine.perSecond >= ENGINE_PER_SECOND,
      reason: `runs took ${engine.runsSeconds.map(seconds).join(', ')}; the load average was ${load} on ${machine.cores} cores as it ended`,
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
  return lambda.functions.flatMap((figures) => {
    const contents = `${kilobytes(figures.unzippedBytes)} unzipped; largest inputs (minified): ${figures.largestInputs.map(({ input, kb }) => `${input} ${kb} KB`).join(', ')}`;
    return [
      {
        figure: `Lambda \`${figures.name}\`: zipped bundle`,
        measured: kilobytes(figures.zipBytes),
        target: `≤ ${ZIP_KB} KB`,
        met: figures.zipBytes <= ZIP_KB * 1024,
        reason: contents,
      },
      {
        figure: `Lambda \`${figures.name}\`: cold init`,
        measured: `${figures.medianInitMs.toFixed(0)} ms`,
        target: `≤ ${INIT_MS} ms`,
        met: figures.medianInitMs <= INIT_MS,
        reason: `require() of the bundle took ${figures.medianRequireMs.toFixed(0)} ms of it; ${contents}`,
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

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { benchCliStart } from './cli-start';
import { benchCollector, type CollectorRuns } from './collector-benchmark';
import type { EngineResult, MillionResult } from './engine-throughput';
import type { FleetBenchResult } from './fleet-simulation';
import { benchLambda } from './lambda-bundle';
import type { TemplateScanResult } from './template-scan';
import { describeMachine, loadAverage } from './machine';
import type { BenchResults, Section } from './results';
import { writeReport } from './write-report';

/**
 * `npm run bench`: the engine (and its million-response audit), the scan of a 20 MB template,
 * the Lambda bundle, the CLI's start, the collector and fleet mode (about 2 minutes), one after the other (so none competes
 * with another for the two cores), then docs/benchmarks.md and .json. The run counts keep the
 * whole to some five minutes on a quiet 2-core machine; the collector's walks are bound by the
 * quota, not by the CPU, and take most of it.
 */
const COLLECTOR_RUNS: CollectorRuns = { rounds: 3, sequential: 1, faultRuns: 2, neighbourRuns: 3 };
const LAMBDA_RUNS = 10;
const CLI_START_RUNS = 20;

async function main(): Promise<void> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const sections: Section[] = [];
  async function section<T>(name: string, measure: () => T | Promise<T>): Promise<T> {
    log(`${name}...`);
    const start = performance.now();
    const result = await measure();
    sections.push({ name, seconds: (performance.now() - start) / 1000, loadAverage: loadAverage() });
    return result;
  }

  const engine = await section('engine', engineInChildProcess);
  const million = await section('million', millionInChildProcess);
  const templateScan = await section('template-scan', () => childResult<TemplateScanResult>('template-scan.cjs'));
  const lambda = await section('lambda', () => benchLambda(LAMBDA_RUNS, log));
  const cliStart = await section('cli start', () => benchCliStart(CLI_START_RUNS));
  const collector = await section('collector', () => {
    useFakeCredentials();
    return benchCollector(COLLECTOR_RUNS, log);
  });
  // In a process of its own: 505 account-regions' fakes and state, time-scaled, and its own console.
  const fleet = await section('fleet', () => childResult<FleetBenchResult>('fleet-simulation.cjs'));
  log(`  ${fleet.accountRegions} account-regions, ${fleet.lostOrExtra} lost or over the minimal calls, wall ${fleet.ratio.toFixed(2)}× the quota's bound`);
  const results: BenchResults = {
    startedAt,
    totalSeconds: (performance.now() - started) / 1000,
    machine: describeMachine(),
    sections,
    engine,
    million,
    templateScan,
    lambda,
    lambdaRuns: LAMBDA_RUNS,
    collector,
    collectorRuns: COLLECTOR_RUNS,
    cliStart,
    fleet,
  };
  writeReport(results, 'docs');
  log(`wrote docs/benchmarks.md and docs/benchmarks.json in ${results.totalSeconds.toFixed(0)} s`);
}

/** In a process of its own, so its peak RSS is the engine's and not the collector's or the fake's. */
function engineInChildProcess(): EngineResult {
  const result = childResult<EngineResult>('engine-throughput.cjs');
  log(`  ${result.perSecond} integration responses/s, peak RSS ${result.peakRssMb} MB, ${result.retainedBytesPerFinding} bytes per finding`);
  return result;
}

function millionInChildProcess(): MillionResult {
  const result = childResult<MillionResult>('engine-throughput.cjs', '--million');
  log(`  ${result.integrationResponses} integration responses in ${result.seconds.toFixed(1)} s, peak RSS ${result.peakRssMb} MB`);
  return result;
}

/** A benchmark that runs in a process of its own (so its peak RSS is its own) and prints its result as JSON. */
function childResult<T>(script: string, mode = '--child'): T {
  const child = spawnSync(process.execPath, [join(__dirname, script), mode], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`${script} ${mode} failed: ${child.stderr}`);
  // Parsed as the child wrote it; the types are those of the benchmark's own module.
  return JSON.parse(child.stdout) as T;
}

/** The SDK signs every request to the fake; these keep it from looking for real credentials (or using them). */
function useFakeCredentials(): void {
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'secret', AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

import type { CliStartResult } from './cli-start';
import type { CollectorBenchmark, CollectorRuns } from './collector-benchmark';
import type { EngineResult, MillionResult } from './engine-throughput';
import type { FleetBenchResult } from './fleet-simulation';
import type { LambdaBenchmark } from './lambda-bundle';
import type { Machine } from './machine';
import type { TemplateScanResult } from './template-scan';

/** One part of the benchmark, as it ran. */
export interface Section {
  name: string;
  seconds: number;
  /** The 1-minute load average when the part ended. */
  loadAverage: number;
}

/** Everything one `npm run bench` measured; docs/benchmarks.json holds it as is. */
export interface BenchResults {
  startedAt: string;
  totalSeconds: number;
  machine: Machine;
  sections: Section[];
  engine: EngineResult;
  million: MillionResult;
  templateScan: TemplateScanResult;
  lambda: LambdaBenchmark;
  lambdaRuns: number;
  collector: CollectorBenchmark;
  collectorRuns: CollectorRuns;
  cliStart: CliStartResult;
  fleet: FleetBenchResult;
}

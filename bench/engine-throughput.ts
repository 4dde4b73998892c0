import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { evaluate } from '../lib/engine/evaluate';
import { RULES } from '../lib/rules';
import { median } from './median';
import { countIntegrationResponses, syntheticAccount, type AccountShape } from './synthetic-account';

/**
 * Engine throughput: 100,000 integration responses (20 % with VTL templates) evaluated with
 * every rule. Run in its own process (see run.ts) so its peak RSS is its own.
 */
export interface EngineResult {
  account: AccountShape;
  integrationResponses: number;
  rules: number;
  findings: number;
  runsSeconds: number[];
  medianSeconds: number;
  perSecond: number;
  /** The same runs in CPU time of this process (user + system), less sensitive to other processes on the machine. */
  runsCpuSeconds: number[];
  perCpuSecond: number;
  peakRssMb: number;
  /** Peak RSS once the snapshot is built, before the first run: node, the rules and the snapshot. */
  baselineRssMb: number;
  /** Heap the snapshot takes, per integration response (its share of the APIs and routes included). */
  snapshotBytesPerResponse: number;
  /** Heap the findings of one run keep while they are held, per finding. */
  retainedBytesPerFinding: number;
}

/** One audit of a million integration responses in a process of its own. */
export interface MillionResult {
  integrationResponses: number;
  findings: number;
  seconds: number;
  peakRssMb: number;
}

const ENGINE_ACCOUNT: AccountShape = { webSocketApis: 500, integrationsPerApi: 50, responsesPerIntegration: 4, routesPerApi: 20, httpApis: 0, templateShare: 0.2 };

export function benchEngine(runs = 5): EngineResult {
  const snapshot = syntheticAccount(ENGINE_ACCOUNT);
  const integrationResponses = countIntegrationResponses(snapshot);
  const rules = RULES.map((rule) => ({ rule }));
  const collectGarbage = exposedGc();
  collectGarbage();
  const heapBeforeSnapshot = process.memoryUsage().heapUsed;
  const snapshotHeld = syntheticAccount(ENGINE_ACCOUNT);
  collectGarbage();
  const snapshotBytesPerResponse = Math.round((process.memoryUsage().heapUsed - heapBeforeSnapshot) / integrationResponses);
  snapshotHeld.apis.length = 0;
  const baselineRssMb = peakRssMb();
  const runsSeconds: number[] = [];
  const runsCpuSeconds: number[] = [];
  let findings = 0;
  for (let run = 0; run < runs; run++) {
    collectGarbage();
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    findings = evaluate(snapshot, rules).findings.length;
    const used = process.cpuUsage(cpu);
    runsSeconds.push(Number(process.hrtime.bigint() - start) / 1e9);
    runsCpuSeconds.push((used.user + used.system) / 1e6);
  }
  const medianSeconds = median(runsSeconds);
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const held = evaluate(snapshot, rules).findings;
  collectGarbage();
  const retainedBytesPerFinding = Math.round((process.memoryUsage().heapUsed - heapBefore) / held.length);
  return {
    account: ENGINE_ACCOUNT,
    integrationResponses,
    rules: rules.length,
    findings,
    runsSeconds,
    medianSeconds,
    perSecond: Math.round(integrationResponses / medianSeconds),
    runsCpuSeconds,
    perCpuSecond: Math.round(integrationResponses / median(runsCpuSeconds)),
    peakRssMb: peakRssMb(),
    baselineRssMb,
    snapshotBytesPerResponse,
    retainedBytesPerFinding,
  };
}

/** Ten times the throughput account: 1,000,000 integration responses, audited once. */
const MILLION_ACCOUNT: AccountShape = { ...ENGINE_ACCOUNT, webSocketApis: 5_000 };

export function benchMillion(): MillionResult {
  const snapshot = syntheticAccount(MILLION_ACCOUNT);
  const start = process.hrtime.bigint();
  const findings = evaluate(snapshot, RULES.map((rule) => ({ rule }))).findings.length;
  return { integrationResponses: countIntegrationResponses(snapshot), findings, seconds: Number(process.hrtime.bigint() - start) / 1e9, peakRssMb: peakRssMb() };
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/**
 * V8's full collection, run between runs and outside the timed part: each run starts from the
 * same heap, and no run pays for (or has its peak RSS swollen by) the findings of the one
 * before, which V8, with gigabytes of heap limit here, would otherwise let pile up for several
 * runs. Enabled from inside, so `node bench-engine.cjs --child` needs no --expose-gc.
 */
function exposedGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

if (process.argv.includes('--child')) process.stdout.write(JSON.stringify(benchEngine()));
if (process.argv.includes('--million')) process.stdout.write(JSON.stringify(benchMillion()));

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { lambdaRuntimeNode, type MeasuringNode } from './lambda-node';
import { median } from './median';

/** How long fresh processes of one Node.js release take to load a handler module. */
export interface LoadFigures {
  /** The Node.js release, e.g. v22.23.5. */
  node: string;
  /** Per fresh process: from the process's start (performance.timeOrigin) until the handler module is loaded. */
  initMs: number[];
  /** Per fresh process: of that, the time spent in require() of the bundle. */
  requireMs: number[];
  medianInitMs: number;
  medianRequireMs: number;
}

/** One packaged function: its zip, and how long a fresh Node process takes to load its handler. */
export interface LambdaFunctionFigures {
  name: string;
  artifact: string;
  zipBytes: number;
  /** The files in the zip, uncompressed. */
  unzippedBytes: number;
  handler: string;
  /** On the Node.js release Lambda's nodejs22.x runs (bench/lambda-node.ts). */
  load: LoadFigures;
  /** On this machine's Node.js, when that is another release: the figure earlier reports gave. */
  machineLoad?: LoadFigures;
  /** What the bundle is made of, largest first (kilobytes of minified output per package or lib/ folder). */
  largestInputs: { input: string; kb: number }[];
}

export type LambdaBenchmark =
  | {
      functions: LambdaFunctionFigures[];
      /** bench/stack-floor-handler.ts, bundled and loaded as the first function is: the stack's own cold init. */
      stackFloor: LoadFigures;
      /** Why the figures are not on Lambda's Node.js release, when they are not. */
      nodeFallback?: string;
    }
  | { notMeasured: string };

/** What serverless-esbuild was configured with and what `sls package` wrote, from .serverless/serverless-state.json. */
interface PackagedService {
  service: {
    service: string;
    provider: { region: string };
    custom?: { esbuild?: Record<string, unknown> };
    functions: Record<string, { handler: string; package?: { artifact?: string }; environment?: Record<string, unknown> }>;
  };
}

const STATE_FILE = '.serverless/serverless-state.json';
/** The esbuild options serverless-esbuild passes through unchanged; its own (exclude, packager...) are left out. */
const ESBUILD_OPTIONS = ['bundle', 'minify', 'keepNames', 'target', 'platform', 'format', 'mainFields', 'alias'] as const;

/**
 * Packages the stack as a user would (`npm run package`), then, for every function, measures
 * the zip and loads the handler from the zip's own contents in fresh Node processes with the
 * environment the function would have (fake credentials; nothing is called at load), on the
 * Node.js release Lambda runs. The stack's floor (bench/stack-floor-handler.ts) is bundled with
 * the same options and loaded the same way, so the report can say how much of the init is ours.
 */
export async function benchLambda(runs: number, log: (line: string) => void): Promise<LambdaBenchmark> {
  const packaged = spawnSync('npm', ['run', 'package'], { encoding: 'utf8' });
  if (packaged.status !== 0) return { notMeasured: `npm run package failed (exit ${packaged.status}): ${lastLines(`${packaged.stdout}\n${packaged.stderr}`)}` };
  if (!existsSync(STATE_FILE)) return { notMeasured: `npm run package wrote no ${STATE_FILE}` };
  const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as PackagedService;
  const configured = state.service.custom?.esbuild ?? {};
  const runtime = lambdaRuntimeNode();
  log(`  loading the bundles with Node.js ${runtime.version}${runtime.fallback === undefined ? " (Lambda's nodejs22.x release)" : ` (${runtime.fallback})`}`);
  const machine: MeasuringNode | undefined = runtime.path === process.execPath ? undefined : { path: process.execPath, version: process.version };
  const floorDirectory = mkdtempSync(join(tmpdir(), 'apigw-audit-floor-'));
  try {
    const floor = join(floorDirectory, 'stack-floor.js');
    await build({ ...bundleOptions(configured), entryPoints: ['bench/stack-floor-handler.ts'], outfile: floor, logLevel: 'silent' });
    const functions: LambdaFunctionFigures[] = [];
    let stackFloor: LoadFigures | undefined;
    for (const [name, definition] of Object.entries(state.service.functions)) {
      const artifact = definition.package?.artifact;
      if (artifact === undefined || !existsSync(artifact)) return { notMeasured: `function ${name}: no zip artifact in ${STATE_FILE}` };
      const directory = mkdtempSync(join(tmpdir(), 'apigw-audit-bench-'));
      try {
        const unzipped = spawnSync('unzip', ['-q', artifact, '-d', directory], { encoding: 'utf8' });
        if (unzipped.status !== 0) return { notMeasured: `could not unzip ${artifact} (is unzip installed?): ${unzipped.error?.message ?? unzipped.stderr}` };
        const handler = { modulePath: join(directory, handlerModule(definition.handler)), exportName: handlerExport(definition.handler) };
        const env = functionEnvironment(definition.environment ?? {}, state);
        // The floor beside the first function, in its environment, so the two differ only by our code.
        const { load, floorLoad, machineLoad } = loadAlternately(
          {
            load: { node: runtime, ...handler },
            ...(stackFloor === undefined ? { floorLoad: { node: runtime, modulePath: floor, exportName: 'handler' } } : {}),
            ...(machine === undefined ? {} : { machineLoad: { node: machine, ...handler } }),
          },
          env,
          runs,
        );
        const figures: LambdaFunctionFigures = {
          name,
          artifact,
          zipBytes: statSync(artifact).size,
          unzippedBytes: directorySize(directory),
          handler: definition.handler,
          load,
          ...(machineLoad === undefined ? {} : { machineLoad }),
          largestInputs: await largestInputs(handlerModule(definition.handler), configured),
        };
        stackFloor ??= floorLoad;
        log(`  ${name}: ${(figures.zipBytes / 1024).toFixed(1)} KB zipped, init ${load.medianInitMs.toFixed(0)} ms (require ${load.medianRequireMs.toFixed(0)} ms)`);
        functions.push(figures);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    }
    if (stackFloor === undefined) return { notMeasured: `${STATE_FILE} lists no function` };
    log(`  the stack alone (bench/stack-floor-handler.ts): init ${stackFloor.medianInitMs.toFixed(0)} ms (require ${stackFloor.medianRequireMs.toFixed(0)} ms)`);
    return { functions, stackFloor, ...(runtime.fallback === undefined ? {} : { nodeFallback: runtime.fallback }) };
  } finally {
    rmSync(floorDirectory, { recursive: true, force: true });
  }
}

/** `functions/audit.handler`: the module `functions/audit`. */
function handlerModule(handler: string): string {
  return handler.slice(0, handler.lastIndexOf('.'));
}

/** `functions/audit.handler`: the export `handler`. */
function handlerExport(handler: string): string {
  return handler.slice(handler.lastIndexOf('.') + 1);
}

interface LoadTarget {
  node: MeasuringNode;
  modulePath: string;
  exportName: string;
}

/**
 * `runs` fresh loads of each target, taken in turn (A B C A B C ...), so a quieter or busier
 * moment of a shared machine falls on all of them alike and their differences stay fair.
 */
function loadAlternately<Targets extends Partial<Record<string, LoadTarget>>>(targets: Targets, env: NodeJS.ProcessEnv, runs: number): { [Name in keyof Targets]: LoadFigures } {
  const named = Object.entries(targets) as [keyof Targets, LoadTarget][];
  const readings = named.map(() => ({ initMs: [] as number[], requireMs: [] as number[] }));
  for (let run = 0; run < runs; run++) {
    named.forEach(([, { node, modulePath, exportName }], index) => {
      const { started, loaded } = loadInFreshProcess(node.path, modulePath, exportName, env);
      readings[index]!.initMs.push(loaded);
      readings[index]!.requireMs.push(loaded - started);
    });
  }
  const figures = {} as { [Name in keyof Targets]: LoadFigures };
  named.forEach(([name, { node }], index) => {
    const { initMs, requireMs } = readings[index]!;
    figures[name] = { node: node.version, initMs, requireMs, medianInitMs: median(initMs), medianRequireMs: median(requireMs) };
  });
  return figures;
}

/**
 * What Lambda would set: the function's plain environment from the stack (a CloudFormation
 * reference stays unresolved offline, so the topic ARN is given here), its region, and static
 * fake credentials. Nothing from this shell leaks in but PATH.
 */
function functionEnvironment(environment: Record<string, unknown>, state: PackagedService): NodeJS.ProcessEnv {
  const region = state.service.provider.region;
  const plain = Object.fromEntries(Object.entries(environment).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  return {
    PATH: process.env.PATH,
    ...plain,
    AWS_REGION: region,
    AWS_ACCESS_KEY_ID: 'AKIDTEST',
    AWS_SECRET_ACCESS_KEY: 'secret',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ALERT_TOPIC_ARN: `arn:aws:sns:${region}:123456789012:${state.service.service}-alerts`,
  };
}

/** The two readings, in ms since the child's own process start. */
const LOAD_SCRIPT = `
const started = performance.now();
const handler = require(process.argv[1])[process.argv[2]];
const loaded = performance.now();
if (typeof handler !== 'function') throw new Error('the bundle exports no function ' + process.argv[2]);
process.stdout.write(JSON.stringify({ started, loaded }));
`;

function loadInFreshProcess(node: string, modulePath: string, exportName: string, env: NodeJS.ProcessEnv): { started: number; loaded: number } {
  const child = spawnSync(node, ['-e', LOAD_SCRIPT, modulePath, exportName], { encoding: 'utf8', env });
  if (child.status !== 0) throw new Error(`loading ${modulePath} failed: ${lastLines(child.stderr)}`);
  return JSON.parse(child.stdout) as { started: number; loaded: number };
}

/**
 * The handler bundled again with the options serverless.yml gives serverless-esbuild (and its
 * plugins file, loaded as serverless-esbuild loads it), for esbuild's account of its inputs.
 */
async function largestInputs(modulePath: string, configured: Record<string, unknown>): Promise<{ input: string; kb: number }[]> {
  const entry = ['.ts', '.js'].map((extension) => modulePath + extension).find((candidate) => existsSync(candidate));
  if (entry === undefined) return [];
  const { metafile } = await build({ ...bundleOptions(configured), entryPoints: [entry], write: false, metafile: true, logLevel: 'silent' });
  const bytes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const group = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? /^(?:lib\/[^/]+|[^/]+)/.exec(input)?.[0] ?? input;
      bytes.set(group, (bytes.get(group) ?? 0) + bytesInOutput);
    }
  }
  return [...bytes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([input, size]) => ({ input, kb: Math.round(size / 102.4) / 10 }));
}

/** The options serverless.yml gives serverless-esbuild, with its plugins file loaded as serverless-esbuild loads it. */
function bundleOptions(configured: Record<string, unknown>): BuildOptions {
  const options = Object.fromEntries(ESBUILD_OPTIONS.filter((option) => option in configured).map((option) => [option, configured[option]])) as BuildOptions;
  const plugins = typeof configured.plugins === 'string' ? (createRequire(resolve('package.json'))(resolve(configured.plugins)) as Plugin[]) : [];
  return { ...options, plugins };
}

function directorySize(directory: string): number {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .map((file) => statSync(join(directory, file)))
    .reduce((sum, stats) => sum + (stats.isFile() ? stats.size : 0), 0);
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-5).join(' | ');
}

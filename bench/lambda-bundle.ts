import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { median } from './median';

/** One packaged function: its zip, and how long a fresh Node process takes to load its handler. */
export interface LambdaFunctionFigures {
  name: string;
  artifact: string;
  zipBytes: number;
  /** The files in the zip, uncompressed. */
  unzippedBytes: number;
  handler: string;
  /** Per fresh process: from the process's start (performance.timeOrigin) until the handler module is loaded. */
  initMs: number[];
  /** Per fresh process: of that, the time spent in require() of the bundle. */
  requireMs: number[];
  medianInitMs: number;
  medianRequireMs: number;
  /** What the bundle is made of, largest first (kilobytes of minified output per package or lib/ folder). */
  largestInputs: { input: string; kb: number }[];
}

export type LambdaBenchmark = { functions: LambdaFunctionFigures[] } | { notMeasured: string };

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
 * environment the function would have (fake credentials; nothing is called at load).
 */
export async function benchLambda(runs: number, log: (line: string) => void): Promise<LambdaBenchmark> {
  const packaged = spawnSync('npm', ['run', 'package'], { encoding: 'utf8' });
  if (packaged.status !== 0) return { notMeasured: `npm run package failed (exit ${packaged.status}): ${lastLines(`${packaged.stdout}\n${packaged.stderr}`)}` };
  if (!existsSync(STATE_FILE)) return { notMeasured: `npm run package wrote no ${STATE_FILE}` };
  const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as PackagedService;
  const functions: LambdaFunctionFigures[] = [];
  for (const [name, definition] of Object.entries(state.service.functions)) {
    const artifact = definition.package?.artifact;
    if (artifact === undefined || !existsSync(artifact)) return { notMeasured: `function ${name}: no zip artifact in ${STATE_FILE}` };
    const directory = mkdtempSync(join(tmpdir(), 'apigw-audit-bench-'));
    try {
      const unzipped = spawnSync('unzip', ['-q', artifact, '-d', directory], { encoding: 'utf8' });
      if (unzipped.status !== 0) return { notMeasured: `could not unzip ${artifact} (is unzip installed?): ${unzipped.error?.message ?? unzipped.stderr}` };
      const figures = await measureFunction(name, artifact, definition, state, directory, runs);
      log(`  ${name}: ${(figures.zipBytes / 1024).toFixed(1)} KB zipped, init ${figures.medianInitMs.toFixed(0)} ms (require ${figures.medianRequireMs.toFixed(0)} ms)`);
      functions.push(figures);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }
  return { functions };
}

async function measureFunction(
  name: string,
  artifact: string,
  definition: PackagedService['service']['functions'][string],
  state: PackagedService,
  directory: string,
  runs: number,
): Promise<LambdaFunctionFigures> {
  // `functions/audit.handler`: the module `functions/audit`, the export `handler`.
  const exportName = definition.handler.slice(definition.handler.lastIndexOf('.') + 1);
  const modulePath = definition.handler.slice(0, definition.handler.lastIndexOf('.'));
  const env = functionEnvironment(definition.environment ?? {}, state);
  const initMs: number[] = [];
  const requireMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const { started, loaded } = loadInFreshProcess(join(directory, modulePath), exportName, env);
    initMs.push(loaded);
    requireMs.push(loaded - started);
  }
  return {
    name,
    artifact,
    zipBytes: statSync(artifact).size,
    unzippedBytes: directorySize(directory),
    handler: definition.handler,
    initMs,
    requireMs,
    medianInitMs: median(initMs),
    medianRequireMs: median(requireMs),
    largestInputs: await largestInputs(modulePath, state.service.custom?.esbuild ?? {}),
  };
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

function loadInFreshProcess(modulePath: string, exportName: string, env: NodeJS.ProcessEnv): { started: number; loaded: number } {
  const child = spawnSync(process.execPath, ['-e', LOAD_SCRIPT, modulePath, exportName], { encoding: 'utf8', env });
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
  const options = Object.fromEntries(ESBUILD_OPTIONS.filter((option) => option in configured).map((option) => [option, configured[option]])) as BuildOptions;
  const plugins = typeof configured.plugins === 'string' ? (createRequire(resolve('package.json'))(resolve(configured.plugins)) as Plugin[]) : [];
  const { metafile } = await build({ ...options, plugins, entryPoints: [entry], write: false, metafile: true, logLevel: 'silent' });
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

function directorySize(directory: string): number {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .map((file) => statSync(join(directory, file)))
    .reduce((sum, stats) => sum + (stats.isFile() ? stats.size : 0), 0);
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-5).join(' | ');
}

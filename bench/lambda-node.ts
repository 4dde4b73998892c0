import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A Node.js binary to load the bundles with, and what it is. */
export interface MeasuringNode {
  path: string;
  version: string;
  /** Why this is not the Lambda runtime's release, when it is not. */
  fallback?: string;
}

/** Where the release is installed once and kept: ignored by git, removed by `npm ci`. */
const CACHE = 'node_modules/.cache/apigw-audit-lambda-node';

/**
 * The Node.js 22 release the functions are measured on, as Lambda's nodejs22.x runs them:
 * package.json's config.lambdaNodeVersion (scripts/check-package.sh runs the CLI on the same
 * one), from the npm registry's node-linux-<arch> package, installed on first use. Node 20 and
 * 22 start differently enough (about 15 ms here) that the machine's Node would misstate the
 * cold start. Without the registry the machine's Node is used, and the report says so.
 */
export function lambdaRuntimeNode(): MeasuringNode {
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { config?: { lambdaNodeVersion?: string } }).config?.lambdaNodeVersion;
  const machine = (fallback: string): MeasuringNode => ({ path: process.execPath, version: process.version, fallback });
  if (version === undefined) return machine('package.json has no config.lambdaNodeVersion');
  const packageName = `node-linux-${process.arch}`;
  const binary = resolve(CACHE, 'node_modules', packageName, 'bin', 'node');
  if (!existsSync(binary)) {
    const installed = spawnSync('npm', ['install', '--prefix', CACHE, '--no-save', '--no-audit', '--no-fund', '--no-package-lock', `${packageName}@${version}`], { encoding: 'utf8' });
    if (installed.status !== 0 || !existsSync(binary)) return machine(`could not install ${packageName}@${version} from the npm registry: ${lastLine(installed.stderr ?? String(installed.error))}`);
  }
  const reported = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  if (reported.status !== 0) return machine(`${join(CACHE, packageName)} does not run: ${lastLine(reported.stderr)}`);
  return { path: binary, version: reported.stdout.trim() };
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}

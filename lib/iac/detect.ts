import { access, readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { cannotRead, readTextFile } from '../model/read-text-file';
import { isCdkSource } from './cdk-source';
import { displayPath } from './display-path';
import { IacError } from './iac-error';
import { readSourceFile } from './read-source-file';
import { configurationRoots } from './terraform/configuration-roots';
import { terraformFiles } from './terraform/read-configuration';

export type SourceKind = 'cloudformation' | 'serverless' | 'terraform' | 'terraform-plan' | 'snapshot';

/** One thing to scan: a template, plan or snapshot file, or a Terraform configuration folder. */
export interface ScanTarget {
  kind: SourceKind;
  /** As findings and errors name it: relative to the working directory, with `/`. */
  path: string;
}

/** Folders a scan never enters: dependencies, tool state, and the assets CDK copies next to its templates. */
const SKIPPED_FOLDERS = /^(node_modules|\.git|\.terraform|\.serverless|asset\..*)$/;

const TEMPLATE_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.template']);

/** The Serverless Framework's service file, and the template `serverless package` writes beside it. */
const SERVERLESS_FILE = /^serverless\.(ya?ml|json|ts|js|cjs|mjs)$/;
const SERVERLESS_PACKAGE = join('.serverless', 'cloudformation-template-update-stack.json');

/** Paths given to `scan` that do not exist: a usage error, reported before anything is read. */
export async function missingPaths(paths: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const path of paths) if ((await stat(path).catch(() => undefined)) === undefined) missing.push(path);
  return missing;
}

/**
 * What the paths given to `scan` hold. A file is recognised by its content (a CloudFormation
 * template has `Resources` with `AWS::` types or `AWSTemplateFormatVersion`, a plan has
 * `format_version` and `planned_values`, a snapshot an `apis` list); a `.tf` file stands for
 * its folder. A folder is searched: every folder with `.tf` files is a configuration, except the
 * local modules another one calls (they are read through their caller, with its inputs);
 * inside a CDK `cdk.out` folder only `*.template.json` files count. A Serverless Framework
 * service is read from the template `serverless package` wrote, else from serverless.yml itself.
 * Files found by searching that are none of these are skipped; a file named on the command line
 * that is none is an error. So that a scan never calls "complete" what it did not read, these
 * are errors naming the path: a file or folder that cannot be read, a path with nothing to
 * scan, a CDK app without its `cdk.out` and a Serverless service in code (serverless.ts) without
 * its packaged template.
 */
export async function findTargets(paths: readonly string[]): Promise<{ targets: ScanTarget[]; errors: IacError[] }> {
  const search: Search = { targets: [], errors: [], terraformDirs: new Set(), cdkSource: undefined };
  for (const path of paths) {
    const before = search.targets.length + search.errors.length + search.terraformDirs.size;
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) {
      search.errors.push(new IacError(displayPath(path), 'no such file or folder'));
      continue;
    } else if (info.isDirectory()) {
      await searchFolder(resolve(path), false, search);
    } else if (path.endsWith('.tf') || path.endsWith('.tf.json')) {
      search.terraformDirs.add(dirname(resolve(path)));
    } else if (SERVERLESS_FILE.test(basename(path))) {
      await serverlessService(resolve(path), search);
    } else {
      const errors = search.errors.length;
      const kind = await classify(path, search);
      if (kind !== undefined) search.targets.push({ kind, path: displayPath(path) });
      // A file that could not be read already has its error.
      else if (search.errors.length === errors) search.errors.push(new IacError(displayPath(path), 'not a CloudFormation/SAM template, a Terraform plan in JSON or a snapshot'));
    }
    if (search.targets.length + search.errors.length + search.terraformDirs.size === before) {
      search.errors.push(new IacError(displayPath(path), nothingScanned(search.cdkSource)));
    }
    search.cdkSource = undefined;
  }
  const { targets, errors, terraformDirs } = search;
  for (const dir of await configurationRoots(terraformDirs)) targets.push({ kind: 'terraform', path: displayPath(dir) });
  // A file named twice (itself and inside a folder given too) is scanned once.
  const unique = [...new Map(targets.map((target) => [target.path, target])).values()];
  return { targets: unique, errors };
}

interface Search {
  targets: ScanTarget[];
  errors: IacError[];
  terraformDirs: Set<string>;
  /** The first CDK app source file met under the current path, for the error when nothing else is there. */
  cdkSource?: string | undefined;
}

/** Why a path yielded nothing: CDK source is named, since `cdk synth` makes it scannable. */
function nothingScanned(cdkSource: string | undefined): string {
  const nothing = 'holds no CloudFormation/SAM template, CDK cdk.out, Serverless service, Terraform configuration, plan or snapshot, so nothing was scanned';
  if (cdkSource === undefined) return nothing;
  return `${nothing}; it holds CDK app source (${displayPath(cdkSource)} imports the AWS CDK), whose APIs are read from its synthesized templates: run \`npx cdk synth\` and scan the cdk.out folder it writes`;
}

async function searchFolder(dir: string, inCdkOut: boolean, search: Search): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    search.errors.push(new IacError(displayPath(dir), cannotRead(error, 'folder')));
    return [];
  });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  if ((await terraformFiles(dir).catch(() => [])).length > 0) search.terraformDirs.add(dir);
  const names = new Set(entries.map((entry) => entry.name));
  if (names.has('cdk.json') && !inCdkOut) await cdkApp(dir, names, search);
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.test(entry.name)) await searchFolder(path, inCdkOut || entry.name === 'cdk.out', search);
      continue;
    }
    if (!entry.isFile()) continue;
    if (SERVERLESS_FILE.test(entry.name)) {
      await serverlessService(path, search);
      continue;
    }
    if (search.cdkSource === undefined && !inCdkOut && (await isCdkSource(path))) search.cdkSource = path;
    if (!TEMPLATE_EXTENSIONS.has(extname(entry.name)) || entry.name.endsWith('.tf.json')) continue;
    if (inCdkOut && !entry.name.endsWith('.template.json')) continue;
    const kind = await classify(path, search);
    if (kind !== undefined) search.targets.push({ kind, path: displayPath(path) });
  }
}

/**
 * A Serverless Framework service: the template `serverless package` wrote when it is there;
 * otherwise serverless.yml (or .json) itself, read as the framework would package it (what it
 * cannot read is reported by its reader). A service in code (serverless.ts, .js) cannot be read
 * without running it: an error says how to produce the template.
 */
async function serverlessService(file: string, search: Search): Promise<void> {
  const packaged = join(dirname(file), SERVERLESS_PACKAGE);
  if (await exists(packaged)) {
    search.targets.push({ kind: 'cloudformation', path: displayPath(packaged) });
    return;
  }
  if (/\.(ya?ml|json)$/.test(file)) {
    search.targets.push({ kind: 'serverless', path: displayPath(file) });
    return;
  }
  search.errors.push(new IacError(displayPath(file), `no packaged template ${SERVERLESS_PACKAGE}: nothing of it was read (a service in code runs only in the framework). Run \`npx serverless package\` in ${displayPath(dirname(file))} before scanning`));
}

/** A CDK app (cdk.json) whose synthesized templates are not there: nothing of it can be read. */
async function cdkApp(dir: string, names: ReadonlySet<string>, search: Search): Promise<void> {
  // Read as an input is (a FIFO named cdk.json would block a plain read): unreadable is the default.
  const config = await readTextFile(join(dir, 'cdk.json')).catch(() => '{}');
  let output = 'cdk.out';
  try {
    const parsed = JSON.parse(config) as { output?: unknown };
    if (typeof parsed.output === 'string') output = parsed.output;
  } catch {
    // A cdk.json that is not JSON: the CDK CLI would refuse it; look for the default folder.
  }
  if (names.has(output) || (await exists(join(dir, output)))) return;
  search.errors.push(new IacError(displayPath(join(dir, 'cdk.json')), `a CDK app without its synthesized templates (${output}/): its APIs were not read. Run \`npx cdk synth\` in ${displayPath(dir)} before scanning`));
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Recognises a file by markers in its text, so a template with a syntax error is still read (and its error reported). */
async function classify(path: string, search: Search): Promise<Exclude<SourceKind, 'terraform' | 'serverless'> | undefined> {
  const text = await readSourceFile(path).catch((error: IacError) => {
    search.errors.push(error);
    return '';
  });
  if (/"format_version"\s*:/.test(text) && /"(planned_values|resource_changes)"\s*:/.test(text)) return 'terraform-plan';
  // A template has these at its top level: JSON gives no depth to a regular expression, YAML
  // does (column 0), which keeps out files that embed resources, such as serverless.yml.
  const json = text.trimStart().startsWith('{');
  const version = json ? /"AWSTemplateFormatVersion"\s*:/ : /^AWSTemplateFormatVersion\s*:/m;
  const resources = json ? /"Resources"\s*:/ : /^Resources\s*:/m;
  const awsType = json ? /"Type"\s*:\s*"AWS::/ : /Type\s*:\s*['"]?AWS::/;
  if (version.test(text) || (resources.test(text) && awsType.test(text))) return 'cloudformation';
  if (/"apis"\s*:\s*\[/.test(text) && basename(path).endsWith('.json')) return 'snapshot';
  return undefined;
}

import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { displayPath } from './display-path';
import { IacError } from './iac-error';
import { localModuleDirs } from './terraform/read-configuration';

export type SourceKind = 'cloudformation' | 'terraform' | 'terraform-plan' | 'snapshot';

/** One thing to scan: a template, plan or snapshot file, or a Terraform configuration folder. */
export interface ScanTarget {
  kind: SourceKind;
  /** As findings and errors name it: relative to the working directory, with `/`. */
  path: string;
  /** A Terraform configuration's files and modules must lie in this folder (the PATH given to scan). */
  root?: string;
}

/** Folders a scan never enters: dependencies, tool state, and the assets CDK copies next to its templates. */
const SKIPPED_FOLDERS = /^(node_modules|\.git|\.terraform|\.serverless|asset\..*)$/;

const TEMPLATE_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.template']);

/**
 * What the paths given to `scan` hold. A file is recognised by its content (a CloudFormation
 * template has `Resources` with `AWS::` types or `AWSTemplateFormatVersion`, a plan has
 * `format_version` and `planned_values`, a snapshot an `apis` list); a `.tf` file stands for
 * its folder. A folder is searched: every folder with `.tf` files is a configuration, except the
 * local modules another one calls (they are read through their caller, with its inputs);
 * inside a CDK `cdk.out` folder only `*.template.json` files count. Files found by searching
 * that are none of these are skipped; a file named on the command line that is none is an error.
 */
export async function findTargets(paths: readonly string[]): Promise<{ targets: ScanTarget[]; errors: IacError[] }> {
  const targets: ScanTarget[] = [];
  const errors: IacError[] = [];
  // Each Terraform configuration folder with the scanned folder it was found in.
  const terraformDirs = new Map<string, string>();
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) {
      errors.push(new IacError(displayPath(path), 'no such file or folder'));
    } else if (info.isDirectory()) {
      await searchFolder(resolve(path), resolve(path), false, targets, terraformDirs, errors);
    } else if (path.endsWith('.tf') || path.endsWith('.tf.json')) {
      terraformDirs.set(dirname(resolve(path)), dirname(resolve(path)));
    } else {
      const kind = await classify(path);
      if (kind === undefined) errors.push(new IacError(displayPath(path), 'not a CloudFormation/SAM template, a Terraform plan in JSON or a snapshot'));
      else targets.push({ kind, path: displayPath(path) });
    }
  }
  for (const [dir, root] of await terraformRoots(terraformDirs)) targets.push({ kind: 'terraform', path: displayPath(dir), root });
  // A file named twice (itself and inside a folder given too) is scanned once.
  const unique = [...new Map(targets.map((target) => [target.path, target])).values()];
  return { targets: unique, errors };
}

/**
 * The configurations to read: the folders no other folder calls as a local module, then, in
 * order, any folder not reached from those (modules that only call each other, or themselves),
 * so a module cycle is read and reported rather than skipped as "a module of something".
 */
async function terraformRoots(terraformDirs: Map<string, string>): Promise<[string, string][]> {
  const calls = new Map<string, string[]>();
  for (const dir of terraformDirs.keys()) calls.set(dir, await localModuleDirs(dir).catch(() => []));
  const calledByOthers = new Set([...calls].flatMap(([dir, modules]) => modules.filter((module) => module !== dir)));
  const sorted = [...terraformDirs].sort(([a], [b]) => a.localeCompare(b));
  const roots = sorted.filter(([dir]) => !calledByOthers.has(dir));
  const reached = new Set<string>();
  const reach = (start: string) => {
    const pending = [start];
    while (pending.length > 0) {
      const dir = pending.pop()!;
      if (reached.has(dir)) continue;
      reached.add(dir);
      for (const module of calls.get(dir) ?? []) pending.push(module);
    }
  };
  roots.forEach(([dir]) => reach(dir));
  for (const entry of sorted) {
    if (reached.has(entry[0])) continue;
    roots.push(entry);
    reach(entry[0]);
  }
  return roots;
}

async function searchFolder(dir: string, root: string, inCdkOut: boolean, targets: ScanTarget[], terraformDirs: Map<string, string>, errors: IacError[]): Promise<void> {
  const listed = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    // A folder the scan cannot open may hold configuration: its findings are missing, so the scan is incomplete.
    errors.push(new IacError(displayPath(dir), `cannot read the folder (${error.code ?? String(error)})`));
    return undefined;
  });
  if (listed === undefined) return;
  const entries = listed.sort((a, b) => a.name.localeCompare(b.name));
  if (entries.some((entry) => !entry.isDirectory() && (entry.name.endsWith('.tf') || entry.name.endsWith('.tf.json')))) terraformDirs.set(dir, root);
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.test(entry.name)) await searchFolder(path, root, inCdkOut || entry.name === 'cdk.out', targets, terraformDirs, errors);
      continue;
    }
    if (!entry.isFile() || !TEMPLATE_EXTENSIONS.has(extname(entry.name)) || entry.name.endsWith('.tf.json')) continue;
    if (inCdkOut && !entry.name.endsWith('.template.json')) continue;
    const kind = await classify(path);
    if (kind !== undefined) targets.push({ kind, path: displayPath(path) });
  }
}

/** Recognises a file by markers in its text, so a template with a syntax error is still read (and its error reported). */
async function classify(path: string): Promise<Exclude<SourceKind, 'terraform'> | undefined> {
  const text = await readFile(path, 'utf8').catch(() => '');
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

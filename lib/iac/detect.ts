import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { displayPath } from './display-path';
import { IacError } from './iac-error';
import { configurationRoots } from './terraform/configuration-roots';
import { terraformFiles } from './terraform/read-configuration';

export type SourceKind = 'cloudformation' | 'terraform' | 'terraform-plan' | 'snapshot';

/** One thing to scan: a template, plan or snapshot file, or a Terraform configuration folder. */
export interface ScanTarget {
  kind: SourceKind;
  /** As findings and errors name it: relative to the working directory, with `/`. */
  path: string;
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
  const terraformDirs = new Set<string>();
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) {
      errors.push(new IacError(displayPath(path), 'no such file or folder'));
    } else if (info.isDirectory()) {
      await searchFolder(resolve(path), false, targets, terraformDirs);
    } else if (path.endsWith('.tf') || path.endsWith('.tf.json')) {
      terraformDirs.add(dirname(resolve(path)));
    } else {
      const kind = await classify(path);
      if (kind === undefined) errors.push(new IacError(displayPath(path), 'not a CloudFormation/SAM template, a Terraform plan in JSON or a snapshot'));
      else targets.push({ kind, path: displayPath(path) });
    }
  }
  for (const dir of await configurationRoots(terraformDirs)) targets.push({ kind: 'terraform', path: displayPath(dir) });
  // A file named twice (itself and inside a folder given too) is scanned once.
  const unique = [...new Map(targets.map((target) => [target.path, target])).values()];
  return { targets: unique, errors };
}

async function searchFolder(dir: string, inCdkOut: boolean, targets: ScanTarget[], terraformDirs: Set<string>): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  if ((await terraformFiles(dir)).length > 0) terraformDirs.add(dir);
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.test(entry.name)) await searchFolder(path, inCdkOut || entry.name === 'cdk.out', targets, terraformDirs);
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

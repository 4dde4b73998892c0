import { dirname, resolve, sep } from 'node:path';
import { runAudit, type AuditInput, type AuditResult } from '../engine/audit-result';
import type { ActiveRule } from '../engine/evaluate';
import { distinctBy } from '../model/distinct-by';
import type { AuditError } from '../model/finding';
import { loadSnapshotFile, SnapshotError, type LoadedSnapshot, type SnapshotWarning } from '../model/load-snapshot';
import { redactFields } from '../model/redact';
import type { Severity } from '../model/severity';
import { assemble, type IacDocument, type UnresolvedValue } from './assemble';
import { readCloudFormation, readTemplateSource } from './cloudformation/read-template';
import { readSourceFile } from './read-source-file';
import { findTargets, type ScanTarget, type SourceKind } from './detect';
import { IacError } from './iac-error';
import { serviceTemplate } from './serverless/service-template';
import { readTerraformPlan } from './terraform/read-plan';
import { readTerraform } from './terraform/read-configuration';
import { guardRules, type GuardStats } from './unresolved-guard';

export interface ScannedSource {
  kind: SourceKind;
  path: string;
  /** API Gateway resources read from it (0 when it could not be read). */
  resources: number;
}

/**
 * An audit result plus what the scan read. `summary.unresolved` counts the values it could not
 * resolve (listed in `unresolved` with the file, resource, property and why) and
 * `summary.withheld` the problems that rested on one and so are not reported.
 */
export interface ScanResult extends AuditResult {
  /** What the readers warn about (fields the rules will not see as written). */
  warnings: SnapshotWarning[];
  sources: ScannedSource[];
  unresolved: UnresolvedValue[];
}

/**
 * `apigw-audit scan`: reads templates, Terraform configurations and plans, and snapshots into
 * snapshots and audits them with the same rules as a live account. A file that cannot be read
 * is an error of the result (naming the file); the others are still scanned.
 */
export async function scan(paths: readonly string[], rules: readonly ActiveRule[], minSeverity: Severity): Promise<ScanResult> {
  const { targets, errors: searchErrors } = await findTargets(paths);
  const inputs: AuditInput[] = searchErrors.map(failedInput);
  const warnings: SnapshotWarning[] = [];
  const sources: ScannedSource[] = [];
  const unresolved: UnresolvedValue[] = [];
  const documents = await readAll(targets, paths);
  const nested = readThroughParents(documents);
  for (const read of documents) {
    const { target } = read;
    if ('error' in read) {
      inputs.push(failedInput(read.error));
      sources.push({ ...target, resources: 0 });
      continue;
    }
    if ('snapshot' in read) {
      inputs.push({ snapshot: read.snapshot.snapshot, errors: read.snapshot.errors, complete: read.snapshot.errors.length === 0 });
      for (const warning of read.snapshot.warnings) warnings.push(redactFields(warning));
      sources.push({ ...target, resources: countResources(read.snapshot.snapshot.apis) });
      continue;
    }
    const { document } = read;
    if (target.kind === 'cloudformation' && nested.has(target.path)) continue;
    const assembled = assemble(document);
    inputs.push({ snapshot: assembled.snapshot, refine: (findings) => findings.map((finding) => assembled.sourceMap.locate(finding)) });
    // Loops, not push(...spread): a hostile template can yield any number of each. Warnings and
    // unresolved values quote logical ids, names and values from the files (a function named
    // after a key, a token in a variable): redacted as findings and errors are.
    for (const error of document.errors ?? []) inputs.push(failedInput(error));
    for (const warning of assembled.warnings) warnings.push(redactFields(warning));
    for (const value of assembled.unresolved) unresolved.push(redactFields(value));
    sources.push({ ...target, resources: document.resources.length });
  }
  const stats: GuardStats = { withheld: 0 };
  const result = runAudit(inputs, guardRules(rules, stats), minSeverity);
  return {
    ...result,
    summary: { ...result.summary, unresolved: unresolved.length, withheld: stats.withheld },
    warnings: distinctWarnings(warnings),
    sources,
    unresolved,
  };
}

/**
 * Each warning once: a module that two configurations call (two examples of one module) is
 * read from each, and says the same of the same file and path both times.
 */
function distinctWarnings(warnings: readonly SnapshotWarning[]): SnapshotWarning[] {
  return distinctBy(warnings, ({ file, path, message }) => JSON.stringify([file, path, message]));
}

/**
 * The templates that another template scanned reads as a nested stack's: they are audited
 * through that parent, with the parameters each instance passes; read again on their own they
 * would be a second, parameterless copy (a phantom API). Templates that nest each other
 * (a cycle, which their reads report as an error) are each still scanned, so no error is lost.
 */
function readThroughParents(documents: readonly ReadTarget[]): Set<string> {
  const nestedIn = new Map<string, Set<string>>();
  for (const read of documents) if ('document' in read) nestedIn.set(read.target.path, new Set(read.document.nestedTemplates ?? []));
  const children = new Set<string>();
  for (const [parent, nested] of nestedIn) {
    for (const child of nested) if (child !== parent && nestedIn.get(child)?.has(parent) !== true) children.add(child);
  }
  return children;
}

/** One target as read: a document, a snapshot, or why it could not be read. */
type ReadTarget = { target: ScanTarget } & ({ document: IacDocument } | { snapshot: LoadedSnapshot } | { error: IacError | SnapshotError });

/** Every target read before any is audited, so the files that are nested templates of another are known first. */
async function readAll(targets: readonly ScanTarget[], paths: readonly string[]): Promise<ReadTarget[]> {
  const documents: ReadTarget[] = [];
  for (const target of targets) {
    try {
      if (target.kind === 'snapshot') documents.push({ target, snapshot: await loadSnapshotFile(target.path) });
      else documents.push({ target, document: await read(target, paths) });
    } catch (error) {
      if (!(error instanceof IacError) && !(error instanceof SnapshotError)) throw error;
      documents.push({ target, error });
    }
  }
  return documents;
}

/** The values a scan could not resolve, each as a warning naming its file, resource and property. */
export function unresolvedWarnings(result: ScanResult): SnapshotWarning[] {
  return result.unresolved.map((value) => ({ file: value.file, path: `${value.resource}.${value.path}`, message: `not resolved, so no rule judges it: ${value.reason}` }));
}

async function read(target: ScanTarget, paths: readonly string[]): Promise<IacDocument> {
  if (target.kind === 'terraform') return readTerraform(target.path, scanRootOf(target.path, paths));
  const text = await readSourceFile(target.path);
  if (target.kind === 'serverless') {
    const service = serviceTemplate(text, target.path);
    const document = readTemplateSource(service.source, target.path);
    // What the direct read could not see comes first: the scan of the service is incomplete.
    return { ...document, errors: [...service.unread, ...(document.errors ?? [])] };
  }
  return target.kind === 'cloudformation' ? readCloudFormation(text, target.path) : readTerraformPlan(text, target.path);
}

/**
 * The PATH given to scan that a Terraform configuration was found in (the folder of a `.tf`
 * file given by name): its files, templates and modules must lie inside it.
 */
function scanRootOf(configuration: string, paths: readonly string[]): string {
  const dir = resolve(configuration);
  for (const path of paths) {
    const root = /\.tf(\.json)?$/.test(path) ? dirname(resolve(path)) : resolve(path);
    if (dir === root || dir.startsWith(root.endsWith(sep) ? root : root + sep)) return root;
  }
  return dir;
}

/** An input that could not be read: no APIs, one error naming the file, and an incomplete audit. */
function failedInput(error: IacError | SnapshotError): AuditInput {
  const auditError: AuditError = { source: 'loader', file: error.file, message: error.message };
  return { snapshot: { apis: [] }, errors: [auditError], complete: false };
}

function countResources(apis: readonly { integrations: { integrationResponses: unknown[] }[]; routes: { routeResponses: unknown[] }[] }[]): number {
  return apis.reduce(
    (count, api) =>
      count + 1 + api.integrations.reduce((sum, integration) => sum + 1 + integration.integrationResponses.length, 0) + api.routes.reduce((sum, route) => sum + 1 + route.routeResponses.length, 0),
    0,
  );
}

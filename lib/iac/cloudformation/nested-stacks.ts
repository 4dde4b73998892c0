import { resolve } from 'node:path';
import type { SnapshotWarning } from '../../model/load-snapshot';
import { isUnresolved, Unresolved } from '../../model/unresolved';
import { isPlainObject } from '../../rules/values';
import type { IacResource } from '../assemble';
import { displayPath } from '../display-path';
import { IacError } from '../iac-error';
import { isLocalFileError, LocalFileRefused, localPath, parseLocalFile } from './local-file';
import type { TemplateSource } from './template-source';

/** The resource types that nest a stack, and the property that names the nested template. */
export const NESTED_STACK_TYPES: Readonly<Record<string, string>> = {
  'AWS::CloudFormation::Stack': 'TemplateURL',
  // SAM documents Location as "Template URL, file path, or location object" of the application.
  'AWS::Serverless::Application': 'Location',
};

/**
 * Bounds on what one template makes the scan read through nested stacks, so that a template
 * that nests itself through others, a long chain of stacks or thousands of instances of one
 * child end in bounded time and memory. CloudFormation documents no depth limit; real
 * hierarchies are two or three deep. 500 is CloudFormation's quota of resources in one
 * template, so one parent's instances always fit; a nested template of more than 1 MB is
 * refused by CloudFormation itself (the largest template a TemplateURL may name).
 */
export const MAX_STACK_DEPTH = 10;
export const MAX_NESTED_STACKS = 500;
export const MAX_NESTED_TEMPLATE_BYTES = 1024 * 1024;
/** Of all the distinct nested templates one template leads to. */
export const MAX_NESTED_BYTES_IN_ALL = 32 * 1024 * 1024;
/**
 * API Gateway resources read through nested stacks, from one template: each instance holds its
 * own copy of its template's resources, so 500 instances of a large child would otherwise fill
 * memory. A hundred times the 500 resources one template may declare.
 */
export const MAX_NESTED_RESOURCES = 50_000;
/**
 * Values (each map, list and scalar, aliases at their full size) in the templates of the
 * instances read, each instance counting its own template's: every instance evaluates its
 * template again with its parameters, so 500 instances of a 1 MB child would evaluate 500 MB
 * (about a minute) while holding few API Gateway resources. Forty times the values of 50,000
 * small resources; real trees hold a few thousand.
 */
export const MAX_NESTED_VALUES = 2_000_000;

/**
 * Joins the logical ids on the way to a nested stack's resource (`ConnectRoute.Integration`).
 * No logical id holds a `.` (they are alphanumeric), so no two resources of the tree share an
 * id; and no ARN path segment does either (Terraform addresses have them too), whereas a `/`
 * would split the id in the resource's ARN, where suppressions look ids up.
 */
export const NESTED_ID_SEPARATOR = '.';

/** What a stack (the root template or a nested instance) yields once read. */
export interface ReadStack {
  resources: IacResource[];
  warnings: SnapshotWarning[];
  errors: IacError[];
  /** The value of one of its Outputs, resolved with its parameters. */
  output(name: string): unknown;
}

/** Reads one stack of a template; read-template.ts supplies it, so that this module does not import it back. */
export type StackReader = (source: TemplateSource, file: string, frame: StackFrame) => ReadStack;

/**
 * Where a stack sits in the tree of nested stacks: the prefix its resources' ids take (`""` for
 * the root, `ConnectRoute.` for a child, `Outer.Inner.` further down), the values its parent
 * passes as Parameters, the templates above it (to refuse a template that nests itself) and
 * what the whole tree has read so far.
 */
export interface StackFrame {
  prefix: string;
  /** The value the parent passes for a parameter; undefined when it passes none (the Default applies). */
  givenParameter?: (name: string) => unknown;
  /** Absolute paths of the templates from the root down to this one. */
  chain: readonly string[];
  tree: NestingTree;
}

/** What the whole tree of one root template has read: instances, and each nested template parsed once. */
export class NestingTree {
  /** Nested stacks read, the API Gateway resources they declare and the values of their templates. */
  instances = 0;
  resources = 0;
  values = 0;
  /** Templates already found free of reference cycles: an instance does not check its template again. */
  readonly acyclic = new WeakSet<object>();
  private limitReported = false;
  private bytes = 0;
  private readonly parsed = new Map<string, NestedTemplate | LocalFileRefused | IacError>();

  /**
   * Whether a bound of the tree is to be reported now: only the first time, as one error says
   * it for every stack after it (thousands of instances must not make thousands of errors).
   */
  reportLimit(): boolean {
    const first = !this.limitReported;
    this.limitReported = true;
    return first;
  }

  /** The parsed nested template at an absolute path (read and parsed on first use). */
  template(path: string): NestedTemplate {
    let entry = this.parsed.get(path);
    if (entry === undefined) {
      entry = this.parse(path);
      this.parsed.set(path, entry);
    }
    if (isLocalFileError(entry)) throw entry;
    return entry;
  }

  /** The nested templates read successfully, as findings name files: not scanned again on their own. */
  templates(): string[] {
    const files: string[] = [];
    for (const entry of this.parsed.values()) if (!isLocalFileError(entry)) files.push(entry.file);
    return files;
  }

  private parse(path: string): NestedTemplate | LocalFileRefused | IacError {
    if (this.bytes >= MAX_NESTED_BYTES_IN_ALL) return new LocalFileRefused(`the nested templates read so far hold ${MAX_NESTED_BYTES_IN_ALL / 1024 / 1024} MB, the most one template may lead to`);
    try {
      const parsed = parseLocalFile(path, MAX_NESTED_TEMPLATE_BYTES);
      this.bytes += parsed.bytes;
      return { ...parsed, values: valueCount(parsed.source.value) };
    } catch (error) {
      if (isLocalFileError(error)) return error;
      throw error;
    }
  }
}

interface NestedTemplate {
  file: string;
  source: TemplateSource;
  /** Its values, as MAX_NESTED_VALUES counts them. */
  values: number;
}

/**
 * How many values a parsed template holds, a value an alias shares counted at each place: the
 * parser bounds both how many aliases add and how deep values nest, so the walk is bounded.
 */
function valueCount(root: unknown): number {
  let count = 0;
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    count += 1;
    if (Array.isArray(value)) for (const item of value) pending.push(item);
    else if (isPlainObject(value)) for (const key in value) pending.push(value[key]);
  }
  return count;
}

/** A frame for a template read as the root of a scan. */
export function rootFrame(file: string, tree: NestingTree): StackFrame {
  // The root's own path, absolute, so that a child naming it back is recognised as a cycle.
  return { prefix: '', chain: [resolve(file)], tree };
}

/** What NestedStacks needs of the template that holds the stack resources. */
export interface ParentTemplate {
  file: string;
  source: TemplateSource;
  frame: StackFrame;
  resources: Record<string, unknown>;
  resolve(value: unknown, path: readonly (string | number)[]): unknown;
  /** Whether the resource's Condition (if any) may hold: false only when it is known not to. */
  exists(logicalId: string): boolean;
}

/**
 * The nested stacks of one template (AWS::CloudFormation::Stack, AWS::Serverless::Application):
 * each instance whose template is a local file is read once, with the Parameters the parent
 * passes evaluated in the parent, and its resources join the parent's under ids prefixed with
 * the stack's logical id (`ConnectRoute.Integration`), so two instances of one child never
 * clash and a finding names the instance. `!GetAtt Stack.Outputs.Name` in the parent is the
 * child's output. A stack that cannot be followed (a template in S3 or on the web, a missing
 * file, a template that nests itself, a tree past the bounds) is an error naming the resource
 * and why, and the scan is incomplete: it may hold API Gateway resources.
 */
export class NestedStacks {
  readonly errors: IacError[] = [];
  private readonly read = new Map<string, ReadStack | Unresolved | 'reading'>();
  /** The value of each output asked for, by stack and output name. */
  private readonly outputs = new Map<string, unknown>();
  private readonly isStack: ReadonlySet<string>;

  constructor(
    private readonly parent: ParentTemplate,
    private readonly stackIds: readonly string[],
    private readonly readStack: StackReader,
  ) {
    this.isStack = new Set(stackIds);
  }

  /** Every instance that exists, read (in the template's order); the ones that could not be read have their error. */
  all(): ReadStack[] {
    const stacks: ReadStack[] = [];
    for (const logicalId of this.stackIds) {
      if (!this.parent.exists(logicalId)) continue;
      const stack = this.instance(logicalId);
      if (!isUnresolved(stack)) stacks.push(stack);
    }
    return stacks;
  }

  /** `!GetAtt Stack.Outputs.Name`; undefined for any other attribute or resource (unknown until deployed). */
  attribute(logicalId: string, attribute: string): unknown {
    if (!this.isStack.has(logicalId) || !attribute.startsWith('Outputs.')) return undefined;
    const name = attribute.slice('Outputs.'.length);
    if (!this.parent.exists(logicalId)) return new Unresolved(`!GetAtt ${logicalId}.${attribute} (the stack's Condition is false)`);
    const stack = this.instance(logicalId);
    if (isUnresolved(stack)) return new Unresolved(`!GetAtt ${logicalId}.${attribute} (${stack.reason})`);
    // Each output is evaluated once: thousands of references to one large output would
    // otherwise evaluate it again each time (5,000 of a 400 KB output ran for minutes).
    const key = `${logicalId}\u0000${name}`;
    if (!this.outputs.has(key)) this.outputs.set(key, this.output(stack, logicalId, name));
    return this.outputs.get(key);
  }

  private output(stack: ReadStack, logicalId: string, name: string): unknown {
    try {
      return stack.output(name);
    } catch (error) {
      // An output the nested template cannot evaluate is its error, not the parent's: the
      // parent's other resources are still read.
      if (!(error instanceof IacError)) throw error;
      this.errors.push(new IacError(error.file, `${error.detail} (the output ${name} of nested stack ${this.parent.frame.prefix}${logicalId} of ${this.parent.file})`, error.position));
      return new Unresolved(`!GetAtt ${logicalId}.Outputs.${name} (the output cannot be evaluated)`);
    }
  }

  private instance(logicalId: string): ReadStack | Unresolved {
    const known = this.read.get(logicalId);
    // A stack whose Parameters need its own outputs: CloudFormation refuses the circular
    // dependency, which the dependency check reports; this only keeps the reader from looping.
    if (known === 'reading') return new Unresolved(`nested stack ${logicalId} depends on its own outputs`);
    if (known !== undefined) return known;
    this.read.set(logicalId, 'reading');
    const stack = this.readInstance(logicalId);
    this.read.set(logicalId, stack);
    return stack;
  }

  private readInstance(logicalId: string): ReadStack | Unresolved {
    const { file, source, frame, resources } = this.parent;
    const resource = resources[logicalId] as Record<string, unknown>;
    const property = NESTED_STACK_TYPES[String(resource['Type'])]!;
    const base = ['Resources', logicalId, 'Properties'];
    const written = isPlainObject(resource['Properties']) ? resource['Properties'] : {};
    const at = source.positionOf([...base, property]) ?? source.positionOf(['Resources', logicalId]);
    const name = `${frame.prefix}${logicalId}`;
    const location = this.parent.resolve(written[property], [...base, property]);
    const unread = (reason: string): Unresolved => {
      this.errors.push(new IacError(file, `nested stack ${name} (${property} ${shown(location)}) is not read, so the API Gateway resources it may hold are not audited: ${reason}`, at));
      return new Unresolved(`nested stack ${name} is not read`);
    };
    const refuse = (bound: string): Unresolved =>
      frame.tree.reportLimit() ? unread(`${bound}; neither this one nor any after it is read`) : new Unresolved(`nested stack ${name} is not read`);
    const local = localTemplate(location, resource['Metadata']);
    if (typeof local !== 'string') return unread(local.reason);
    let path: string;
    let template: NestedTemplate;
    try {
      path = localPath(file, local);
      if (frame.chain.includes(path)) return unread(`${displayPath(path)} is already being read above it (${frame.chain.map(displayPath).join(' -> ')}): a template that nests itself would nest without end, and CloudFormation cannot create it`);
      if (frame.chain.length > MAX_STACK_DEPTH) return unread(`it is nested more than ${MAX_STACK_DEPTH} stacks deep, the most the scan follows`);
      if (frame.tree.instances >= MAX_NESTED_STACKS) return refuse(`the template leads to more than ${MAX_NESTED_STACKS} nested stacks, the most the scan reads`);
      template = frame.tree.template(path);
      if (frame.tree.values + template.values > MAX_NESTED_VALUES) return refuse(`the nested stacks read would evaluate more than ${MAX_NESTED_VALUES.toLocaleString('en-US')} values of their templates (each instance its own template's), the most the scan evaluates through them`);
    } catch (error) {
      if (isLocalFileError(error)) return unread(error.message);
      throw error;
    }
    frame.tree.instances += 1;
    frame.tree.values += template.values;
    const given = this.parent.resolve(written['Parameters'] ?? {}, [...base, 'Parameters']);
    const child: StackFrame = { prefix: `${name}${NESTED_ID_SEPARATOR}`, givenParameter: givenParameters(name, given), chain: [...frame.chain, path], tree: frame.tree };
    try {
      const stack = this.readStack(template.source, template.file, child);
      if (frame.tree.resources > MAX_NESTED_RESOURCES) return refuse(`the nested stacks read hold more than ${MAX_NESTED_RESOURCES} API Gateway resources, the most the scan reads through them`);
      return stack;
    } catch (error) {
      if (!(error instanceof IacError)) throw error;
      this.errors.push(new IacError(error.file, `${error.detail} (read as nested stack ${name} of ${file})`, error.position));
      return new Unresolved(`nested stack ${name} is not read`);
    }
  }
}

/**
 * The local file a stack's template is: its TemplateURL (or SAM Location) when that is a
 * relative or local path; for CDK output, whose TemplateURL is an S3 URL built at deploy time,
 * the file the `aws:asset:path` metadata names (CDK writes the nested template there, beside
 * the parent). Otherwise why it cannot be read.
 */
function localTemplate(location: unknown, metadata: unknown): string | { reason: string } {
  const asset = isPlainObject(metadata) && metadata['aws:asset:property'] === 'TemplateURL' ? metadata['aws:asset:path'] : undefined;
  if (typeof asset === 'string') return asset;
  if (isUnresolved(location)) return { reason: `where the template is is not known (${location.reason})` };
  if (isPlainObject(location) || (typeof location === 'string' && location.startsWith('arn:'))) {
    return { reason: 'it is an application of the AWS Serverless Application Repository, which the scan does not download' };
  }
  if (typeof location !== 'string' || location === '') return { reason: 'no template is named' };
  if (/^(s3|https?):\/\//i.test(location)) return { reason: 'the template is in S3 or on the web, which the scan does not download; scan the local template it was packaged from' };
  return location.replace(/^file:\/\//, '');
}

/** The value the parent passes for each parameter: its Parameters evaluated in the parent. */
function givenParameters(stack: string, given: unknown): (name: string) => unknown {
  if (isUnresolved(given)) return () => new Unresolved(`the Parameters of nested stack ${stack} (${given.reason})`);
  const values = isPlainObject(given) ? given : {};
  return (name) => (Object.hasOwn(values, name) ? values[name] : undefined);
}

/** A URL's query is left out of messages: a presigned URL carries a signature there. */
function shown(location: unknown): string {
  if (isUnresolved(location)) return location.reason;
  const text = (typeof location === 'string' ? location : (JSON.stringify(location) ?? String(location))).replace(/\?.*$/s, '?…');
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

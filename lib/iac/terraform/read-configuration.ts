import { readdir, realpath } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { cannotRead, readTextFile } from '../../model/read-text-file';
import { isUnresolved, Unresolved } from '../../model/unresolved';
import { isPlainObject } from '../../rules/values';
import type { IacDocument, IacResource } from '../assemble';
import { displayPath } from '../display-path';
import { IacError } from '../iac-error';
import { readSourceFile } from '../read-source-file';
import type { SourcePath } from '../positions';
import type { Position } from '../source-map';
import { TERRAFORM_TYPES, terraformResource } from './attributes';
import { evaluateBody } from './blocks';
import { bind, evaluateValue, traverse, type Scope, type Traversal } from './expressions';
import { instancesOf, SINGLE, type Instance } from './instances';
import { carriedModule, type CarriedModule } from './known-modules/carried-module';
import { readModuleManifest } from './module-manifest';
import { applyDefaults, typeConstraintOf } from './type-constraints';
import { scanHclPositions, type HclEntry } from './hcl-positions';
import { parseHclText } from './hcl2json';

/** A block of a parsed file: its arguments as hcl2json gives them, and where it is written. */
interface Block {
  body: Record<string, unknown>;
  file: string;
  entry: HclEntry | undefined;
}

/** The blocks of one module directory. */
interface ModuleFiles {
  dir: string;
  variables: Map<string, Block>;
  locals: Map<string, Block>;
  outputs: Map<string, Block>;
  modules: Map<string, Block>;
  resources: Map<string, Block>;
}

/** A variable's value as its caller gives it, evaluated in the caller's scope on first use. */
type Input = (chain: readonly string[]) => Promise<unknown>;

/**
 * Where the resources of a module read from the scanner's own copy (see known-modules/) are
 * reported: at the call, the only place the user wrote them.
 */
interface CallSite {
  file: string;
  position: Position | undefined;
}

/** A module call on the way from the root to a module instance, to name a cycle. */
interface Call {
  name: string;
  dir: string;
}

/** A module `source` Terraform reads from a folder (`./x`, `../x`) rather than downloads. */
function isLocalSource(source: unknown): source is string {
  return typeof source === 'string' && /^\.\.?[/\\]/.test(source);
}

/**
 * Data source attributes that are one short field (a region, an account id, a partition):
 * unknown, but without `:`, `/` or whitespace, so an ARN built from them keeps its shape.
 */
const TOKEN_DATA = new Set(['aws_region.name', 'aws_region.id', 'aws_region.region', 'aws_caller_identity.account_id', 'aws_partition.partition', 'aws_partition.dns_suffix']);

/** How deep references may nest (a local that uses a local that uses ...). */
const MAX_REFERENCE_DEPTH = 500;

/** A module source that names API Gateway (`terraform-aws-modules/apigateway-v2/aws`, a git URL with `api-gateway`). */
const API_GATEWAY_SOURCE = /api-?gateway|apigw/i;

/** Arguments of a `module` block that configure the call rather than pass a variable. */
const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/**
 * Reads a Terraform configuration (the `.tf` files of a folder, and the local modules it
 * calls) into the API Gateway resources it declares. Variables take the value the caller
 * passes, else `terraform.tfvars` / `*.auto.tfvars` (root only), else their default; locals,
 * module outputs and the arguments of other resources are followed as far as they resolve.
 * Modules from a registry or git are read where `terraform init` downloaded them (listed in
 * `.terraform/modules/modules.json`); otherwise the call is named by a warning (an error, which
 * keeps the scan from being complete, when the module is one of API Gateway's) and its outputs
 * are unresolved, except that a call of a module the scanner carries a copy of, at a version the
 * copy is right for, is read from that copy with the call's inputs. Every file and module it reads must be inside `scanRoot` (the folder the scan
 * was given): `file("/etc/passwd")` is an error naming the path, not a finding quoting it.
 */
export async function readTerraform(dir: string, scanRoot = dir): Promise<IacDocument> {
  const rootDir = resolve(dir);
  const reader = new ConfigurationReader(rootDir, await realpath(resolve(scanRoot)).catch(() => resolve(scanRoot)), await readModuleManifest(rootDir));
  const root = await reader.module(rootDir, '', '', new Map(await reader.tfvars(rootDir)), [{ name: '(root)', dir: await reader.contained(rootDir, displayPath(rootDir), undefined, 'the configuration') }]);
  try {
    await root.collect();
  } catch (error) {
    // Whatever a configuration makes the evaluator do, it is this configuration's error (exit 3), never a crash of the scan.
    if (error instanceof IacError) throw error;
    throw new IacError(displayPath(dir), `cannot be evaluated (${(error as Error).message}); please report this as a gap in the scanner`);
  }
  return { source: displayPath(dir), resources: reader.resources, warnings: reader.warnings, errors: reader.errors };
}

/** The `.tf` files of a folder; a folder without any is not a Terraform configuration. */
export async function terraformFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((name) => name.endsWith('.tf') || name.endsWith('.tf.json')).sort().map((name) => join(dir, name));
}

/** The local module folders a configuration calls (scanned through their caller, not alone). */
export async function localModuleDirs(dir: string): Promise<string[]> {
  const files = await loadModuleFiles(dir);
  return [...files.modules.values()].flatMap((block) => {
    const source = block.body['source'];
    return isLocalSource(source) ? [resolve(dir, source)] : [];
  });
}

class ConfigurationReader {
  readonly resources: IacResource[] = [];
  readonly warnings: IacDocument['warnings'] = [];
  /** What the configuration defines but the scan could not read (an API Gateway module not downloaded). */
  readonly errors: IacError[] = [];
  /** Shared by every scope of this configuration: the evaluation steps it may take in all. */
  private readonly budget = { steps: 0 };

  constructor(
    readonly rootDir: string,
    private readonly scanRoot: string,
    /** Where `terraform init` put each downloaded module, by module key (`api`, `api.sub`). */
    readonly downloaded: ReadonlyMap<string, string>,
  ) {}

  async module(dir: string, prefix: string, key: string, inputs: Map<string, Input>, calls: readonly Call[]): Promise<ModuleInstance> {
    return new ModuleInstance(this, await loadModuleFiles(dir), prefix, key, inputs, calls, undefined);
  }

  /** An instance of a module the scanner carries, its resources reported at the call. */
  async carried(module: CarriedModule, callSite: CallSite, call: string, prefix: string, key: string, inputs: Map<string, Input>, calls: readonly Call[]): Promise<ModuleInstance> {
    // Not a folder on disk: the name its files are reported under should an evaluation error name one.
    const dir = join(dirname(callSite.file), `(${module.name}, as the scanner carries it)`);
    const files = await indexModuleFiles(dir, Object.entries(module.files).map(([name, text]) => ({ file: join(dir, name), text })));
    return new ModuleInstance(this, files, prefix, key, inputs, [...calls, { name: call, dir }], callSite);
  }

  /**
   * The real path of a file or folder the configuration names, when it lies inside the scanned
   * folder; an error naming it otherwise (symbolic links are followed first, so a link cannot
   * lead out either).
   */
  async contained(path: string, file: string, position: Position | undefined, what: string): Promise<string> {
    const real = await realpath(path).catch(() => path);
    if (real !== this.scanRoot && !real.startsWith(this.scanRoot.endsWith(sep) ? this.scanRoot : this.scanRoot + sep)) {
      throw new IacError(file, `${what} ${JSON.stringify(displayPath(path))} is outside the scanned folder ${displayPath(this.scanRoot)}; the scan reads nothing outside the folders it is given`, position);
    }
    return real;
  }

  /** Root variables set in `terraform.tfvars` and `*.auto.tfvars`, which Terraform loads by itself. */
  async tfvars(dir: string): Promise<[string, Input][]> {
    const names = (await readdir(dir)).filter((name) => name === 'terraform.tfvars' || name.endsWith('.auto.tfvars')).sort();
    const values: [string, Input][] = [];
    for (const name of names) {
      const file = join(dir, name);
      const text = await readSourceFile(file);
      const parsed = await parseHcl(file, text);
      const scope = this.scope(file, undefined, async (traversal) => new Unresolved(traversal.join('.')));
      for (const [variable, value] of Object.entries(parsed)) values.push([variable, () => evaluateValue(value, scope)]);
    }
    return values;
  }

  scope(file: string, position: Position | undefined, lookup: (traversal: Traversal, scope: Scope) => Promise<unknown>): Scope {
    return {
      file: displayPath(file),
      position,
      chain: [],
      budget: this.budget,
      lookup,
      readFile: async (path, scope) => {
        const absolute = await this.contained(resolve(this.rootDir, path), scope.file, scope.position, 'file');
        try {
          return await readTextFile(absolute);
        } catch (error) {
          const reason = (error as Error).message.replace(/^cannot read the file: /, '');
          throw new IacError(scope.file, `file ${JSON.stringify(path)} cannot be read: ${reason}; Terraform resolves it from ${displayPath(this.rootDir)}`, scope.position);
        }
      },
    };
  }
}

/** One instance of a module: the root, or a `module` block's call with its inputs. */
class ModuleInstance {
  private readonly memo = new Map<string, Promise<unknown>>();
  private readonly children = new Map<string, Promise<ModuleInstance | undefined>>();

  constructor(
    private readonly reader: ConfigurationReader,
    private readonly files: ModuleFiles,
    private readonly prefix: string,
    /** The module's key in modules.json: the names of the calls from the root, joined by dots. */
    private readonly key: string,
    private readonly inputs: Map<string, Input>,
    private readonly calls: readonly Call[],
    /** For a module read from the scanner's copy: the call, where its resources are reported. */
    private readonly callSite: CallSite | undefined,
  ) {}

  /** Reads this module's API Gateway resources, one per instance, and those of the modules it calls. */
  async collect(): Promise<void> {
    for (const [key, block] of this.files.resources) {
      const kind = TERRAFORM_TYPES[key.split('.')[0]!];
      if (kind === undefined) continue;
      for (const instance of await this.instances(key, block)) {
        const values = await evaluateBody(block.body, (argument) => this.scope(block, argument, instance));
        const { callSite } = this;
        this.reader.resources.push(
          terraformResource({
            kind,
            address: `${this.prefix}${key}${instance.suffix}`,
            file: displayPath(callSite?.file ?? block.file),
            position: (callSite === undefined ? block.entry?.position : callSite.position) ?? { line: 1, column: 1 },
            values,
            positionOf: (path) => (callSite === undefined ? positionIn(block.entry, path) : undefined),
          }),
        );
      }
    }
    for (const [name, block] of this.files.modules) {
      for (const instance of await this.instances(`module.${name}`, block)) await (await this.child(name, block, instance))?.collect();
    }
  }

  /** The instances `count` / `for_each` make of a resource or module call (`count = 0`: none). */
  private instances(key: string, block: Block): Promise<Instance[]> {
    const meta = 'count' in block.body ? 'count' : 'for_each' in block.body ? 'for_each' : undefined;
    if (meta === undefined) return Promise.resolve([SINGLE]);
    const scope = this.scope(block, meta);
    return this.once(`${key}.${meta}`, scope, async (inner) => instancesOf(meta, await evaluateValue(block.body[meta], inner), `${this.prefix}${key}`)) as Promise<Instance[]>;
  }

  /**
   * The instance a reference picks: after `TYPE.NAME` (or `module.NAME`) of a block with
   * `count` or `for_each` comes its key. Returns the instance and the steps after it; when the
   * instances are not known, the one that stands for all of them.
   */
  private async pick(key: string, block: Block, steps: Traversal, scope: Scope): Promise<{ instance: Instance; rest: Traversal } | Unresolved> {
    const expression = [key, ...steps].join('.');
    if (!('count' in block.body) && !('for_each' in block.body)) {
      // `aws_x.y[0].id` on a single resource: Terraform refuses it, every instance would look the same anyway.
      return { instance: SINGLE, rest: typeof steps[0] === 'number' ? steps.slice(1) : steps };
    }
    const instances = await this.instances(key, block);
    if (steps.length === 0) return new Unresolved(`${expression} (all instances of ${key})`);
    if (instances.length === 1 && instances[0]!.key === undefined) return { instance: instances[0]!, rest: steps.slice(1) };
    const instance = instances.find((candidate) => candidate.key === steps[0] || String(candidate.key) === String(steps[0]));
    return instance === undefined ? new Unresolved(`${expression} (no instance ${JSON.stringify(steps[0])})`) : { instance, rest: steps.slice(1) };
  }

  private child(name: string, block: Block, instance: Instance): Promise<ModuleInstance | undefined> {
    let child = this.children.get(`${name}${instance.suffix}`);
    if (child === undefined) {
      child = this.loadChild(name, block, instance);
      this.children.set(`${name}${instance.suffix}`, child);
    }
    return child;
  }

  private async loadChild(name: string, block: Block, instance: Instance): Promise<ModuleInstance | undefined> {
    const source = block.body['source'];
    const key = this.key === '' ? name : `${this.key}.${name}`;
    const downloaded = this.reader.downloaded.get(key);
    const where = positionIn(block.entry, ['source']) ?? block.entry?.position;
    // The modules a carried copy calls in turn (the ACM certificate of apigateway-v2's custom
    // domain) define no API Gateway resource; the call of the copy already says it was not read.
    if (this.callSite !== undefined && !isLocalSource(source)) return undefined;
    if (!isLocalSource(source) && downloaded === undefined) return this.undownloaded(name, block, instance, key, where);
    const dir = await this.reader.contained(isLocalSource(source) ? resolve(this.files.dir, source) : resolve(this.reader.rootDir, downloaded!), displayPath(block.file), where, `module.${name} source`);
    const call = { name: `${this.prefix}module.${name}`, dir };
    const seen = this.calls.findIndex((earlier) => earlier.dir === dir);
    if (seen >= 0) {
      const cycle = [...this.calls.slice(seen), call].map((step) => `${step.name} (${displayPath(step.dir)})`).join(' -> ');
      throw new IacError(displayPath(block.file), `module cycle: ${cycle}; Terraform cannot expand a module that calls itself`, where);
    }
    return this.reader.module(dir, `${this.prefix}module.${name}${instance.suffix}.`, key, this.inputsOf(block, instance), [...this.calls, call]);
  }

  /**
   * A registry or git module that was not downloaded. A module named for API Gateway defines
   * APIs the scan cannot see, so the audit is not complete without it, even when the scanner
   * reads the call from its own copy of the module: the copy is the module's code for the
   * versions the call admits, not the code Terraform will fetch.
   */
  private async undownloaded(name: string, block: Block, instance: Instance, key: string, where: Position | undefined): Promise<ModuleInstance | undefined> {
    const source = block.body['source'];
    const file = displayPath(block.file);
    const call = `${this.prefix}module.${name}`;
    // Each instance of a call with count or for_each is named, so none of them repeats another.
    const named = `${call}${instance.suffix}`;
    const unread = `module source ${JSON.stringify(source)} is not a local folder and was not downloaded (run \`terraform init\` to fetch it into .terraform/modules)`;
    const carried = carriedModule(source, block.body['version']);
    if (carried !== undefined && 'module' in carried) {
      const copy = `its API Gateway resources are read from the inputs of the call with the scanner's copy of ${carried.module.name}, which builds them as every version the call admits does`;
      this.reader.errors.push(new IacError(file, `${named}: ${unread}; ${copy}, and the audit is not complete until the module itself is read`, where));
      const callSite = { file: block.file, position: block.entry?.position };
      return this.reader.carried(carried.module, callSite, call, `${named}.`, key, this.inputsOf(block, instance), this.calls);
    }
    const why = carried === undefined ? '' : ` (${carried.unsupported})`;
    if (API_GATEWAY_SOURCE.test(String(source))) this.reader.errors.push(new IacError(file, `${named}: ${unread}, so the API Gateway resources it defines are not audited${why}`, where));
    else this.reader.warnings.push({ file, path: named, message: `${unread}, so the resources it defines are not read and its outputs are unresolved${why}` });
    return undefined;
  }

  /** The variables a module call sets, each evaluated in the caller's scope on first use. */
  private inputsOf(block: Block, instance: Instance): Map<string, Input> {
    const inputs = new Map<string, Input>();
    for (const [argument, value] of Object.entries(block.body)) {
      if (!MODULE_META.has(argument)) inputs.set(argument, (chain) => evaluateValue(value, { ...this.scope(block, argument, instance), chain }));
    }
    return inputs;
  }

  private scope(block: Block, argument: string, instance: Instance = SINGLE): Scope {
    const scope = this.reader.scope(block.file, positionIn(block.entry, [argument]) ?? block.entry?.position, (traversal, inner) => this.lookup(traversal, inner));
    return instance.key === undefined && Object.keys(instance.bindings).length === 0 ? scope : bind(scope, instance.bindings);
  }

  /** What a reference means in this module. */
  private async lookup(traversal: Traversal, scope: Scope): Promise<unknown> {
    const [root, name, ...rest] = traversal.map(String);
    const expression = traversal.join('.');
    switch (root) {
      case 'var':
        return traverse(await this.once(`var.${name}`, scope, (inner) => this.variable(name!, inner)), traversal.slice(2), expression);
      case 'local':
        return traverse(await this.once(`local.${name}`, scope, (inner) => this.local(name!, inner)), traversal.slice(2), expression);
      case 'module':
        return this.moduleOutput(name!, traversal.slice(2), expression, scope);
      case 'path':
        return name === 'module' ? relative(this.reader.rootDir, this.files.dir) || '.' : '.';
      case 'data':
        return new Unresolved(`${expression} (a data source, read when planned)`, TOKEN_DATA.has(`${name}.${String(traversal[3])}`));
      case 'count':
      case 'each':
        // Bound by the instance (see scope()); here it is outside any block with count / for_each.
        return new Unresolved(`${expression} (outside a block with ${root === 'count' ? 'count' : 'for_each'})`);
      case 'self':
      case 'terraform':
        return new Unresolved(`${expression} (known per instance when planned)`);
      default:
        return this.resourceAttribute(traversal, scope);
    }
  }

  /**
   * `TYPE.NAME.attribute`: an API Gateway resource's `id` is its address (the snapshot id);
   * an argument the configuration sets is its configured value; anything else is computed.
   */
  private async resourceAttribute(traversal: Traversal, scope: Scope): Promise<unknown> {
    const [type, name] = traversal as [string, string];
    const key = `${type}.${name}`;
    const block = this.files.resources.get(key);
    if (block === undefined) throw new IacError(scope.file, `reference to undeclared resource ${key}`, scope.position);
    const picked = await this.pick(key, block, traversal.slice(2), scope);
    if (isUnresolved(picked)) return picked;
    const { instance, rest: [attribute, ...rest] } = picked;
    const expression = traversal.join('.');
    if (attribute === undefined) return new Unresolved(`${expression} (a whole resource)`);
    if (attribute === 'id' && TERRAFORM_TYPES[type] !== undefined) return `${this.prefix}${key}${instance.suffix}`;
    if (typeof attribute !== 'string' || !(attribute in block.body) || attribute === 'id') return new Unresolved(`${expression} (known after apply)`);
    const value = await this.once(`${key}${instance.suffix}.${attribute}`, scope, (inner) => evaluateValue(block.body[attribute], { ...this.scope(block, attribute, instance), chain: inner.chain }));
    return traverse(value, rest, expression);
  }

  /** The caller's value, else the default, converted to the declared type (which fills optional attributes). */
  private async variable(name: string, scope: Scope): Promise<unknown> {
    const input = this.inputs.get(name);
    const declaration = this.files.variables.get(name);
    if (input === undefined && declaration === undefined) return new Unresolved(`var.${name} (not declared)`);
    if (input === undefined && !('default' in declaration!.body)) return new Unresolved(`var.${name} (a variable without a default)`);
    const value = input !== undefined ? await input(scope.chain) : await evaluateValue(declaration!.body['default'], { ...this.scope(declaration!, 'default'), chain: scope.chain });
    if (declaration === undefined || !('type' in declaration.body)) return value;
    return applyDefaults(value, await typeConstraintOf(declaration.body['type'], this.scope(declaration, 'type')));
  }

  private async local(name: string, scope: Scope): Promise<unknown> {
    const block = this.files.locals.get(name);
    if (block === undefined) throw new IacError(scope.file, `reference to undeclared local value local.${name}`, scope.position);
    return evaluateValue(block.body[name], { ...this.scope(block, name), chain: scope.chain });
  }

  /** `module.NAME[KEY].OUTPUT...`: the output of that instance of the call. */
  private async moduleOutput(name: string, steps: Traversal, expression: string, scope: Scope): Promise<unknown> {
    const block = this.files.modules.get(name);
    if (block === undefined) throw new IacError(scope.file, `reference to undeclared module module.${name}`, scope.position);
    const picked = await this.pick(`module.${name}`, block, steps, scope);
    if (isUnresolved(picked)) return picked;
    const [output, ...rest] = picked.rest;
    if (output === undefined) return new Unresolved(`${expression} (a whole module)`);
    const value = await this.once(`module.${name}${picked.instance.suffix}.${output}`, scope, async (inner) => {
      const child = await this.child(name, block, picked.instance);
      return child === undefined ? new Unresolved(`${expression} (a module that is not read)`) : child.output(String(output), inner);
    });
    return traverse(value, rest, expression);
  }

  async output(name: string, scope: Scope): Promise<unknown> {
    const block = this.files.outputs.get(name);
    if (block === undefined) return new Unresolved(`output ${name} (not declared)`);
    return evaluateValue(block.body['value'], { ...this.scope(block, 'value'), chain: scope.chain });
  }

  /**
   * Evaluates a named value once; a value that needs itself is a reference cycle (Terraform
   * refuses it too). Evaluation is sequential, so the chain of the scope is the whole story.
   */
  private once(name: string, scope: Scope, evaluate: (inner: Scope) => Promise<unknown>): Promise<unknown> {
    const key = `${this.prefix}${name}`;
    if (scope.chain.includes(key)) {
      const cycle = [...scope.chain.slice(scope.chain.indexOf(key)), key].join(' -> ');
      return Promise.reject(new IacError(scope.file, `reference cycle: ${cycle}`, scope.position));
    }
    // Real configurations nest references a few dozen deep; a chain of thousands is an attack on time and memory.
    if (scope.chain.length >= MAX_REFERENCE_DEPTH) {
      const path = `${scope.chain.slice(0, 3).join(' -> ')} -> ... -> ${key}`;
      return Promise.reject(new IacError(scope.file, `references nested more than ${MAX_REFERENCE_DEPTH} deep (${path}); the scan does not follow them further`, scope.position));
    }
    let value = this.memo.get(key);
    if (value === undefined) {
      value = evaluate({ ...scope, chain: [...scope.chain, key] });
      this.memo.set(key, value);
    }
    return value;
  }
}

/** Reads, parses and indexes the blocks of a module folder. */
async function loadModuleFiles(dir: string): Promise<ModuleFiles> {
  const paths = await terraformFiles(dir).catch((error: NodeJS.ErrnoException) => {
    throw new IacError(displayPath(dir), cannotRead(error, 'folder'));
  });
  if (paths.length === 0) throw new IacError(displayPath(dir), 'no .tf files in this folder');
  const texts: { file: string; text: string }[] = [];
  for (const file of paths) {
    const text = await readSourceFile(file);
    texts.push({ file, text });
  }
  return indexModuleFiles(dir, texts);
}

/** Parses and indexes the blocks of a module's files. */
async function indexModuleFiles(dir: string, texts: readonly { file: string; text: string }[]): Promise<ModuleFiles> {
  const files: ModuleFiles = { dir, variables: new Map(), locals: new Map(), outputs: new Map(), modules: new Map(), resources: new Map() };
  for (const { file, text } of texts) {
    const parsed = await parseHcl(file, text);
    const entries = file.endsWith('.tf') ? scanHclPositions(text) : [];
    const entryOf = (kind: string, ...labels: string[]) => entries.find((entry) => entry.name === kind && labels.every((label, i) => entry.labels[i] === label));
    for (const [name, body] of blocksOf(parsed['variable'])) files.variables.set(name, { body, file, entry: entryOf('variable', name) });
    for (const [name, body] of blocksOf(parsed['output'])) files.outputs.set(name, { body, file, entry: entryOf('output', name) });
    for (const [name, body] of blocksOf(parsed['module'])) files.modules.set(name, { body, file, entry: entryOf('module', name) });
    for (const body of asList(parsed['locals'])) {
      const block = entries.find((entry) => entry.name === 'locals' && entry.children.some((child) => isPlainObject(body) && child.name in body));
      for (const name of Object.keys(isPlainObject(body) ? body : {})) files.locals.set(name, { body: body as Record<string, unknown>, file, entry: block });
    }
    for (const [type, named] of Object.entries(isPlainObject(parsed['resource']) ? parsed['resource'] : {})) {
      for (const [name, body] of blocksOf(named)) files.resources.set(`${type}.${name}`, { body, file, entry: entryOf('resource', type, name) });
    }
  }
  return files;
}

/** `text` is the file's content, read once by the caller, which also scans it for positions. */
async function parseHcl(file: string, text: string): Promise<Record<string, unknown>> {
  if (file.endsWith('.json')) {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      throw new IacError(displayPath(file), `not valid JSON: ${(error as Error).message}`);
    }
  }
  try {
    return await parseHclText(basename(file), text);
  } catch (error) {
    const message = (error as Error).message;
    const where = /:(\d+),(\d+)-/.exec(message);
    const detail = message.replace(/^parse config: \[/, '').replace(/\]$/, '').replace(/^[^:]*:\d+,\d+-\d+(,\d+)?: /, '');
    throw new IacError(displayPath(file), `not valid HCL: ${detail}`, where === null ? undefined : { line: Number(where[1]), column: Number(where[2]) });
  }
}

/** `{ name: [body] }` (hcl2json) or `{ name: body }` (.tf.json) as name/body pairs. */
function blocksOf(value: unknown): [string, Record<string, unknown>][] {
  if (!isPlainObject(value)) return [];
  return Object.entries(value).flatMap(([name, bodies]) => asList(bodies).filter(isPlainObject).map((body) => [name, body] as [string, Record<string, unknown>]));
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/**
 * The position of a path inside a block: names are attributes, nested blocks or object keys;
 * a number after a block's name picks which of its repeated blocks.
 */
function positionIn(entry: HclEntry | undefined, path: SourcePath): Position | undefined {
  let current = entry;
  for (let i = 0; i < path.length && current !== undefined; i += 1) {
    const step = path[i];
    if (typeof step !== 'string') return undefined;
    const next = path[i + 1];
    const occurrence = typeof next === 'number' ? next : 0;
    if (typeof next === 'number') i += 1;
    current = current.children.filter((child) => child.name === step)[occurrence];
  }
  return current?.position;
}

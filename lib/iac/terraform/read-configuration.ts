import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { Unresolved } from '../../model/unresolved';
import { isPlainObject } from '../../rules/values';
import type { IacDocument, IacResource } from '../assemble';
import { displayPath } from '../display-path';
import { IacError } from '../iac-error';
import type { SourcePath } from '../positions';
import type { Position } from '../source-map';
import { TERRAFORM_TYPES, terraformResource } from './attributes';
import { evaluateValue, traverse, type Scope, type Traversal } from './expressions';
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

/** A module `source` Terraform reads from a folder (`./x`, `../x`) rather than downloads. */
function isLocalSource(source: unknown): source is string {
  return typeof source === 'string' && /^\.\.?[/\\]/.test(source);
}

/** Arguments of a `module` block that configure the call rather than pass a variable. */
const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/**
 * Reads a Terraform configuration (the `.tf` files of a folder, and the local modules it
 * calls) into the API Gateway resources it declares. Variables take the value the caller
 * passes, else `terraform.tfvars` / `*.auto.tfvars` (root only), else their default; locals,
 * module outputs and the arguments of other resources are followed as far as they resolve.
 * Modules from a registry or git are not downloaded: their outputs are unresolved.
 */
export async function readTerraform(dir: string): Promise<IacDocument> {
  const reader = new ConfigurationReader(resolve(dir));
  const root = await reader.module(resolve(dir), '', new Map(await reader.tfvars(resolve(dir))));
  await root.collect();
  return { source: displayPath(dir), resources: reader.resources, warnings: reader.warnings };
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

  constructor(readonly rootDir: string) {}

  async module(dir: string, prefix: string, inputs: Map<string, Input>): Promise<ModuleInstance> {
    return new ModuleInstance(this, await loadModuleFiles(dir), prefix, inputs);
  }

  /** Root variables set in `terraform.tfvars` and `*.auto.tfvars`, which Terraform loads by itself. */
  async tfvars(dir: string): Promise<[string, Input][]> {
    const names = (await readdir(dir)).filter((name) => name === 'terraform.tfvars' || name.endsWith('.auto.tfvars')).sort();
    const values: [string, Input][] = [];
    for (const name of names) {
      const file = join(dir, name);
      const parsed = await parseHcl(file, await readFile(file, 'utf8'));
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
      lookup,
      readFile: async (path, scope) => {
        const absolute = resolve(this.rootDir, path);
        try {
          return await readFile(absolute, 'utf8');
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? String(error);
          throw new IacError(scope.file, `file ${JSON.stringify(path)} cannot be read (${code}; Terraform resolves it from ${displayPath(this.rootDir)})`, scope.position);
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
    private readonly inputs: Map<string, Input>,
  ) {}

  /** Reads this module's API Gateway resources and those of the local modules it calls. */
  async collect(): Promise<void> {
    for (const [key, block] of this.files.resources) {
      const [type, name] = key.split('.') as [string, string];
      const kind = TERRAFORM_TYPES[type];
      if (kind === undefined) continue;
      if (await this.hasNoInstance(block)) continue;
      const values: Record<string, unknown> = {};
      for (const [argument, raw] of Object.entries(block.body)) {
        if (argument === 'count' || argument === 'for_each' || argument === 'lifecycle' || argument === 'depends_on' || argument === 'provider') continue;
        values[argument] = await evaluateValue(raw, this.scope(block, argument));
      }
      this.reader.resources.push(
        terraformResource({
          kind,
          address: `${this.prefix}${key}`,
          file: displayPath(block.file),
          position: block.entry?.position ?? { line: 1, column: 1 },
          values,
          positionOf: (path) => positionIn(block.entry, path),
        }),
      );
    }
    for (const [name, block] of this.files.modules) {
      const child = await this.child(name, block);
      await child?.collect();
    }
  }

  /** `count = 0` or an empty `for_each` (a feature switched off): the resource does not exist. */
  private async hasNoInstance(block: Block): Promise<boolean> {
    if ('count' in block.body) return (await evaluateValue(block.body['count'], this.scope(block, 'count'))) === 0;
    if ('for_each' in block.body) {
      const each = await evaluateValue(block.body['for_each'], this.scope(block, 'for_each'));
      return (Array.isArray(each) && each.length === 0) || (isPlainObject(each) && Object.keys(each).length === 0);
    }
    return false;
  }

  private child(name: string, block: Block): Promise<ModuleInstance | undefined> {
    let child = this.children.get(name);
    if (child === undefined) {
      child = this.loadChild(name, block);
      this.children.set(name, child);
    }
    return child;
  }

  private async loadChild(name: string, block: Block): Promise<ModuleInstance | undefined> {
    const source = block.body['source'];
    if (!isLocalSource(source)) {
      this.reader.warnings.push({ file: displayPath(block.file), path: `module.${name}`, message: `source ${JSON.stringify(source)} is not a local folder, so the module is not read (its outputs are unresolved)` });
      return undefined;
    }
    const inputs = new Map<string, Input>();
    for (const [argument, value] of Object.entries(block.body)) {
      if (!MODULE_META.has(argument)) inputs.set(argument, (chain) => evaluateValue(value, { ...this.scope(block, argument), chain }));
    }
    return this.reader.module(resolve(this.files.dir, source), `${this.prefix}module.${name}.`, inputs);
  }

  private scope(block: Block, argument: string): Scope {
    return this.reader.scope(block.file, positionIn(block.entry, [argument]) ?? block.entry?.position, (traversal, scope) => this.lookup(traversal, scope));
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
        return traverse(await this.once(`module.${name}.${rest[0]}`, scope, (inner) => this.moduleOutput(name!, rest[0]!, inner)), traversal.slice(3), expression);
      case 'path':
        return name === 'module' ? relative(this.reader.rootDir, this.files.dir) || '.' : '.';
      case 'data':
        return new Unresolved(`${expression} (a data source, read when planned)`);
      case 'count':
      case 'each':
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
    // `aws_x.y[0].id`: every instance looks the same to the scan.
    const [attribute, ...rest] = traversal.slice(typeof traversal[2] === 'number' ? 3 : 2);
    const expression = traversal.join('.');
    if (attribute === undefined) return new Unresolved(`${expression} (a whole resource)`);
    if (attribute === 'id' && TERRAFORM_TYPES[type] !== undefined) return `${this.prefix}${key}`;
    if (typeof attribute !== 'string' || !(attribute in block.body) || attribute === 'id') return new Unresolved(`${expression} (known after apply)`);
    const value = await this.once(`${key}.${attribute}`, scope, (inner) => evaluateValue(block.body[attribute], { ...this.scope(block, attribute), chain: inner.chain }));
    return traverse(value, rest, expression);
  }

  private async variable(name: string, scope: Scope): Promise<unknown> {
    const input = this.inputs.get(name);
    if (input !== undefined) return input(scope.chain);
    const declaration = this.files.variables.get(name);
    if (declaration === undefined) return new Unresolved(`var.${name} (not declared)`);
    if (!('default' in declaration.body)) return new Unresolved(`var.${name} (a variable without a default)`);
    return evaluateValue(declaration.body['default'], { ...this.scope(declaration, 'default'), chain: scope.chain });
  }

  private async local(name: string, scope: Scope): Promise<unknown> {
    const block = this.files.locals.get(name);
    if (block === undefined) throw new IacError(scope.file, `reference to undeclared local value local.${name}`, scope.position);
    return evaluateValue(block.body[name], { ...this.scope(block, name), chain: scope.chain });
  }

  private async moduleOutput(name: string, output: string, scope: Scope): Promise<unknown> {
    const block = this.files.modules.get(name);
    if (block === undefined) throw new IacError(scope.file, `reference to undeclared module module.${name}`, scope.position);
    const child = await this.child(name, block);
    if (child === undefined) return new Unresolved(`module.${name}.${output} (a module that is not read)`);
    return child.output(output, scope);
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
    let value = this.memo.get(key);
    if (value === undefined) {
      value = evaluate({ ...scope, chain: [...scope.chain, key] });
      this.memo.set(key, value);
    }
    return value;
  }
}

/** Parses and indexes the blocks of a module folder. */
async function loadModuleFiles(dir: string): Promise<ModuleFiles> {
  const files: ModuleFiles = { dir, variables: new Map(), locals: new Map(), outputs: new Map(), modules: new Map(), resources: new Map() };
  const paths = await terraformFiles(dir).catch((error: NodeJS.ErrnoException) => {
    throw new IacError(displayPath(dir), `cannot read the folder (${error.code ?? String(error)})`);
  });
  if (paths.length === 0) throw new IacError(displayPath(dir), 'no .tf files in this folder');
  for (const file of paths) {
    const text = await readFile(file, 'utf8');
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

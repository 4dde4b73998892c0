import { isUnresolved, Unresolved } from '../../model/unresolved';
import { isPlainObject } from '../../rules/values';
import { bind, elementsOf, evaluateValue, MAX_ELEMENTS, type Scope } from './expressions';

/** Arguments of a resource that say how Terraform manages it rather than what it is. */
const META_ARGUMENTS = new Set(['count', 'for_each', 'lifecycle', 'depends_on', 'provider', 'provisioner', 'connection']);

/**
 * Evaluates a resource's body (as hcl2json gives it) into its values, with each `dynamic`
 * block expanded into the blocks it generates, after the ones written literally, as Terraform
 * does. `scope` names the argument being evaluated, for errors and warnings.
 */
export async function evaluateBody(body: Record<string, unknown>, scopeFor: (argument: string) => Scope): Promise<Record<string, unknown>> {
  const values: Record<string, unknown> = {};
  for (const [argument, raw] of Object.entries(body)) {
    if (META_ARGUMENTS.has(argument) || argument === 'dynamic') continue;
    values[argument] = isBlockList(raw) && raw.some((block) => 'dynamic' in block) ? await nestedBlocks(raw, scopeFor(argument)) : await evaluateValue(raw, scopeFor(argument));
  }
  for (const [label, definition] of dynamicBlocks(body['dynamic'])) {
    const generated = await expandDynamic(label, definition, scopeFor(label));
    const written = values[label];
    if (isUnresolved(generated) || isUnresolved(written)) values[label] = isUnresolved(written) ? written : generated;
    else values[label] = [...(Array.isArray(written) ? written : []), ...generated];
  }
  return values;
}

/** Nested blocks that hold `dynamic` blocks of their own, in the scope of their parent. */
async function nestedBlocks(blocks: Record<string, unknown>[], scope: Scope): Promise<unknown[]> {
  const evaluated: unknown[] = [];
  for (const block of blocks) evaluated.push(await evaluateBody(block, () => scope));
  return evaluated;
}

/**
 * One `dynamic "label" { for_each, iterator, content }`: a block per element of `for_each`, its
 * content seeing the element as `label.key` / `label.value` (or under the `iterator` name).
 * A `for_each` not known makes the whole block list unresolved: how many there are is unknown.
 */
async function expandDynamic(label: string, definition: Record<string, unknown>, scope: Scope): Promise<Record<string, unknown>[] | Unresolved> {
  const collection = await evaluateValue(definition['for_each'], scope);
  if (isUnresolved(collection)) return new Unresolved(`dynamic "${label}" block over ${collection.reason}`);
  const elements = elementsOf(collection);
  if (elements === undefined) return new Unresolved(`dynamic "${label}" block over something not a collection`);
  if (elements.length > MAX_ELEMENTS) return new Unresolved(`dynamic "${label}" block over more than ${MAX_ELEMENTS} elements`);
  const iterator = iteratorName(definition['iterator']) ?? label;
  const content = Array.isArray(definition['content']) ? definition['content'][0] : definition['content'];
  const blocks: Record<string, unknown>[] = [];
  for (const [key, value] of elements) {
    // A set (a list here) gives each element as both its key and its value.
    const inner = bind(scope, { [iterator]: { key: Array.isArray(collection) && isSetLike(definition['for_each']) ? value : key, value } });
    blocks.push(isPlainObject(content) ? await evaluateBody(content, () => inner) : {});
  }
  return blocks;
}

/** `iterator = name` reaches us as the expression `${name}`. */
function iteratorName(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  return /^\$\{\s*([A-Za-z_][\w-]*)\s*\}$/.exec(raw)?.[1] ?? raw;
}

/** `toset(...)` written in a `for_each`: its elements are their own keys. */
function isSetLike(raw: unknown): boolean {
  return typeof raw === 'string' && /^\$\{\s*toset\(/.test(raw);
}

/** `dynamic` as hcl2json writes it (`{ label: [definition] }`), or a list of those (.tf.json). */
function dynamicBlocks(raw: unknown): [string, Record<string, unknown>][] {
  const groups = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return groups.filter(isPlainObject).flatMap((group) =>
    Object.entries(group).flatMap(([label, definitions]) => (Array.isArray(definitions) ? definitions : [definitions]).filter(isPlainObject).map((definition): [string, Record<string, unknown>] => [label, definition])),
  );
}

function isBlockList(value: unknown): value is Record<string, unknown>[] {
  return Array.isArray(value) && value.length > 0 && value.every(isPlainObject);
}

import { isUnresolved, Unresolved } from '../../model/unresolved';
import { isPlainObject } from '../../rules/values';
import { IacError } from '../iac-error';
import { evaluateTemplate, type Scope } from './expressions';

type TerraformFunction = (args: unknown[], scope: Scope) => unknown;

/**
 * The Terraform built-in functions API Gateway configurations use to build their values:
 * loading templates, building JSON, joining strings and merging maps. Any other function gives
 * an Unresolved value; so does any function called with an unresolved argument.
 */
const FUNCTIONS: Record<string, TerraformFunction> = {
  file: ([path], scope) => scope.readFile(String(path), scope),
  templatefile: async ([path, variables], scope) => renderTemplate(await scope.readFile(String(path), scope), variables, scope),
  jsonencode: ([value]) => terraformJson(value),
  jsondecode: ([text]) => JSON.parse(String(text)) as unknown,
  tostring: ([value]) => (typeof value === 'object' && value !== null ? new Unresolved('tostring() of a collection') : String(value)),
  tonumber: ([value]) => Number(value),
  tobool: ([value]) => value === true || value === 'true',
  tomap: ([value]) => value,
  tolist: ([value]) => value,
  toset: ([value]) => value,
  merge: (maps) => Object.assign({}, ...maps.filter(isPlainObject)) as Record<string, unknown>,
  lookup: ([map, key, fallback]) => (isPlainObject(map) && String(key) in map ? map[String(key)] : (fallback ?? new Unresolved(`lookup() of a missing key ${JSON.stringify(key)}`))),
  concat: (lists) => lists.flatMap((list) => (Array.isArray(list) ? list : [list])),
  coalesce: (values) => values.find((value) => value !== null && value !== '') ?? null,
  join: ([separator, list]) => (Array.isArray(list) ? list.map(String).join(String(separator)) : new Unresolved('join() of something not a list')),
  split: ([separator, text]) => String(text).split(String(separator)),
  replace: ([text, search, replacement]) => replace(String(text), String(search), String(replacement)),
  format: ([spec, ...values]) => format(String(spec), values),
  lower: ([text]) => String(text).toLowerCase(),
  upper: ([text]) => String(text).toUpperCase(),
  trimspace: ([text]) => String(text).trim(),
  chomp: ([text]) => String(text).replace(/(\r?\n)+$/, ''),
  length: ([value]) => (Array.isArray(value) ? value.length : isPlainObject(value) ? Object.keys(value).length : String(value).length),
  element: ([list, index]) => (Array.isArray(list) && list.length > 0 ? list[Number(index) % list.length] : new Unresolved('element() of an empty list')),
  base64encode: ([text]) => Buffer.from(String(text), 'utf8').toString('base64'),
};

export async function callFunction(name: string, args: unknown[], scope: Scope): Promise<unknown> {
  // try() takes its first argument that evaluates; an unresolved one may or may not.
  if (name === 'try' || name === 'can') return name === 'can' ? new Unresolved('can()') : (args.find((arg) => !isUnresolved(arg)) ?? args[0]);
  const unresolved = args.find(containsUnresolved);
  if (unresolved !== undefined) return isUnresolved(unresolved) ? unresolved : new Unresolved(`${name}() of an unresolved value`);
  const fn = FUNCTIONS[name];
  if (fn === undefined) return new Unresolved(`${name}() (not evaluated by the scanner)`);
  try {
    return await fn(args, scope);
  } catch (error) {
    // A file that cannot be read is the configuration's error; bad JSON or a bad pattern only makes the value unknown.
    if (error instanceof IacError) throw error;
    return new Unresolved(`${name}() failed: ${(error as Error).message}`);
  }
}

/** templatefile(): the file is a template that sees only the variables passed to it. */
async function renderTemplate(text: string, variables: unknown, scope: Scope): Promise<unknown> {
  const names = isPlainObject(variables) ? variables : {};
  const templateScope: Scope = {
    ...scope,
    lookup: async ([name, ...rest]) => {
      if (typeof name !== 'string' || !(name in names)) return new Unresolved(`${String(name)} (not a variable of templatefile())`);
      let value = names[name];
      for (const step of rest) value = isPlainObject(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[step] : undefined;
      return value ?? new Unresolved(`${[name, ...rest].join('.')} in templatefile()`);
    },
  };
  const rendered = await evaluateTemplate(text, templateScope);
  return typeof rendered === 'string' || isUnresolved(rendered) ? rendered : String(rendered);
}

function containsUnresolved(value: unknown): boolean {
  if (isUnresolved(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnresolved);
  return isPlainObject(value) && Object.values(value).some(containsUnresolved);
}

/** jsonencode(): keys in lexical order and `<`, `>`, `&` escaped, as Terraform writes them. */
function terraformJson(value: unknown): string {
  const sorted = (item: unknown): unknown =>
    Array.isArray(item) ? item.map(sorted) : isPlainObject(item) ? Object.fromEntries(Object.keys(item).sort().map((key) => [key, sorted(item[key])])) : item;
  return JSON.stringify(sorted(value)).replace(/[<>&]/g, (char) => `\\u00${char.charCodeAt(0).toString(16)}`);
}

/** replace(): a search string in slashes is a regular expression. */
function replace(text: string, search: string, replacement: string): string {
  const pattern = /^\/(.+)\/$/.exec(search);
  return pattern === null ? text.split(search).join(replacement) : text.replace(new RegExp(pattern[1]!, 'g'), replacement.replace(/\$\{(\d+)\}/g, '$$$1'));
}

/** format() with the common verbs `%s`, `%d`, `%v` and `%%`. */
function format(spec: string, values: unknown[]): string {
  let index = 0;
  return spec.replace(/%([%sdv])/g, (_whole, verb: string) => (verb === '%' ? '%' : String(values[index++])));
}

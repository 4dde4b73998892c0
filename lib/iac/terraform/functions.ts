import { basename, dirname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isUnresolved, Unresolved } from '../../model/unresolved';
import { isPlainObject } from '../../rules/values';
import { IacError } from '../iac-error';
import { EvaluationError, isEvaluationError } from './evaluation-error';
import { evaluateTemplate, MAX_ELEMENTS, MAX_STRING, opaque, where, type Scope } from './expressions';
import { regexMatches, regexReplace } from './regex';
import { typeConstructor } from './type-constraints';

type TerraformFunction = (args: unknown[], scope: Scope) => unknown;

/**
 * The Terraform built-in functions API Gateway configurations use to build their values:
 * loading templates, building JSON, strings, collections, encodings. Any other function gives
 * an Unresolved value naming it with its file and line; so does any function called with an
 * unresolved argument. A function Terraform would refuse to run on its arguments gives an
 * EvaluationError (which `try()` skips).
 */
const FUNCTIONS: Record<string, TerraformFunction> = {
  // Files, read only inside the scanned folder (see readFile).
  file: ([path], scope) => scope.readFile(String(path), scope),
  templatefile: ([path, variables], scope) => renderTemplate(String(path), variables, scope),
  basename: ([path]) => basename(String(path)),
  dirname: ([path]) => dirname(String(path)),
  // Encodings.
  jsonencode: ([value]) => terraformJson(value),
  jsondecode: ([text]) => JSON.parse(String(text)) as unknown,
  // An OpenAPI body is often YAML; the alias limit keeps a billion-laughs file to a few expansions.
  yamldecode: ([text]) => parseYaml(String(text), { maxAliasCount: 100 }) as unknown,
  base64encode: ([text]) => Buffer.from(String(text), 'utf8').toString('base64'),
  base64decode: ([text]) => Buffer.from(String(text), 'base64').toString('utf8'),
  urlencode: ([text]) => encodeURIComponent(String(text)),
  // Type conversions (sets are lists here, in the order written).
  tostring: ([value]) => (typeof value === 'object' && value !== null ? new EvaluationError('tostring() of a collection') : value === null ? null : String(value)),
  tonumber: ([value]) => (value === null ? null : numberOf(value)),
  tobool: ([value]) => (value === true || value === 'true' ? true : value === false || value === 'false' ? false : value === null ? null : new EvaluationError(`tobool() of ${JSON.stringify(value)}`)),
  tomap: ([value]) => value,
  tolist: ([value]) => value,
  toset: ([value]) => (Array.isArray(value) ? distinct(value) : value),
  // Strings.
  format: ([spec, ...values]) => format(String(spec), values),
  formatlist: ([spec, ...values]) => formatList(String(spec), values),
  join: ([separator, ...lists]) => (lists.every(Array.isArray) ? capped(lists.flat().map(String).join(String(separator))) : new EvaluationError('join() of something not a list')),
  split: ([separator, text]) => String(text).split(String(separator)),
  replace: ([text, search, replacement]) => replace(String(text), String(search), String(replacement)),
  regex: ([pattern, text]) => regexResult(String(pattern), String(text)),
  regexall: ([pattern, text]) => regexMatches(String(pattern), String(text)),
  lower: ([text]) => String(text).toLowerCase(),
  upper: ([text]) => String(text).toUpperCase(),
  title: ([text]) => String(text).replace(/\b\w/g, (char) => char.toUpperCase()),
  trimspace: ([text]) => String(text).trim(),
  trim: ([text, chars]) => trimChars(String(text), String(chars), true, true),
  trimprefix: ([text, prefix]) => (String(text).startsWith(String(prefix)) ? String(text).slice(String(prefix).length) : String(text)),
  trimsuffix: ([text, suffix]) => (String(suffix) !== '' && String(text).endsWith(String(suffix)) ? String(text).slice(0, -String(suffix).length) : String(text)),
  chomp: ([text]) => String(text).replace(/(\r?\n)+$/, ''),
  startswith: ([text, prefix]) => String(text).startsWith(String(prefix)),
  endswith: ([text, suffix]) => String(text).endsWith(String(suffix)),
  strcontains: ([text, part]) => String(text).includes(String(part)),
  substr: ([text, offset, length]) => substring(String(text), numberOf(offset), numberOf(length)),
  // Collections.
  length: ([value]) => (Array.isArray(value) ? value.length : isPlainObject(value) ? Object.keys(value).length : [...String(value)].length),
  merge: (maps) => (maps.every((map) => map === null || isPlainObject(map)) ? (Object.assign({}, ...maps.filter(isPlainObject)) as Record<string, unknown>) : new EvaluationError('merge() of something not a map')),
  lookup: ([map, key, ...fallback]) => (isPlainObject(map) && String(key) in map ? map[String(key)] : fallback.length > 0 ? fallback[0] : new EvaluationError(`lookup() of a missing key ${JSON.stringify(key)}`)),
  concat: (lists) => (lists.every(Array.isArray) ? lists.flat() : new EvaluationError('concat() of something not a list')),
  coalesce: (values) => values.find((value) => value !== null && value !== '') ?? new EvaluationError('coalesce() of only null or empty values'),
  coalescelist: (lists) => lists.find((list) => Array.isArray(list) && list.length > 0) ?? new EvaluationError('coalescelist() of only empty lists'),
  compact: ([list]) => (Array.isArray(list) ? list.filter((item) => item !== null && item !== '') : new EvaluationError('compact() of something not a list')),
  contains: ([list, value]) => (Array.isArray(list) ? list.some((item) => same(item, value)) : new EvaluationError('contains() of something not a list')),
  distinct: ([list]) => (Array.isArray(list) ? distinct(list) : new EvaluationError('distinct() of something not a list')),
  element: ([list, index]) => (Array.isArray(list) && list.length > 0 ? list[numberOf(index) % list.length] : new EvaluationError('element() of an empty list')),
  index: ([list, value]) => (Array.isArray(list) && list.some((item) => same(item, value)) ? list.findIndex((item) => same(item, value)) : new EvaluationError('index() of a missing value')),
  flatten: ([list]) => (Array.isArray(list) ? flatten(list) : new EvaluationError('flatten() of something not a list')),
  keys: ([map]) => (isPlainObject(map) ? Object.keys(map).sort() : new EvaluationError('keys() of something not a map')),
  values: ([map]) => (isPlainObject(map) ? Object.keys(map).sort().map((key) => map[key]) : new EvaluationError('values() of something not a map')),
  one: ([list]) => (Array.isArray(list) && list.length <= 1 ? (list[0] ?? null) : new EvaluationError('one() of a list with more than one element')),
  range: (args) => range(args.map(numberOf)),
  reverse: ([list]) => (Array.isArray(list) ? [...list].reverse() : new EvaluationError('reverse() of something not a list')),
  slice: ([list, start, end]) => (Array.isArray(list) ? list.slice(numberOf(start), numberOf(end)) : new EvaluationError('slice() of something not a list')),
  sort: ([list]) => (Array.isArray(list) ? list.map(String).sort() : new EvaluationError('sort() of something not a list')),
  zipmap: ([names, values]) => (Array.isArray(names) && Array.isArray(values) ? Object.fromEntries(names.map((name, i) => [String(name), values[i]])) : new EvaluationError('zipmap() of something not a list')),
  // Numbers.
  max: (numbers) => Math.max(...numbers.slice(0, MAX_ELEMENTS).map(numberOf)),
  min: (numbers) => Math.min(...numbers.slice(0, MAX_ELEMENTS).map(numberOf)),
  abs: ([number]) => Math.abs(numberOf(number)),
  ceil: ([number]) => Math.ceil(numberOf(number)),
  floor: ([number]) => Math.floor(numberOf(number)),
};

/** The functions Terraform lets take null as an argument (for the others a null argument is an error, which try() skips). */
const NULL_ARGUMENTS = new Set(['coalesce', 'coalescelist', 'merge', 'jsonencode', 'tostring', 'tonumber', 'tobool', 'tomap', 'tolist', 'toset', 'one', 'lookup', 'format', 'formatlist']);

export async function callFunction(name: string, args: unknown[], scope: Scope): Promise<unknown> {
  if (scope.inTypeConstraint === true) return typeConstructor(name, args);
  if (name === 'try') return tryArguments(args);
  if (name === 'can') {
    if (isEvaluationError(args[0])) return false;
    const unknown = unresolvedIn(args[0]);
    return unknown === undefined ? true : new Unresolved(`can() of a value holding ${unknown.reason}`);
  }
  for (const arg of args) {
    const unknown = unresolvedIn(arg);
    if (unknown !== undefined) return unknown === arg ? opaque(unknown) : new Unresolved(`${name}() of a value holding ${unknown.reason}`);
  }
  const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (fn === undefined) return new Unresolved(`${name}() (a function the scanner does not evaluate, at ${where(scope)})`);
  if (!NULL_ARGUMENTS.has(name) && args.includes(null)) return new EvaluationError(`${name}() of null (Terraform refuses it)`);
  try {
    return await fn(args, scope);
  } catch (error) {
    // A file that cannot be read is the configuration's error; bad JSON or a bad pattern only makes the value unknown.
    if (error instanceof IacError) throw error;
    return new EvaluationError(`${name}() failed: ${(error as Error).message}`);
  }
}

/**
 * try(): the first argument Terraform can evaluate. One that is unknown (not an error) may
 * still fail when planned, so try() is unknown too: it never guesses the fallback.
 */
function tryArguments(args: unknown[]): unknown {
  for (const arg of args) if (!isEvaluationError(arg)) return arg;
  return args.at(-1) ?? new EvaluationError('try() without arguments');
}

/**
 * templatefile(): the file is a template that sees only the variables passed to it. Terraform
 * refuses templatefile() inside a template, which also ends a template that includes itself.
 */
async function renderTemplate(path: string, variables: unknown, scope: Scope): Promise<unknown> {
  if (scope.inTemplate !== undefined) throw new IacError(scope.file, `templatefile(${JSON.stringify(path)}) is called inside the template ${JSON.stringify(scope.inTemplate)}; Terraform does not allow templatefile() within a template`, scope.position);
  const text = await scope.readFile(path, scope);
  const names = isPlainObject(variables) ? variables : {};
  const templateScope: Scope = {
    ...scope,
    inTemplate: path,
    bindings: new Map(Object.entries(names)),
    lookup: async ([name, ...rest]) => new EvaluationError(`${[name, ...rest].join('.')} (not a variable passed to templatefile(${JSON.stringify(path)}))`),
  };
  const rendered = await evaluateTemplate(text, templateScope);
  return typeof rendered === 'string' || isUnresolved(rendered) ? rendered : String(rendered);
}

/** The first unresolved value in a value, however deep: its reason says why the whole is unknown. */
function unresolvedIn(value: unknown): Unresolved | undefined {
  if (isUnresolved(value)) return value;
  const parts = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : [];
  for (const part of parts) {
    const found = unresolvedIn(part);
    if (found !== undefined) return found;
  }
  return undefined;
}

function numberOf(value: unknown): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (Number.isNaN(number)) throw new Error(`${JSON.stringify(value)} is not a number`);
  return number;
}

function capped(text: string): string {
  if (text.length > MAX_STRING) throw new Error(`the result is longer than ${MAX_STRING} characters`);
  return text;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function distinct(list: unknown[]): unknown[] {
  const seen = new Set<string>();
  return list.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** flatten(): nested lists into one, without recursion (a deeply nested value cannot overflow the stack). */
function flatten(list: unknown[]): unknown[] {
  const flat: unknown[] = [];
  const stack: unknown[][] = [[...list].reverse()];
  while (stack.length > 0) {
    const top = stack.at(-1)!;
    if (top.length === 0) {
      stack.pop();
      continue;
    }
    const item = top.pop();
    if (Array.isArray(item)) stack.push([...item].reverse());
    else flat.push(item);
  }
  return flat;
}

function range(args: number[]): number[] {
  const [start, limit, step] = args.length === 1 ? [0, args[0]!, 1] : [args[0]!, args[1]!, args[2] ?? (args[1]! >= args[0]! ? 1 : -1)];
  if (step === 0 || (limit - start) / step > MAX_ELEMENTS) throw new Error(`range() of more than ${MAX_ELEMENTS} numbers`);
  const numbers: number[] = [];
  for (let n = start; step > 0 ? n < limit : n > limit; n += step) numbers.push(n);
  return numbers;
}

function trimChars(text: string, chars: string, start: boolean, end: boolean): string {
  let [from, to] = [0, text.length];
  while (start && from < to && chars.includes(text[from]!)) from += 1;
  while (end && to > from && chars.includes(text[to - 1]!)) to -= 1;
  return text.slice(from, to);
}

/** substr(): a length of -1 runs to the end; offsets count characters, not UTF-16 units. */
function substring(text: string, offset: number, length: number): string {
  const chars = [...text];
  const from = offset < 0 ? chars.length + offset : offset;
  return chars.slice(from, length < 0 ? undefined : from + length).join('');
}

/** jsonencode(): keys in lexical order and `<`, `>`, `&` escaped, as Terraform writes them. */
function terraformJson(value: unknown): string {
  const sorted = (item: unknown): unknown =>
    Array.isArray(item) ? item.map(sorted) : isPlainObject(item) ? Object.fromEntries(Object.keys(item).sort().map((key) => [key, sorted(item[key])])) : item;
  return JSON.stringify(sorted(value)).replace(/[<>&]/g, (char) => `\\u00${char.charCodeAt(0).toString(16)}`);
}

/** replace(): a search string in slashes is a regular expression (RE2 syntax, matched in linear time). */
function replace(text: string, search: string, replacement: string): string {
  const pattern = /^\/(.+)\/$/s.exec(search);
  return capped(pattern === null ? text.split(search).join(replacement) : regexReplace(pattern[1]!, text, replacement));
}

/** regex(): the first match; its groups as a list (or a map when named), the match itself when it has none. */
function regexResult(pattern: string, text: string): unknown {
  const [first] = regexMatches(pattern, text);
  return first ?? new EvaluationError(`regex() found no match of ${JSON.stringify(pattern)}`);
}

/** format() with the common verbs `%s`, `%d`, `%v`, `%q` and `%%` (others leave the value unknown). */
function format(spec: string, values: unknown[]): string {
  let index = 0;
  return capped(
    spec.replace(/%(-?\d*)([%a-zA-Z])/g, (_whole, width: string, verb: string) => {
      if (verb === '%') return '%';
      if (index >= values.length) throw new Error(`format() has too few values for ${JSON.stringify(spec)}`);
      const value = values[index++];
      const text = verb === 'q' ? JSON.stringify(String(value)) : verb === 'd' ? String(Math.trunc(numberOf(value))) : verb === 's' || verb === 'v' ? (typeof value === 'object' && value !== null ? terraformJson(value) : String(value)) : undefined;
      if (text === undefined) throw new Error(`format() verb %${verb} is not evaluated by the scanner`);
      const pad = Math.min(Math.abs(Number(width) || 0), 1000);
      return width.startsWith('-') ? text.padEnd(pad) : text.padStart(pad);
    }),
  );
}

/** formatlist(): format() once per element of the list arguments (single values repeat). */
function formatList(spec: string, values: unknown[]): string[] {
  const lengths = values.filter(Array.isArray).map((list) => list.length);
  const count = lengths.length === 0 ? 1 : Math.min(...lengths);
  return Array.from({ length: count }, (_, i) => format(spec, values.map((value) => (Array.isArray(value) ? value[i] : value))));
}

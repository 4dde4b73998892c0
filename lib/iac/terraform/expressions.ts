import { Unresolved, isUnresolved } from '../../model/unresolved';
import { isPlainObject } from '../../rules/values';
import { IacError } from '../iac-error';
import type { Position } from '../source-map';
import { EvaluationError, isEvaluationError } from './evaluation-error';
import { callFunction } from './functions';
import { expressionAst, type ExpressionAst } from './hcl2json';

type Ast = ExpressionAst;
type TraversalPart = Extract<Ast, { type: 'scopeTraversal' }>['meta']['traversal'][number];

/** A name a traversal starts from (`var`, `local`, `aws_apigatewayv2_api`, ...) and what follows it. */
export type Traversal = (string | number)[];

/**
 * Where an expression is evaluated: what its names mean, and where it is written (for errors).
 * `chain` lists the references being evaluated around it, so a reference cycle is an error
 * instead of an endless wait.
 */
export interface Scope {
  file: string;
  position: Position | undefined;
  chain: readonly string[];
  /** Evaluation steps taken for the configuration so far (one object shared by all its scopes). */
  budget: { steps: number };
  lookup(traversal: Traversal, scope: Scope): Promise<unknown>;
  /** Reads a file for `file()` / `templatefile()`, relative to the root module as Terraform does. */
  readFile(path: string, scope: Scope): Promise<string>;
  /**
   * Names bound inside the expression, which shadow the configuration's: the symbols of a
   * for-expression, `each` and `count` of a resource instance, a `dynamic` block's iterator.
   */
  bindings?: ReadonlyMap<string, unknown>;
  /** Set inside a templatefile() template, where Terraform refuses a nested templatefile(). */
  inTemplate?: string;
  /** Set while evaluating a variable's `type`, where `object(...)`, `optional(...)` build a type. */
  inTypeConstraint?: boolean;
}

/** A for-expression or splat over more elements than this is not evaluated: real code has a handful. */
export const MAX_ELEMENTS = 10_000;

/**
 * Evaluation steps one configuration may take: the largest example of the apigateway-v2
 * module takes about 1,000; nested for-expressions over large ranges would take billions.
 */
export const MAX_STEPS = 200_000;

/** A string a template or function builds may not grow past this (a template doubling itself would). */
export const MAX_STRING = 1_000_000;

/** The element a splat's `[*].attr` applies to (a name no HCL identifier can be). */
const SPLAT_ELEMENT = '[*]';

/** The scope with more names bound. */
export function bind(scope: Scope, names: Record<string, unknown>): Scope {
  return { ...scope, bindings: new Map([...(scope.bindings ?? []), ...Object.entries(names)]) };
}

/** The heredoc the evaluator wraps a template in: heredocs take the text without escapes. */
const MARKER = 'APIGW_AUDIT_EOT';

const astCache = new Map<string, Promise<Ast | null>>();

/**
 * Evaluates what hcl2json gives for an argument: numbers, booleans, lists and objects as they
 * are, strings as Terraform templates (`"integrations/${aws_apigatewayv2_integration.x.id}"`).
 * Expressions are parsed by hcl2json's own HCL parser (getExpressionAst); what they mean is
 * evaluated here as far as the configuration alone allows. Anything known only at apply time
 * (ids of other resources, data sources) is an Unresolved value.
 */
export async function evaluateValue(value: unknown, scope: Scope): Promise<unknown> {
  if (typeof value === 'string') return evaluateTemplate(value, scope);
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) items.push(await evaluateValue(item, scope));
    return items;
  }
  if (isPlainObject(value)) {
    const object: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const name = await evaluateTemplate(key, scope);
      if (typeof name !== 'string') return new Unresolved(`a map key ${JSON.stringify(key)}`);
      object[name] = await evaluateValue(item, scope);
    }
    return object;
  }
  return value;
}

/** A template string: literal text with `${...}` interpolations and `%{...}` directives. */
export async function evaluateTemplate(text: string, scope: Scope): Promise<unknown> {
  if (!text.includes('${') && !text.includes('%{')) return text;
  const source = `<<${MARKER}\n${text}\n${MARKER}\n`;
  const ast = await parseExpression(source, scope);
  if (ast === null) return '';
  if (isUnresolved(ast)) return ast;
  // The heredoc adds one newline after the text; a template that is one interpolation keeps its type.
  const parts = ast.type === 'template' ? [...ast.children] : [ast];
  const last = parts.at(-1);
  if (last?.type === 'literalValue' && last.meta.value.endsWith('\n')) {
    const rest = last.meta.value.slice(0, -1);
    parts.splice(-1, 1, ...(rest === '' ? [] : [{ ...last, meta: { ...last.meta, value: rest } }]));
  }
  if (parts.length === 1 && parts[0]!.type !== 'literalValue') return evaluateNode(parts[0]!, source, scope);
  return concatenate(parts, source, scope);
}

/** Syntax the parser refuses makes the value unresolved (named with its file and line), not the file unreadable. */
async function parseExpression(source: string, scope: Scope): Promise<Ast | null | Unresolved> {
  let parsed = astCache.get(source);
  if (parsed === undefined) {
    parsed = expressionAst(scope.file, source);
    astCache.set(source, parsed);
  }
  try {
    return await parsed;
  } catch (error) {
    const detail = (error as Error).message.replace(/^getExpressionAst errors on input string '[\s\S]*?': /, '');
    return new Unresolved(`an expression the scanner cannot parse at ${where(scope)}: ${shorten(detail)}`);
  }
}

/** `file:line` of the argument being evaluated, for warnings about what the scanner does not evaluate. */
export function where(scope: Scope): string {
  return scope.position === undefined ? scope.file : `${scope.file}:${scope.position.line}`;
}

/**
 * A template's parts joined. With unknown parts it is a partial value that keeps the known
 * text around them (`arn:aws:apigateway:${data.aws_region.current.name}:dynamodb:action/PutItem`
 * has a known service and action), so a rule that needs only those still decides.
 */
async function concatenate(parts: readonly Ast[], source: string, scope: Scope): Promise<unknown> {
  const pieces: (string | Unresolved)[] = [];
  let firstUnknown: Unresolved | undefined;
  for (const part of parts) {
    const value = await evaluateNode(part, source, scope);
    if (isEvaluationError(value)) return value;
    if (isUnresolved(value)) {
      firstUnknown ??= value;
      pieces.push(value);
    } else if (typeof value === 'object' && value !== null) {
      return new EvaluationError(`a template that interpolates a ${Array.isArray(value) ? 'list' : 'map'}`);
    } else {
      pieces.push(value === null ? '' : String(value));
    }
  }
  if (pieces.reduce((length, piece) => length + (typeof piece === 'string' ? piece.length : 0), 0) > MAX_STRING) return new EvaluationError(`a template longer than ${MAX_STRING} characters`);
  return Unresolved.text(firstUnknown?.reason ?? '', pieces);
}

/**
 * One node of the syntax tree. Whatever the evaluator cannot work out (an unknown function,
 * a type error, syntax newer than it) is an Unresolved value: reading real code must never
 * end in an exception. Only IacError (a file that cannot be read, a cycle) stops the reader.
 */
async function evaluateNode(node: Ast, source: string, scope: Scope): Promise<unknown> {
  scope.budget.steps += 1;
  if (scope.budget.steps > MAX_STEPS) throw new IacError(scope.file, `the configuration takes more than ${MAX_STEPS} evaluation steps (a loop over very large collections?); the scan stops reading it here`, scope.position);
  try {
    return await evaluateKnownNode(node, source, scope);
  } catch (error) {
    if (error instanceof IacError) throw error;
    return new EvaluationError(`${shorten(node.meta?.value ?? node.type)} (cannot be evaluated at ${where(scope)}: ${(error as Error).message})`);
  }
}

async function evaluateKnownNode(node: Ast, source: string, scope: Scope): Promise<unknown> {
  // Parentheses and a splat's element are nodes hcl2json leaves without a type.
  const type: string = node.type;
  if (type === '') return node.children[0] === undefined ? scope.bindings?.get(SPLAT_ELEMENT) : evaluateNode(node.children[0], source, scope);
  // A template's `%{ for }`: the for-expression's bodies joined (hcl2json's types do not list this node).
  if (type === 'templateJoin') {
    const joined = node.children[0] === undefined ? [] : await evaluateNode(node.children[0], source, scope);
    if (!Array.isArray(joined)) return joined;
    return joined.find(isUnresolved) ?? joined.map((item) => (item === null ? '' : String(item))).join('');
  }
  switch (node.type) {
    case 'literalValue':
      return literal(node.meta.type, node.meta.value);
    case 'template':
      // A quoted string inside an expression: hcl2json gives its literal text as written, escapes and all.
      return concatenate(node.meta.value.startsWith('"') ? node.children.map(unescapedLiteral) : node.children, source, scope);
    case 'templateWrap':
      return node.children[0] === undefined ? '' : evaluateNode(node.children[0], source, scope);
    case 'scopeTraversal':
    case 'relativeTraversal':
    case 'index': {
      // `aws_x.this[each.key].id` is one reference: the reader needs all of it to find the instance.
      const traversal = await referenceOf(node, source, scope);
      if (isUnresolved(traversal)) return traversal;
      if (traversal !== undefined) return resolveReference(traversal, node.meta.value, scope);
      if (node.type === 'relativeTraversal') return traverse(await evaluateNode(node.children[0]!, source, scope), traversalOf(node.meta.traversal), node.meta.value);
      const [collection, key] = [await evaluateNode(node.children[0]!, source, scope), await evaluateNode(node.children[1]!, source, scope)];
      if (isUnresolved(key)) return opaque(key);
      return traverse(collection, [key as string | number], node.meta.value);
    }
    case 'tuple': {
      const items: unknown[] = [];
      for (const child of node.children) items.push(await evaluateNode(child, source, scope));
      return items;
    }
    case 'object':
      return objectValue(node, source, scope);
    case 'function': {
      const args: unknown[] = [];
      for (const child of node.children) args.push(await evaluateNode(child, source, scope));
      // `f(list...)` passes the list's elements as the arguments.
      const last = args.at(-1);
      if (node.meta.expandedFinalArgument && args.length > 0) {
        if (!Array.isArray(last)) return isUnresolved(last) ? last : new EvaluationError(`${shorten(node.meta.value)} (expands something not a list)`);
        args.splice(-1, 1, ...last.slice(0, MAX_ELEMENTS));
      }
      return callFunction(node.meta.name, args, scope);
    }
    case 'for':
      return forExpression(node, source, scope);
    case 'splat':
      return splat(node, source, scope);
    case 'conditional': {
      const [condition, whenTrue, whenFalse] = node.children as [Ast, Ast, Ast];
      const holds = await evaluateNode(condition, source, scope);
      if (holds === true) return evaluateNode(whenTrue, source, scope);
      if (holds === false) return evaluateNode(whenFalse, source, scope);
      const [a, b] = [await evaluateNode(whenTrue, source, scope), await evaluateNode(whenFalse, source, scope)];
      return JSON.stringify(a) === JSON.stringify(b) ? a : new Unresolved(`${node.meta.value} (the condition is not known)`);
    }
    case 'binaryOp':
      return binary(node.meta.operator, await evaluateNode(node.children[0]!, source, scope), await evaluateNode(node.children[1]!, source, scope), node.meta.value);
    case 'unaryOp': {
      const value = await evaluateNode(node.children[0]!, source, scope);
      if (isUnresolved(value)) return opaque(value);
      return node.meta.operator === 'logicalNot' ? !value : -Number(value);
    }
    default:
      // Syntax newer than this evaluator.
      return new Unresolved(`${shorten((node as Ast).meta.value)} (not evaluated by the scanner, at ${where(scope)})`);
  }
}

/**
 * `[for k, v in coll : value if cond]` and `{for k, v in coll : key => value...}` (also a
 * template's `%{ for }`): lists iterate by index, maps by key in lexical order, as Terraform
 * does. hcl2json gives the collection, then the key (object form), the value and the condition.
 */
async function forExpression(node: Extract<Ast, { type: 'for' }>, source: string, scope: Scope): Promise<unknown> {
  const { keyVar, valVar, keyExpression, conditionalExpression, groupedValue, value: text } = node.meta;
  const [collectionNode, ...rest] = node.children;
  const isObject = keyExpression !== '' && keyExpression !== undefined;
  const keyNode = isObject ? rest.shift() : undefined;
  const valueNode = rest.shift();
  const conditionNode = conditionalExpression === '' || conditionalExpression === undefined ? undefined : rest.shift();
  const collection = collectionNode === undefined ? undefined : await evaluateNode(collectionNode, source, scope);
  if (isUnresolved(collection)) return opaque(collection);
  const pairs = elementsOf(collection);
  if (pairs === undefined || valueNode === undefined) return new EvaluationError(`${shorten(text)} (iterates over something not a collection)`);
  if (pairs.length > MAX_ELEMENTS) return new Unresolved(`${shorten(text)} (over more than ${MAX_ELEMENTS} elements)`);
  const list: unknown[] = [];
  const object: Record<string, unknown> = {};
  for (const [key, value] of pairs) {
    const inner = bind(scope, keyVar === '' || keyVar === undefined ? { [valVar]: value } : { [keyVar]: key, [valVar]: value });
    if (conditionNode !== undefined) {
      const keep = await evaluateNode(conditionNode, source, inner);
      if (isUnresolved(keep)) return opaque(keep);
      if (keep !== true) continue;
    }
    const item = await evaluateNode(valueNode, source, inner);
    if (!isObject) {
      list.push(item);
      continue;
    }
    const name = await evaluateNode(keyNode!, source, inner);
    if (typeof name !== 'string' && typeof name !== 'number') return isUnresolved(name) ? opaque(name) : new EvaluationError(`${shorten(text)} (a key is not a string)`);
    if (groupedValue) ((object[String(name)] ??= []) as unknown[]).push(item);
    else object[String(name)] = item;
  }
  return isObject ? object : list;
}

/** The key/value pairs a for-expression or `for_each` iterates: a list's indexes, a map's sorted keys. */
export function elementsOf(collection: unknown): [string | number, unknown][] | undefined {
  if (Array.isArray(collection)) return collection.map((value, index) => [index, value]);
  if (isPlainObject(collection)) return Object.keys(collection).sort().map((key) => [key, collection[key]]);
  return undefined;
}

/** `list[*].attr`: the attribute of each element; a single value acts as a list of one, null as none. */
async function splat(node: Extract<Ast, { type: 'splat' }>, source: string, scope: Scope): Promise<unknown> {
  const [sourceNode, eachNode] = node.children;
  const collection = sourceNode === undefined ? undefined : await evaluateNode(sourceNode, source, scope);
  if (isUnresolved(collection)) return opaque(collection);
  const items = collection === null || collection === undefined ? [] : Array.isArray(collection) ? collection : [collection];
  if (items.length > MAX_ELEMENTS) return new Unresolved(`${shorten(node.meta.value)} (over more than ${MAX_ELEMENTS} elements)`);
  if (eachNode === undefined) return items;
  const results: unknown[] = [];
  for (const item of items) results.push(await evaluateNode(eachNode, source, bind(scope, { [SPLAT_ELEMENT]: item })));
  return results;
}

/**
 * The whole traversal of a reference written with index and attribute steps after a name
 * (`local.m[var.k].x`), its index keys evaluated; undefined when it does not start from a name
 * (`f(x)[0]`), Unresolved when a key is not known.
 */
async function referenceOf(node: Ast, source: string, scope: Scope): Promise<Traversal | Unresolved | undefined> {
  if (node.type === 'scopeTraversal') return traversalOf(node.meta.traversal);
  const [base, keyNode] = node.children;
  if (base === undefined || (node.type !== 'index' && node.type !== 'relativeTraversal')) return undefined;
  const start = await referenceOf(base, source, scope);
  if (start === undefined || isUnresolved(start)) return start;
  if (node.type === 'relativeTraversal') return [...start, ...traversalOf(node.meta.traversal)];
  const key = keyNode === undefined ? undefined : await evaluateNode(keyNode, source, scope);
  if (isUnresolved(key)) return opaque(key);
  if (typeof key !== 'string' && typeof key !== 'number') return new EvaluationError(`${shorten(node.meta.value)} (an index that is not a string or number)`);
  return [...start, key];
}

/** A name bound in the expression (`each`, a for symbol, a dynamic iterator), else the configuration's. */
function resolveReference(traversal: Traversal, expression: string, scope: Scope): Promise<unknown> | unknown {
  const [root, ...steps] = traversal;
  const bound = scope.bindings;
  if (bound !== undefined && bound.has(String(root))) return traverse(bound.get(String(root)), steps, expression);
  return scope.lookup(traversal, scope);
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** A literal part of a quoted string with its escapes (`\n`, `\"`, `\\`, `\uNNNN`, `\UNNNNNNNN`) applied. */
function unescapedLiteral(node: Ast): Ast {
  if (node.type !== 'literalValue' || node.meta.type !== 'string' || !node.meta.value.includes('\\')) return node;
  const value = node.meta.value.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (whole, escape: string) =>
    escape.length > 1 ? String.fromCodePoint(parseInt(escape.slice(1), 16)) : (ESCAPES[escape] ?? whole),
  );
  return { ...node, meta: { ...node.meta, value } };
}

/** Literal text of a template keeps Terraform's escapes `$${` and `%%{` until here. */
function literal(type: string, value: string): unknown {
  if (type === 'number') return Number(value);
  if (type === 'bool') return value === 'true';
  if (type === 'dynamic') return null;
  return value.replaceAll('$${', '${').replaceAll('%%{', '%{');
}

function traversalOf(parts: readonly TraversalPart[]): Traversal {
  return parts.map((part) => {
    if (part.type === 'nameTraversal') return part.segment;
    const segment = part.segment.trim();
    return /^-?\d+$/.test(segment) ? Number(segment) : segment.startsWith('"') ? (JSON.parse(segment) as string) : segment;
  });
}

/**
 * An unknown value used as something other than text (an operand, a key, a collection):
 * the known text of a partial value says nothing about what that gives.
 */
export function opaque(value: Unresolved): Unresolved {
  return value.pieces === undefined ? value : new Unresolved(value.reason);
}

/** `value.a[0]["b"]`; Unresolved when any step is. */
export function traverse(value: unknown, steps: Traversal, expression: string): unknown {
  let current = value;
  for (const step of steps) {
    if (isUnresolved(current)) return opaque(current);
    if (Array.isArray(current) && typeof step === 'number') current = current[step];
    else if (isPlainObject(current)) current = current[String(step)];
    else return new EvaluationError(`${shorten(expression)} (${current === null ? 'null has no attributes or elements' : `a ${typeof current} has no attributes or elements`})`);
    if (current === undefined) return new EvaluationError(`${shorten(expression)} (no such attribute or element)`);
  }
  return current;
}

/**
 * An object constructor `{ key = value, "quoted" = value }`. hcl2json gives its keys and values
 * as alternating children; a bare key has no child of its own, so its name comes from its text.
 */
async function objectValue(node: Ast, source: string, scope: Scope): Promise<unknown> {
  const bytes = Buffer.from(source, 'utf8');
  const object: Record<string, unknown> = {};
  for (let i = 0; i + 1 < node.children.length; i += 2) {
    const keyNode = node.children[i]!;
    const keyExpression = keyNode.children[0];
    const key = keyExpression === undefined ? bytes.subarray(keyNode.range.start.byte, keyNode.range.end.byte).toString('utf8') : await evaluateNode(keyExpression, source, scope);
    if (typeof key !== 'string') return isUnresolved(key) ? opaque(key) : new EvaluationError(`${shorten(node.meta.value)} (a key that is not a string)`);
    object[key] = await evaluateNode(node.children[i + 1]!, source, scope);
  }
  return object;
}

function binary(operator: string, a: unknown, b: unknown, expression: string): unknown {
  if (operator === 'logicalAnd' && (a === false || b === false)) return false;
  if (operator === 'logicalOr' && (a === true || b === true)) return true;
  if (isUnresolved(a)) return opaque(a);
  if (isUnresolved(b)) return opaque(b);
  switch (operator) {
    case 'equal':
      return JSON.stringify(a) === JSON.stringify(b);
    case 'notEqual':
      return JSON.stringify(a) !== JSON.stringify(b);
    case 'logicalAnd':
      return a === true && b === true;
    case 'logicalOr':
      return a === true || b === true;
    case 'lessThan':
      return Number(a) < Number(b);
    case 'lessThanOrEqual':
      return Number(a) <= Number(b);
    case 'greaterThan':
      return Number(a) > Number(b);
    case 'greaterThanOrEqual':
      return Number(a) >= Number(b);
    case 'add':
      return Number(a) + Number(b);
    case 'subtract':
      return Number(a) - Number(b);
    case 'multiply':
      return Number(a) * Number(b);
    case 'divide':
      return Number(a) / Number(b);
    case 'modulo':
      return Number(a) % Number(b);
    default:
      return new Unresolved(`${shorten(expression)} (not evaluated by the scanner)`);
  }
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

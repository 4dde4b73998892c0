import { Unresolved, isUnresolved } from '../../model/unresolved';
import { isPlainObject } from '../../rules/values';
import { IacError } from '../iac-error';
import type { Position } from '../source-map';
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
  lookup(traversal: Traversal, scope: Scope): Promise<unknown>;
  /** Reads a file for `file()` / `templatefile()`, relative to the root module as Terraform does. */
  readFile(path: string, scope: Scope): Promise<string>;
}

/** The heredoc the evaluator wraps a template in: heredocs take the text without escapes. */
const MARKER = 'APIGW_AUDIT_EOT';

const astCache = new Map<string, Promise<Ast | null>>();

/**
 * Evaluates what hcl2json gives for an argument: numbers, booleans, lists and objects as they
 * are, strings as Terraform templates (`"integrations/${aws_apigatewayv2_integration.x.id}"`).
 * Expressions are parsed by hcl2json's own HCL parser (getExpressionAst); what they mean is
 * evaluated here as far as the configuration alone allows. Anything known only at apply time
 * (ids of other resources, data sources, `count.index`) is an Unresolved value.
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

async function parseExpression(source: string, scope: Scope): Promise<Ast | null> {
  let parsed = astCache.get(source);
  if (parsed === undefined) {
    parsed = expressionAst(scope.file, source);
    astCache.set(source, parsed);
  }
  try {
    return await parsed;
  } catch (error) {
    throw new IacError(scope.file, `cannot parse the expression: ${(error as Error).message}`, scope.position);
  }
}

async function concatenate(parts: readonly Ast[], source: string, scope: Scope): Promise<unknown> {
  let text = '';
  for (const part of parts) {
    const value = await evaluateNode(part, source, scope);
    if (isUnresolved(value)) return value;
    if (typeof value === 'object' && value !== null) return new Unresolved(`a template that interpolates a ${Array.isArray(value) ? 'list' : 'map'}`);
    text += value === null ? '' : String(value);
  }
  return text;
}

async function evaluateNode(node: Ast, source: string, scope: Scope): Promise<unknown> {
  switch (node.type) {
    case 'literalValue':
      return literal(node.meta.type, node.meta.value);
    case 'template':
      return concatenate(node.children, source, scope);
    case 'templateWrap':
      return node.children[0] === undefined ? '' : evaluateNode(node.children[0], source, scope);
    case 'scopeTraversal':
      return scope.lookup(traversalOf(node.meta.traversal), scope);
    case 'relativeTraversal':
      return traverse(await evaluateNode(node.children[0]!, source, scope), traversalOf(node.meta.traversal), node.meta.value);
    case 'index': {
      const [collection, key] = [await evaluateNode(node.children[0]!, source, scope), await evaluateNode(node.children[1]!, source, scope)];
      if (isUnresolved(key)) return key;
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
      return callFunction(node.meta.name, args, scope);
    }
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
      if (isUnresolved(value)) return value;
      return node.meta.operator === 'logicalNot' ? !value : -Number(value);
    }
    default:
      // for expressions, splats and anything newer.
      return new Unresolved(`${shorten(node.meta.value)} (not evaluated by the scanner)`);
  }
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

/** `value.a[0]["b"]`; Unresolved when any step is. */
export function traverse(value: unknown, steps: Traversal, expression: string): unknown {
  let current = value;
  for (const step of steps) {
    if (isUnresolved(current)) return current;
    if (Array.isArray(current) && typeof step === 'number') current = current[step];
    else if (isPlainObject(current)) current = current[String(step)];
    else return new Unresolved(`${shorten(expression)} (not evaluated by the scanner)`);
    if (current === undefined) return new Unresolved(`${shorten(expression)} (no such attribute or element)`);
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
    if (typeof key !== 'string') return new Unresolved(`${shorten(node.meta.value)} (a key is not known)`);
    object[key] = await evaluateNode(node.children[i + 1]!, source, scope);
  }
  return object;
}

function binary(operator: string, a: unknown, b: unknown, expression: string): unknown {
  if (operator === 'logicalAnd' && (a === false || b === false)) return false;
  if (operator === 'logicalOr' && (a === true || b === true)) return true;
  if (isUnresolved(a)) return a;
  if (isUnresolved(b)) return b;
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

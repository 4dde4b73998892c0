import { entriesOf, isPlainObject } from '../values';
import { memoizeText } from '../../model/memoize-text';

/**
 * Reading response mapping templates, which are Velocity Template Language [D-XF]
 * (IR109-IR112, IR117, and SEC009). velocityjs is the only VTL parser available; it rejects
 * some broken templates but silently accepts others (unclosed blocks, stray #end, unknown
 * directives: aws-facts.md section 7), so the text checks below work on the template text.
 */

const templateLists = new WeakMap<object, readonly [string, string][]>();

/**
 * The templates of a ResponseTemplates map, as [key, text]; a value that is not a string is no
 * template to read. Kept per map object (a snapshot is not changed once loaded), as five rules
 * read the same map of every response.
 */
export function templatesOf(responseTemplates: unknown): readonly [string, string][] {
  if (!isPlainObject(responseTemplates)) return [];
  let templates = templateLists.get(responseTemplates);
  if (templates === undefined) {
    templates = entriesOf(responseTemplates).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    templateLists.set(responseTemplates, templates);
  }
  return templates;
}

/** A velocityjs parse of a template, or where and why it failed. */
export type TemplateParse = { ok: true; ast: readonly unknown[] } | { ok: false; line: number | undefined; detail: string };

const PARSE_ERROR_LINE = /on line (\d+)/;
const EXPECTING = /^Expecting (.*)$/m;

/**
 * velocityjs's parse, cached per template text. A simple template (see `simpleAst`) is read
 * without velocityjs, which is some 30 times slower and would set the pace of an audit.
 */
/**
 * velocityjs, loaded on the first template that needs it: most accounts' templates are simple
 * (or absent), and a Lambda cold start should not pay for a parser it may never call.
 */
let velocity: typeof import('velocityjs') | undefined;
// require() keeps the load lazy in the bundles too (esbuild defers a required module's body).
const loadVelocity = () => (velocity ??= require('velocityjs') as typeof import('velocityjs'));

export const parseTemplate = memoizeText((template: string): TemplateParse => {
  const simple = simpleAst(template);
  if (simple !== undefined) return { ok: true, ast: simple };
  try {
    return { ok: true, ast: loadVelocity().parse(template) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = PARSE_ERROR_LINE.exec(message)?.[1];
    // The "Expecting ..." line names grammar tokens only, never template text.
    const expecting = EXPECTING.exec(message)?.[1]?.replaceAll("'", '');
    return { ok: false, line: line === undefined ? undefined : Number(line), detail: expecting === undefined ? 'unrecognised text' : `expecting ${expecting}` };
  }
});

const NAME = /[A-Za-z_][\w-]*/y;
const NAME_START = /[A-Za-z_]/;
const NAME_CHARACTER = /[\w-]/;
const INTEGER = /-?\d+/y;
/** What starts a reference inside a double-quoted argument. */
const INTERPOLATION = /\$[A-Za-z_!{]/;

/**
 * The AST of a template made only of text and plain references (`$context.connectionId`,
 * `$input.json('$')`, `$util.escapeJavaScript($input.path('$.a'))`), as velocityjs would
 * parse it for rendering: text strings and bare `references` nodes. Undefined for
 * anything else (a `#`, `$!`, `${`, `\$`, an index, an argument that is not a quoted string,
 * an integer or such a reference), which velocityjs parses instead. A `$` that starts no
 * reference is text, as in velocityjs; a fuzz test holds the two to the same result.
 */
export function simpleAst(template: string): unknown[] | undefined {
  if (template.includes('#')) return undefined;
  const nodes: unknown[] = [];
  let from = 0;
  for (let dollar = template.indexOf('$'); dollar !== -1; dollar = template.indexOf('$', dollar + 1)) {
    const next = template.charAt(dollar + 1);
    if (template.charAt(dollar - 1) === '\\' || next === '!' || next === '{') return undefined;
    if (!NAME_START.test(next)) continue;
    const end = referenceEnd(template, dollar);
    if (end === undefined) return undefined;
    if (dollar > from) nodes.push(template.slice(from, dollar));
    nodes.push({ type: 'references' });
    from = end;
    dollar = end - 1;
  }
  if (from < template.length) nodes.push(template.slice(from));
  return nodes;
}

/** The end of the `$reference` at `start` with its properties and method calls, or undefined when it is not simple. */
function referenceEnd(template: string, start: number): number | undefined {
  let i = nameEnd(template, start + 1);
  /** A method call may follow a property, not the root (`$a(` is text) nor another call. */
  let callable = false;
  for (;;) {
    const c = template.charAt(i);
    if (c === '.' && NAME_START.test(template.charAt(i + 1))) {
      i = nameEnd(template, i + 1);
      callable = true;
    } else if (c === '(' && callable) {
      const end = argumentsEnd(template, i);
      // velocityjs misreads a name right after a call (`$a.b()x(1)` fails), so that is not simple either.
      if (end === undefined || NAME_CHARACTER.test(template.charAt(end))) return undefined;
      i = end;
      callable = false;
    } else {
      return c === '(' || c === '[' || c === '{' ? undefined : i;
    }
  }
}

function nameEnd(template: string, start: number): number {
  NAME.lastIndex = start;
  return NAME.test(template) ? NAME.lastIndex : start;
}

/** The end of `(arguments)` opening at `open`: quoted strings, integers and simple references, comma-separated. */
function argumentsEnd(template: string, open: number): number | undefined {
  let i = skipSpaces(template, open + 1);
  if (template.charAt(i) === ')') return i + 1;
  for (;;) {
    const end = argumentEnd(template, i);
    if (end === undefined) return undefined;
    i = skipSpaces(template, end);
    const c = template.charAt(i);
    if (c === ')') return i + 1;
    if (c !== ',') return undefined;
    i = skipSpaces(template, i + 1);
  }
}

function argumentEnd(template: string, start: number): number | undefined {
  const c = template.charAt(start);
  if (c === "'" || c === '"') {
    const close = template.indexOf(c, start + 1);
    if (close === -1) return undefined;
    const content = template.slice(start + 1, close);
    // A double-quoted string interpolates references; either kind may hold no escape or line break.
    if (content.includes('\\') || content.includes('\n') || (c === '"' && INTERPOLATION.test(content))) return undefined;
    return close + 1;
  }
  if (c === '$') return NAME_START.test(template.charAt(start + 1)) ? referenceEnd(template, start) : undefined;
  INTEGER.lastIndex = start;
  return INTEGER.test(template) ? INTEGER.lastIndex : undefined;
}

function skipSpaces(template: string, start: number): number {
  let i = start;
  while (template.charAt(i) === ' ') i += 1;
  return i;
}

/** The 1-based line of an offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/** One line of a template, trimmed: the short excerpt a message may show (through `show`, which shortens it). */
export function lineText(template: string, line: number): string {
  return (template.split('\n')[line - 1] ?? '').trim();
}

const BLOCK_COMMENT_END = '*#';
const UNPARSED_END = ']]#';

/**
 * The template with everything that is not VTL code blanked out: `##` line comments, `#* *#`
 * block comments, `#[[ ]]#` unparsed content and `\#` escapes (an odd run of backslashes
 * before `#`). Blanked characters become spaces and newlines are kept, so offsets and line
 * numbers stay those of the template. An unclosed block comment runs to the end, as in Velocity.
 */
export const codeView = memoizeText((template: string): string => {
  const parts: string[] = [];
  let from = 0;
  for (let i = template.indexOf('#'); i !== -1; ) {
    const end = nonCodeEnd(template, i);
    if (end === undefined) {
      i = template.indexOf('#', i + 1);
      continue;
    }
    const start = isEscaped(template, i) ? i - 1 : i;
    parts.push(template.slice(from, start), blank(template.slice(start, end)));
    from = end;
    i = template.indexOf('#', end);
  }
  parts.push(template.slice(from));
  return parts.join('');
});

/** Where the non-code text starting with the `#` at `i` ends, or undefined when that `#` is code. */
function nonCodeEnd(template: string, i: number): number | undefined {
  if (isEscaped(template, i)) return i + 1;
  if (template.startsWith('##', i)) {
    const newline = template.indexOf('\n', i);
    return newline === -1 ? template.length : newline;
  }
  const close = template.startsWith('#*', i) ? BLOCK_COMMENT_END : template.startsWith('#[[', i) ? UNPARSED_END : undefined;
  if (close === undefined) return undefined;
  const found = template.indexOf(close, i + 2);
  return found === -1 ? template.length : found + close.length;
}

const NOT_NEWLINE = /[^\n]/g;
const blank = (text: string): string => text.replace(NOT_NEWLINE, ' ');

/** Whether the character at `index` is escaped by an odd run of backslashes before it (`\$x`, `\#if`). */
export function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  while (text.charAt(index - 1 - backslashes) === '\\') backslashes += 1;
  return backslashes % 2 === 1;
}

/** A block opener (`#if(`, `#foreach (`, `#{if}`...) or an `#end` / `#{end}`; `#endif` is neither. */
const BLOCK_DIRECTIVE = /#(?:\{(if|foreach|macro|define|end)\}|(if|foreach|macro|define)(?=\s*\()|(end)(?!\w))/g;

/** Where a template's blocks fail to balance (IR110). */
export interface BlockImbalance {
  /** `#if`, `#foreach`, `#macro` and `#define` openers (plain or braced). */
  openers: number;
  ends: number;
  /** The first opener left unclosed (`#if`...), or else the first `#end` that closes nothing. */
  directive: string;
  line: number;
}

interface Directive {
  directive: string;
  offset: number;
}

/**
 * Counts block openers against `#end` in the code view (comments, unparsed blocks and `\#`
 * escapes do not count), or undefined when they are as many. velocityjs accepts an imbalance
 * silently and then misreads the template (it repeats the text after an unclosed block and
 * drops the text after a stray #end), so a template with one is not rendered either.
 */
export const blockImbalance = memoizeText((template: string): BlockImbalance | undefined => {
  if (!template.includes('#')) return undefined;
  const view = codeView(template);
  const open: Directive[] = [];
  let stray: Directive | undefined;
  let openers = 0;
  let ends = 0;
  for (const match of view.matchAll(BLOCK_DIRECTIVE)) {
    const name = match[1] ?? match[2] ?? match[3] ?? '';
    if (name === 'end') {
      ends += 1;
      if (open.pop() === undefined) stray ??= { directive: '#end', offset: match.index };
    } else {
      openers += 1;
      open.push({ directive: `#${name}`, offset: match.index });
    }
  }
  // More openers than ends leaves one open; more ends than openers makes one stray.
  const culprit = openers > ends ? open[0] : stray;
  if (openers === ends || culprit === undefined) return undefined;
  return { openers, ends, directive: culprit.directive, line: lineAt(view, culprit.offset) };
});

/** A VTL reference such as `$context.connectionId`, `$!{input.body}`, `$input.json('$')`. */
export interface VtlReference {
  /** `context`, `input`, `util`, `method`, a local variable... */
  root: string;
  /** The property and method names after the root, e.g. `['identity', 'sourceIp']`. */
  path: string[];
  offset: number;
}

const REFERENCE = /\$!?\{?([A-Za-z_][\w-]*)((?:\.[A-Za-z_]\w*)*)/g;

/** The unescaped references of a code view (see `codeView`), in order. */
export function vtlReferences(view: string): VtlReference[] {
  const references: VtlReference[] = [];
  for (const match of view.matchAll(REFERENCE)) {
    if (isEscaped(view, match.index)) continue;
    const path = match[2] === undefined || match[2] === '' ? [] : match[2].slice(1).split('.');
    references.push({ root: match[1] ?? '', path, offset: match.index });
  }
  return references;
}

/** The `$context` variables the WebSocket mapping template reference documents (aws-facts.md section 4, [D-WSVTL]). */
const WEBSOCKET_CONTEXT_VARIABLES: ReadonlySet<string> = new Set([
  'connectionId',
  'connectedAt',
  'domainName',
  'eventType',
  'messageId',
  'routeKey',
  'requestId',
  'extendedRequestId',
  'apiId',
  'requestTime',
  'requestTimeEpoch',
  'stage',
  'status',
  'error.messageString',
  'error.validationErrorString',
  'identity.accountId',
  'identity.apiKey',
  'identity.apiKeyId',
  'identity.caller',
  'identity.cognitoAuthenticationProvider',
  'identity.cognitoAuthenticationType',
  'identity.cognitoIdentityId',
  'identity.cognitoIdentityPoolId',
  'identity.sourceIp',
  'identity.user',
  'identity.userAgent',
  'identity.userArn',
]);

/** The name of the `$context` variable a path reads, as far as the documented list goes, e.g. `identity.sourceIp`. */
export function contextVariableName(path: readonly string[]): string {
  const [first = '', second] = path;
  return (first === 'error' || first === 'identity') && second !== undefined ? `${first}.${second}` : first;
}

/**
 * Whether `$context.<path>` is documented for WebSocket templates. `authorizer.<property>` is
 * any property the authorizer returns; method calls after the variable (`.trim()`) are ignored.
 */
export function isWebSocketContextVariable(path: readonly string[]): boolean {
  return path[0] === 'authorizer' || WEBSOCKET_CONTEXT_VARIABLES.has(contextVariableName(path));
}

/** A double-quoted string literal on one line of a code view: the JSON strings a template writes. */
export interface StringSpan {
  /** Offset of the opening quote. */
  start: number;
  /** Offset just past the closing quote (or the end of the line when the string is unterminated). */
  end: number;
}

const DIRECTIVE_LINE = /^\s*#/;

/**
 * The double-quoted string literals of a code view, line by line. Directive lines (`#set`,
 * `#if`, ...) are skipped: their quotes are VTL string arguments, not JSON. A VTL argument in
 * double quotes inside a JSON string (`"$input.path("$.a")"`) splits it, which still leaves
 * the reference inside one of the parts.
 */
export function stringSpans(view: string): StringSpan[] {
  const spans: StringSpan[] = [];
  let lineStart = 0;
  while (lineStart <= view.length) {
    const newline = view.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? view.length : newline;
    if (!DIRECTIVE_LINE.test(view.slice(lineStart, lineEnd))) {
      let start = -1;
      for (let i = lineStart; i < lineEnd; i += 1) {
        const c = view.charAt(i);
        if (start === -1) {
          if (c === '"') start = i;
        } else if (c === '\\') {
          i += 1;
        } else if (c === '"') {
          spans.push({ start, end: i + 1 });
          start = -1;
        }
      }
      if (start !== -1) spans.push({ start, end: lineEnd });
    }
    lineStart = lineEnd + 1;
  }
  return spans;
}

/** Stands for a reference while rendering; a private-use character no real template contains. */
const PLACEHOLDER = '\uE000';

/**
 * The template rendered with a stub context (IR117): literal text as written, every reference
 * a placeholder, `#if` taking its first branch, `#foreach` looping zero times (so the usual
 * `#if($foreach.hasNext),#end` separators leave no stray comma), `#set`, `#macro` and
 * `#define` printing nothing. The placeholder is then written so the text can be checked as
 * JSON: inside a JSON string a reference becomes plain text (`"id": "$context.connectionId"`
 * stays one string), elsewhere a quoted string `"x"`, which is valid wherever a JSON value is
 * (`"body": $input.json('$')`) and also as an object key; `null` would fail as a key, a bare
 * word everywhere. Undefined when the result cannot be judged: the template does not parse,
 * its blocks do not balance (see `blockImbalance`), or it calls a macro or
 * `#parse`/`#include`/`#evaluate`, whose output is unknown.
 */
export function renderWithStubs(template: string): string | undefined {
  if (template.includes(PLACEHOLDER) || blockImbalance(template) !== undefined) return undefined;
  const parsed = parseTemplate(template);
  if (!parsed.ok) return undefined;
  const out: string[] = [];
  return renderNodes(parsed.ast, out) ? placeholdersAsJson(out.join('')) : undefined;
}

function renderNodes(nodes: readonly unknown[], out: string[]): boolean {
  for (const node of nodes) {
    if (typeof node === 'string') {
      out.push(node);
    } else if (Array.isArray(node)) {
      if (!renderBlock(node, out)) return false;
    } else {
      const type = nodeType(node);
      if (type === 'references') out.push(PLACEHOLDER);
      else if (type === 'raw' && isPlainObject(node)) out.push(String(node['value']));
      else if (type !== 'set' && type !== 'comment' && type !== 'break') return false;
    }
  }
  return true;
}

/** A velocityjs block: `[head, ...body]`, where an `#if` body holds its `#elseif`/`#else` nodes inline. */
function renderBlock(block: readonly unknown[], out: string[]): boolean {
  const [head, ...body] = block;
  switch (nodeType(head)) {
    case 'if': {
      const otherBranch = body.findIndex((node) => nodeType(node) === 'elseif' || nodeType(node) === 'else');
      return renderNodes(otherBranch === -1 ? body : body.slice(0, otherBranch), out);
    }
    case 'foreach':
    case 'macro':
    case 'define':
      return true;
    default:
      return false;
  }
}

const nodeType = (node: unknown): string | undefined => (isPlainObject(node) && typeof node['type'] === 'string' ? node['type'] : undefined);

/** Placeholders inside JSON strings become plain text; a run of them elsewhere becomes one JSON string. */
function placeholdersAsJson(rendered: string): string {
  const parts: string[] = [];
  let inString = false;
  for (let i = 0; i < rendered.length; i += 1) {
    const c = rendered.charAt(i);
    if (c === PLACEHOLDER) {
      if (inString) parts.push('x');
      else if (rendered.charAt(i - 1) !== PLACEHOLDER) parts.push('"x"');
    } else {
      parts.push(c);
      if (inString && c === '\\') {
        i += 1;
        parts.push(rendered.charAt(i));
      } else if (c === '"') {
        inString = !inString;
      }
    }
  }
  return parts.join('');
}

import type { TFExpressionSyntaxTree } from '@cdktf/hcl2json';

/**
 * @cdktf/hcl2json, loaded on first use: it decompresses and starts a WebAssembly build of
 * HashiCorp's HCL parser when imported, which only a scan of Terraform code should pay for.
 * (It is also kept out of the CLI bundle: it reads its .wasm file from its own folder.)
 */
let loaded: Promise<typeof import('@cdktf/hcl2json')> | undefined;

function hcl2json(): Promise<typeof import('@cdktf/hcl2json')> {
  loaded ??= import('@cdktf/hcl2json');
  return loaded;
}

/**
 * Parses by text: a module called from several configurations (each example of a module
 * repository calls the module at its root) is parsed once per scan, not once per call, and
 * the WebAssembly parser takes about 0.1 s a file. The results are only read, never changed.
 */
const parsedTexts = new Map<string, Promise<Record<string, unknown>>>();

/**
 * Brackets nested deeper than this are refused before the parser sees them. HashiCorp's parser
 * runs as Go compiled to WebAssembly on the JavaScript stack: a few hundred nested brackets
 * overflow it, and the Go program then exits for good, so every later parse in the process
 * fails ("Go program has already exited"). Real configurations nest a dozen deep.
 */
const MAX_NESTING = 100;

function assertShallow(text: string): void {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (char === 0x28 || char === 0x5b || char === 0x7b) depth += 1;
    else if (char === 0x29 || char === 0x5d || char === 0x7d) depth = Math.max(0, depth - 1);
    if (depth > MAX_NESTING) throw new Error(`brackets nested more than ${MAX_NESTING} deep; the scan does not parse it`);
  }
}

/** A `.tf` file as JSON (Terraform's JSON syntax: blocks as lists, expressions as `${...}` strings). */
export function parseHclText(fileName: string, text: string): Promise<Record<string, unknown>> {
  const key = `${fileName}\0${text}`;
  let parsed = parsedTexts.get(key);
  if (parsed === undefined) {
    parsed = hcl2json().then((parser) => {
      assertShallow(text);
      return parser.parse(fileName, text) as Promise<Record<string, unknown>>;
    });
    parsedTexts.set(key, parsed);
  }
  return parsed;
}

export type ExpressionAst = TFExpressionSyntaxTree.ExpressionType;

/** The syntax tree of one expression or template, from the same parser. */
export async function expressionAst(fileName: string, expression: string): Promise<ExpressionAst | null> {
  assertShallow(expression);
  return (await hcl2json()).getExpressionAst(fileName, expression);
}

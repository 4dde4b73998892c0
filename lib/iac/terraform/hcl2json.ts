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

/** A `.tf` file as JSON (Terraform's JSON syntax: blocks as lists, expressions as `${...}` strings). */
export function parseHclText(fileName: string, text: string): Promise<Record<string, unknown>> {
  const key = `${fileName}\0${text}`;
  let parsed = parsedTexts.get(key);
  if (parsed === undefined) {
    parsed = hcl2json().then((parser) => parser.parse(fileName, text) as Promise<Record<string, unknown>>);
    parsedTexts.set(key, parsed);
  }
  return parsed;
}

export type ExpressionAst = TFExpressionSyntaxTree.ExpressionType;

/** The syntax tree of one expression or template, from the same parser. */
export async function expressionAst(fileName: string, expression: string): Promise<ExpressionAst | null> {
  return (await hcl2json()).getExpressionAst(fileName, expression);
}

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

/** A `.tf` file as JSON (Terraform's JSON syntax: blocks as lists, expressions as `${...}` strings). */
export async function parseHclText(fileName: string, text: string): Promise<Record<string, unknown>> {
  return (await hcl2json()).parse(fileName, text);
}

export type ExpressionAst = TFExpressionSyntaxTree.ExpressionType;

/** The syntax tree of one expression or template, from the same parser. */
export async function expressionAst(fileName: string, expression: string): Promise<ExpressionAst | null> {
  return (await hcl2json()).getExpressionAst(fileName, expression);
}

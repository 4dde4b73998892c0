import { open } from 'node:fs/promises';
import { extname } from 'node:path';

/** The languages a CDK app is written in. */
const SOURCE_EXTENSIONS = new Set(['.ts', '.js', '.mjs', '.cjs', '.py', '.java', '.cs', '.go']);

/**
 * How each language imports the AWS CDK: aws-cdk-lib and the v1 @aws-cdk/* packages
 * (TypeScript, JavaScript), aws_cdk (Python), software.amazon.awscdk (Java), Amazon.CDK (C#),
 * aws-cdk-go/awscdk (Go).
 */
const CDK_IMPORT = /aws-cdk-lib|@aws-cdk\/|\baws_cdk\b|software\.amazon\.awscdk|\bAmazon\.CDK\b|aws-cdk-go\/awscdk/;

/** Imports stand at the top of a file: the first bytes decide, so a large repository stays cheap to search. */
const HEAD_BYTES = 8192;

/**
 * Whether a file is CDK app source: code that defines APIs the scan cannot read until
 * `cdk synth` writes them out as templates. A file that cannot be read is not CDK source here;
 * the search reports it where it matters.
 */
export async function isCdkSource(path: string): Promise<boolean> {
  if (!SOURCE_EXTENSIONS.has(extname(path)) || path.endsWith('.d.ts')) return false;
  const file = await open(path).catch(() => undefined);
  if (file === undefined) return false;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
    return CDK_IMPORT.test(buffer.toString('utf8', 0, bytesRead));
  } finally {
    await file.close();
  }
}

import { ConfigError } from '../config/audit-config';
import { readInputFile } from '../config/read-input-file';
import type { SuppressionEntry } from './suppression-entry';
import { validateSuppressions, type KnownRule } from './validate-suppressions';

/**
 * Reads the suppression file deployed with the function: the JSON that packaging wrote from the
 * user's file (lib/suppressions/write-deployed-suppressions.ts). It is validated again, with the same
 * checks: it is read from disk at run time, and a file that does not validate must suppress
 * nothing. JSON.parse rather than the YAML parser keeps that parser (about 120 KB minified)
 * out of the function's bundle.
 */
export async function loadDeployedSuppressions(file: string, knownRules: readonly KnownRule[]): Promise<SuppressionEntry[]> {
  const text = await readInputFile(file);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  return validateSuppressions(document, file, knownRules);
}

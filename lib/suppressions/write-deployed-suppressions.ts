import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { loadSuppressionsFile } from './load-suppressions-file';
import type { KnownRule } from './validate-suppressions';

/**
 * What packaging does with the user's suppression file (stack/suppressions-file.cjs; the tests
 * and the demo deploy theirs through it too): reads it, YAML or JSON, validates it, and writes
 * the validated entries to `outFile` as the JSON the function reads at cold start
 * (lib/suppressions/load-deployed-suppressions.ts), so the function needs no YAML parser. A bad file
 * rejects with the ConfigError naming it and every bad entry, before anything is written.
 */
export async function writeDeployedSuppressions(sourceFile: string, outFile: string, knownRules: readonly KnownRule[]): Promise<void> {
  const entries = await loadSuppressionsFile(sourceFile, knownRules);
  // An entry's index is its position in the list, which the JSON keeps.
  const document = { suppressions: entries.map(({ index: _index, ...entry }) => entry) };
  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(outFile, `${JSON.stringify(document, null, 2)}\n`);
}

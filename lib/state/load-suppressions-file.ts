import { readInputFile } from '../config/read-input-file';
import { parseSuppressions, type KnownRule } from './parse-suppressions';
import type { SuppressionEntry } from './suppression-entry';

/** Reads and validates a suppression file (`--suppressions FILE`, or the one deployed with the stack). */
export async function loadSuppressionsFile(file: string, knownRules: readonly KnownRule[]): Promise<SuppressionEntry[]> {
  return parseSuppressions(await readInputFile(file), file, knownRules);
}

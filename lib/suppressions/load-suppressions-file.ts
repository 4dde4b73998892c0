import { readInputFile } from '../config/read-input-file';
import { parseSuppressions } from './parse-suppressions';
import type { SuppressionEntry } from './suppression-entry';
import type { KnownRule } from './validate-suppressions';

/** Reads and validates a suppression file as the user writes it (`--suppressions FILE`, or the one packaging deploys). */
export async function loadSuppressionsFile(file: string, knownRules: readonly KnownRule[]): Promise<SuppressionEntry[]> {
  return parseSuppressions(await readInputFile(file), file, knownRules);
}

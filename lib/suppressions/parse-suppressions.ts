import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../config/audit-config';
import type { SuppressionEntry } from './suppression-entry';
import { validateSuppressions, type KnownRule } from './validate-suppressions';

/**
 * Parses a suppression file as the user writes it, YAML or JSON text (JSON is YAML), and
 * validates it. Only the CLI and packaging need this: the deployed function reads the JSON
 * that packaging writes (lib/suppressions/load-deployed-suppressions.ts), without the YAML parser.
 */
export function parseSuppressions(text: string, origin: string, knownRules: readonly KnownRule[]): SuppressionEntry[] {
  return validateSuppressions(parseText(text, origin), origin, knownRules);
}

function parseText(text: string, origin: string): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    throw new ConfigError(`${origin}: not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`);
  }
}

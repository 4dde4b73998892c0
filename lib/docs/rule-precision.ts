import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * How often a rule fired on the real-world corpus (test/fixtures/real-world) and how many of
 * those findings a reviewer labelled real or noise. `npm run docs` writes it for every rule to
 * docs/rule-precision.json from a scan of the corpus; the rule pages and the README table show
 * it, so a rule's precision is measured, never typed by hand.
 */
export interface RulePrecision {
  fired: number;
  real: number;
  noise: number;
}

export type PrecisionByRule = Readonly<Record<string, RulePrecision>>;

export const RULE_PRECISION_FILE = 'docs/rule-precision.json';

const count = z.number().int().min(0);
const precisionFile = z.record(z.string(), z.strictObject({ fired: count, real: count, noise: count }));

/** The committed precision file; a missing or malformed one is an error naming the file. */
export function readRulePrecision(path: string): PrecisionByRule {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message} (run \`npm run docs\`)`);
  }
  const result = precisionFile.safeParse(parsed);
  if (!result.success) throw new Error(`${path}: ${result.error.issues[0]?.path.join('.') ?? ''} ${result.error.issues[0]?.message ?? 'is invalid'}`);
  return result.data;
}

/** `83%` (real / labelled), or `-` when nothing it reported was labelled. */
export function precisionPercent({ real, noise }: Pick<RulePrecision, 'real' | 'noise'>): string {
  return real + noise === 0 ? '-' : `${Math.round((100 * real) / (real + noise))}%`;
}

import type { Rule } from '../../rules/rule';
import type { PrecisionByRule } from '../rule-precision';
import { countVerdicts } from './corpus-report';
import type { ConfigurationRun } from './scan-corpus';

/** Every rule's count of findings on the corpus and their verdicts (zeros for a rule that never fired), by rule id. */
export function measurePrecision(runs: readonly ConfigurationRun[], rules: readonly Rule[]): PrecisionByRule {
  return Object.fromEntries(
    rules.map(({ meta }) => {
      const { findings, real, noise } = countVerdicts(runs, meta.id);
      return [meta.id, { fired: findings, real, noise }];
    }),
  );
}

/** The file's text: one rule per line, so a change of one rule's numbers is a one-line diff. */
export function precisionFileText(precision: PrecisionByRule): string {
  const lines = Object.entries(precision).map(([id, counts]) => `  ${JSON.stringify(id)}: ${JSON.stringify(counts)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

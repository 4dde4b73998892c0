import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleDoc, rulesIndex } from '../../lib/docs/rule-docs';
import { withRulesTable } from '../../lib/docs/readme-rules';
import { readRulePrecision, RULE_PRECISION_FILE } from '../../lib/docs/rule-precision';
import { RULES } from '../../lib/rules';

const root = join(__dirname, '../..');
const precision = readRulePrecision(join(root, RULE_PRECISION_FILE));
const read = (path: string) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined);

describe('generated rule docs are committed and up to date (run `npm run docs`)', () => {
  test.each(RULES.map((rule) => [rule.meta.id, rule] as const))('docs/rules/%s.md', (id, rule) => {
    expect(read(`docs/rules/${id}.md`)).toBe(ruleDoc(rule, precision[rule.meta.id]));
  });

  test('docs/rules.md', () => {
    expect(read('docs/rules.md')).toBe(rulesIndex(RULES, precision));
  });

  test('the README rule table', () => {
    const readme = read('README.md') ?? '';
    expect(readme).toBe(withRulesTable(readme, RULES, precision));
  });
});

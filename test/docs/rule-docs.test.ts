import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleDoc, rulesIndex } from '../../lib/docs/rule-docs';
import { withRulesTable } from '../../lib/docs/readme-rules';
import { RULES } from '../../lib/rules';

const root = join(__dirname, '../..');
const read = (path: string) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined);

describe('generated rule docs are committed and up to date (run `npm run docs`)', () => {
  test.each(RULES.map((rule) => [rule.meta.id, rule] as const))('docs/rules/%s.md', (id, rule) => {
    expect(read(`docs/rules/${id}.md`)).toBe(ruleDoc(rule));
  });

  test('docs/rules.md', () => {
    expect(read('docs/rules.md')).toBe(rulesIndex(RULES));
  });

  test('the README rule table', () => {
    const readme = read('README.md') ?? '';
    expect(readme).toBe(withRulesTable(readme, RULES));
  });
});

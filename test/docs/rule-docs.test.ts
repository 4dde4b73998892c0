import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

describe('precision on the corpus in the rule docs', () => {
  const [rule] = RULES;

  test('a rule page says how often the rule fired and how many findings were real', () => {
    expect(ruleDoc(rule!, { fired: 4, real: 3, noise: 1 })).toContain('Fired 4 times on the real-world corpus of public configurations ([docs/real-world.md](../real-world.md)): 3 real, 1 noise; precision 75%.');
    expect(ruleDoc(rule!, { fired: 2, real: 1, noise: 0 })).toContain('1 real, 0 noise (1 not labelled); precision 100%.');
    expect(ruleDoc(rule!, { fired: 0, real: 0, noise: 0 })).toContain('Fired on nothing in the real-world corpus');
    expect(ruleDoc(rule!, undefined)).toContain('Not measured yet');
  });

  test('a precision file that does not fit is an error naming the file and the rule', () => {
    const dir = mkdtempSync(join(tmpdir(), 'precision-'));
    const file = join(dir, 'rule-precision.json');
    writeFileSync(file, JSON.stringify({ IR004: { fired: 1, real: 'yes', noise: 0 } }));
    expect(() => readRulePrecision(file)).toThrow(`${file}: IR004.real`);
    writeFileSync(file, '{"IR004": ');
    expect(() => readRulePrecision(file)).toThrow(`${file}: `);
    expect(() => readRulePrecision(join(dir, 'missing.json'))).toThrow('missing.json');
    rmSync(dir, { recursive: true });
  });
});

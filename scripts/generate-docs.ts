// Writes docs/rules/<ID>.md, docs/rules.md and the rule table in README.md from the rule
// metadata and docs/rule-precision.json (which scripts/generate-real-world.ts measures first).
// test/docs/rule-docs.test.ts fails when the committed files are not up to date.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleDoc, rulesIndex } from '../lib/docs/rule-docs';
import { withRulesTable } from '../lib/docs/readme-rules';
import { readRulePrecision, RULE_PRECISION_FILE } from '../lib/docs/rule-precision';
import { RULES } from '../lib/rules';

const root = process.cwd();
const precision = readRulePrecision(join(root, RULE_PRECISION_FILE));
const rulesDir = join(root, 'docs/rules');
mkdirSync(rulesDir, { recursive: true });
for (const file of readdirSync(rulesDir)) rmSync(join(rulesDir, file));
for (const rule of RULES) writeFileSync(join(rulesDir, `${rule.meta.id}.md`), ruleDoc(rule, precision[rule.meta.id]));
writeFileSync(join(root, 'docs/rules.md'), rulesIndex(RULES, precision));
const readme = join(root, 'README.md');
writeFileSync(readme, withRulesTable(readFileSync(readme, 'utf8'), RULES, precision));
console.log(`wrote ${RULES.length} rule pages, docs/rules.md and the README rule table`);

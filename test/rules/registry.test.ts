import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../lib/rules';
import { createRegistry, RULE_ID } from '../../lib/rules/registry';
import type { Rule } from '../../lib/rules/rule';
import { IR004 } from '../../lib/rules/ir/IR004';

const rulesDir = join(__dirname, '../../lib/rules');
const FAMILY_OF_PREFIX: Record<string, string> = { IR: 'ir', RR: 'rr', HP: 'hp', WS: 'ws', SEC: 'sec' };

describe('rule registry', () => {
  test('every rule file is registered under its own id, in the folder of its family', () => {
    const files = Object.values(FAMILY_OF_PREFIX).flatMap((family) =>
      readdirSync(join(rulesDir, family))
        .filter((file) => RULE_ID.test(file.replace(/\.ts$/, '')))
        .map((file) => `${family}/${file.replace(/\.ts$/, '')}`),
    );
    const registered = RULES.map((rule) => `${FAMILY_OF_PREFIX[rule.meta.id.replace(/\d+$/, '')]}/${rule.meta.id}`);
    expect(registered.sort()).toEqual(files.sort());
  });

  test('every rule has a table test named after its id', () => {
    const tests = new Set(readdirSync(__dirname));
    expect(RULES.map((rule) => rule.meta.id).filter((id) => !tests.has(`${id}.test.ts`))).toEqual([]);
  });

  test('rules come out sorted by id', () => {
    const ids = RULES.map((rule) => rule.meta.id);
    expect(ids).toEqual([...ids].sort());
  });

  const broken = (change: Partial<Rule['meta']>): Record<string, Rule> => ({ IR004: { ...IR004, meta: { ...IR004.meta, ...change } } });

  test.each([
    ['a severity outside the scale', broken({ severity: 'severe' as never }), 'rule IR004: meta.severity'],
    ['an id that is not a catalog id', { X1: { ...IR004, meta: { ...IR004.meta, id: 'X1' } } }, 'rule X1: meta.id must be a catalog id'],
    ['an id that differs from its key', broken({ id: 'IR005' }), 'rule IR004: meta.id is "IR005"; it must match its file and registry key'],
    ['a missing remediation', broken({ remediation: '' }), 'rule IR004: meta.remediation'],
    ['a source that is not a URL', broken({ source: '[D-IR]' }), 'rule IR004: meta.source must be an https URL'],
    ['a title with a period', broken({ title: 'Integration response key is wrong.' }), 'rule IR004: meta.title must not end with a period'],
    ['a name that is not kebab-case', broken({ name: 'IrKey' }), 'rule IR004: meta.name must be kebab-case'],
    ['a kind outside the four', broken({ kind: 'probable' as never }), 'rule IR004: meta.kind must be one of certain, policy, heuristic, security'],
    ['a title too short to say anything', broken({ title: 'Bad key' }), 'rule IR004: meta.title must be 10 to 150 characters'],
    ['enabledByDefault true (only false may be written)', broken({ enabledByDefault: true as never }), 'rule IR004: meta.enabledByDefault must be false or absent'],
    ['no quiet example', broken({ examples: { fires: IR004.meta.examples.fires } as never }), 'rule IR004: meta.examples must hold a fires and a quiet example'],
    ['an empty reportsOnlyWith (it would skip every response)', broken({ reportsOnlyWith: [] }), 'rule IR004: meta.reportsOnlyWith must be absent or a list of distinct fields among ResponseParameters, ResponseTemplates, TemplateSelectionExpression'],
    ['a reportsOnlyWith field that is not optional', broken({ reportsOnlyWith: ['IntegrationResponseKey'] as never }), 'rule IR004: meta.reportsOnlyWith must be absent'],
    ['a reportsOnlyWith field named twice', broken({ reportsOnlyWith: ['ResponseTemplates', 'ResponseTemplates'] }), 'rule IR004: meta.reportsOnlyWith must be absent'],
    [
      'reportsOnlyWith on a rule without an integration or integrationResponse check',
      { IR004: { meta: { ...IR004.meta, reportsOnlyWith: ['ResponseParameters'] as const }, check: { route: () => [] } } },
      'rule IR004: meta.reportsOnlyWith is declared but the rule has no integration or integrationResponse check it could apply to',
    ],
  ])('rejects %s', (_name, rules, message) => {
    expect(() => createRegistry(rules)).toThrow(message);
  });

  test('rejects two rules with one name', () => {
    expect(() => createRegistry({ IR004, IR005: { ...IR004, meta: { ...IR004.meta, id: 'IR005' } } })).toThrow('rule IR005: name "ir-response-param-key-invalid" is already used by IR004');
  });
});

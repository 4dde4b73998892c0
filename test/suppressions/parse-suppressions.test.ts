import { readFileSync } from 'node:fs';
import { ConfigError } from '../../lib/config/audit-config';
import { RULES as SHIPPED_RULES } from '../../lib/rules';
import { parseSuppressions } from '../../lib/suppressions/parse-suppressions';

const RULES = [
  { id: 'IR004', name: 'ir-response-param-key-invalid' },
  { id: 'IR013', name: 'ir-content-handling-conflict' },
  { id: 'IR014', name: 'ir-content-handling-missing' },
  { id: 'RR001', name: 'route-response-key-not-default' },
];
const parse = (text: string) => parseSuppressions(text, 'suppressions.yaml', RULES);

/** A YAML file of one entry with these fields (undefined leaves a field out). */
function oneEntry(fields: Record<string, string | undefined>): string {
  const base: Record<string, string | undefined> = { rule: 'IR004', resource: 'abc123', reason: 'accepted by the chat team', expires: '2026-12-31', ...fields };
  const lines = Object.entries(base).flatMap(([key, value]) => (value === undefined ? [] : [`${key}: ${value}`]));
  return `suppressions:\n  - ${lines.join('\n    ')}\n`;
}

describe('suppression file', () => {
  test('YAML with every field, and the same as JSON', () => {
    const yaml = `
suppressions:
  - rule: IR004
    resource: abc123
    reason: legacy clients read the misspelt header
    expires: 2026-12-31
    owner: chat-team@example.com
  - rule: "IR01*"
    resource: arn:aws:apigateway:*::/apis/abc123/integrations/i1/*
    reason: migrating
    expires: "2027-01-15"
`;
    const entries = parse(yaml);
    expect(entries).toEqual([
      { index: 0, rule: 'IR004', resource: 'abc123', reason: 'legacy clients read the misspelt header', expires: '2026-12-31', owner: 'chat-team@example.com' },
      { index: 1, rule: 'IR01*', resource: 'arn:aws:apigateway:*::/apis/abc123/integrations/i1/*', reason: 'migrating', expires: '2027-01-15' },
    ]);
    const json = JSON.stringify({ suppressions: entries.map(({ index: _index, ...entry }) => entry) });
    expect(parse(json)).toEqual(entries);
  });

  test('the example in README.md is valid with the shipped rules', () => {
    const readme = readFileSync('README.md', 'utf8');
    const example = /### Suppressions and baselines[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    expect(parseSuppressions(example ?? '', 'README.md', SHIPPED_RULES.map((rule) => rule.meta)).map((entry) => entry.rule)).toEqual(['IR004', 'IR01*']);
  });

  test('rules are named by id, name or glob; an empty list is valid', () => {
    expect(parse(oneEntry({ rule: 'ir-content-handling-*' }))[0]?.rule).toBe('ir-content-handling-*');
    expect(parse(oneEntry({ rule: '"*"' }))[0]?.rule).toBe('*');
    expect(parse('suppressions: []\n')).toEqual([]);
  });

  test.each([
    ['the reason is missing', oneEntry({ reason: undefined }), 'suppressions[0] (rule "IR004"): reason: is required'],
    ['the reason is blank', oneEntry({ reason: '"   "' }), 'suppressions[0] (rule "IR004"): reason: must not be empty'],
    ['the expiry is missing', oneEntry({ expires: undefined }), 'suppressions[0] (rule "IR004"): expires: is required'],
    ['the expiry is not a date', oneEntry({ expires: 'next year' }), 'suppressions[0] (rule "IR004"): expires: must be a calendar date written YYYY-MM-DD'],
    ['the expiry is not a calendar day', oneEntry({ expires: '2026-02-30' }), 'expires: must be a calendar date written YYYY-MM-DD'],
    ['the expiry is written another way', oneEntry({ expires: '31/12/2026' }), 'expires: must be a calendar date'],
    ['the rule is missing', oneEntry({ rule: undefined }), 'suppressions[0]: rule: is required'],
    ['the rule matches no rule', oneEntry({ rule: 'IR04' }), 'suppressions[0] (rule "IR04"): rule: matches no rule'],
    ['a misspelt rule id gets a suggestion', oneEntry({ rule: 'IR0044' }), 'suppressions[0] (rule "IR0044"): rule: matches no rule (did you mean "IR004"?)'],
    ['a misspelt rule name gets a suggestion', oneEntry({ rule: 'ir-content-handling-mising' }), 'rule: matches no rule (did you mean "ir-content-handling-missing"?)'],
    ['the rule has other characters', oneEntry({ rule: 'IR0[0-4]' }), 'suppressions[0] (rule "IR0[0-4]"): rule: must be a rule id or name, or a glob'],
    ['the resource is missing', oneEntry({ resource: undefined }), 'suppressions[0] (rule "IR004"): resource: is required'],
    ['the resource is empty', oneEntry({ resource: '""' }), 'resource: must not be empty'],
    ['the resource is "*"', oneEntry({ resource: '"*"' }), 'resource: "*" is only allowed inside an ARN pattern that names one API'],
    ['the resource is an id glob', oneEntry({ resource: 'abc*' }), 'resource: "*" is only allowed inside an ARN pattern'],
    ['the ARN pattern covers every API', oneEntry({ resource: 'arn:aws:apigateway:eu-west-1::/apis/*' }), 'resource: an ARN pattern must name one API'],
    ['the ARN pattern is a glob over everything', oneEntry({ resource: 'arn:*' }), 'resource: an ARN pattern must look like arn:aws:apigateway:REGION::/apis/API_ID'],
    ['the resource is a number in YAML', oneEntry({ resource: '12345' }), 'resource: must be an id or an ARN pattern (quote it in YAML)'],
    ['two top-level fields are unknown', '{"suppressions": [], "apis": [], "region": "eu-west-1"}', 'suppressions.yaml: unknown top-level fields "apis", "region" (only "suppressions")'],
    ['a field is misspelt', oneEntry({ expire: '2026-01-01' }), 'suppressions[0] (rule "IR004"): unknown field "expire" (fields: rule, resource, reason, expires, owner)'],
    ['the owner is empty', oneEntry({ owner: '""' }), 'owner: must not be empty'],
    ['an entry is not an object', 'suppressions:\n  - IR004 on abc123\n', 'suppressions[0]: must be an object {rule, resource, reason, expires, owner?}'],
    ['the list is missing', 'rules: []\n', 'suppressions: is required'],
    ['the file is a bare list', '- rule: IR004\n', 'expected an object with a "suppressions" list'],
    ['the file is empty', '', 'expected an object with a "suppressions" list'],
    ['the list is not a list', 'suppressions: IR004\n', 'suppressions: must be a list of entries'],
    ['the YAML does not parse', 'suppressions:\n  - rule: [IR004\n', 'not valid YAML or JSON: '],
    ['a key repeats', 'suppressions: []\nsuppressions: []\n', 'not valid YAML or JSON: Map keys must be unique'],
    ['an entry repeats another', `${oneEntry({})}  - rule: IR004\n    resource: abc123\n    reason: again\n    expires: 2027-01-01\n`, 'suppressions[1] (rule "IR004"): repeats suppressions[0]'],
  ])('a clear error when %s', (_case, text, message) => {
    expect(() => parse(text)).toThrow(ConfigError);
    expect(() => parse(text)).toThrow(message);
    expect(() => parse(text)).toThrow(/^suppressions\.yaml: /);
  });

  test('every problem is listed at once, each naming its entry', () => {
    const text = `${oneEntry({ reason: undefined })}  - rule: IR014\n    resource: i1\n    reason: ok\n    expires: soon\n`;
    expect(() => parse(text)).toThrow('suppressions.yaml: 2 problems:\n  - suppressions[0] (rule "IR004"): reason: is required\n  - suppressions[1] (rule "IR014"): expires: must be a calendar date');
  });
});

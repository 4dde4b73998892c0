import { evaluate } from '../../lib/engine/evaluate';
import type { Finding } from '../../lib/model/finding';
import type { Severity } from '../../lib/model/severity';
import { apiFromSketch, type ApiSketch } from '../../lib/model/sketch';
import type { Rule } from '../../lib/rules/rule';
import { skippedResourceProbe } from './skipped-resources';

/** One expected finding: the id of the resource it is on (`a1`, `i1`, `ir1`, `r1`, `rr1`) and the path. */
export interface Expected {
  at: string;
  path: string;
  /** Defaults to the rule's own severity. */
  severity?: Severity;
  /** Text the message must contain (the evidence a reader needs). */
  message?: string;
}

export interface FiringCase {
  name: string;
  api: ApiSketch;
  expect: Expected[];
}

export interface QuietCase {
  name: string;
  api: ApiSketch;
}

/**
 * Runs one rule alone over one sketched API. A rule declaring `meta.reportsOnlyWith` is also
 * run on each integration and response with those fields taken out, where it must report nothing: every case
 * of every table holds the declaration to its word.
 */
export function findingsOf(rule: Rule, api: ApiSketch): Finding[] {
  const probe = skippedResourceProbe([rule]);
  const { findings, errors } = evaluate({ region: 'eu-west-1', accountId: '123456789012', apis: [apiFromSketch(api)] }, [{ rule }, { rule: probe.rule }]);
  expect(errors).toEqual([]);
  expect(probe.lost).toEqual([]);
  return findings;
}

const ownId = (finding: Finding) => finding.resource.arn.split('/').at(-1);

/**
 * ESLint RuleTester-style table test: every firing case must produce exactly the expected
 * findings (no more, no fewer), every quiet case none. The rule's documented examples run too,
 * so the docs can never show an example that does not behave as described.
 */
export function ruleTable(rule: Rule, cases: { fires: FiringCase[]; quiet: QuietCase[] }): void {
  describe(`${rule.meta.id} ${rule.meta.name}`, () => {
    test('has cases that fire and cases that stay quiet', () => {
      expect(cases.fires.length).toBeGreaterThan(0);
      expect(cases.quiet.length).toBeGreaterThan(0);
    });
    test('its documented example fires', () => {
      expect(findingsOf(rule, rule.meta.examples.fires).length).toBeGreaterThan(0);
    });
    test('its documented quiet example stays quiet', () => {
      expect(findingsOf(rule, rule.meta.examples.quiet)).toEqual([]);
    });
    test.each(cases.fires.map((c) => [c.name, c] as const))('fires: %s', (_name, c) => {
      const findings = findingsOf(rule, c.api);
      const actual = findings.map((f) => ({ at: ownId(f), path: f.path, severity: f.severity }));
      const expected = c.expect.map((e) => ({ at: e.at, path: e.path, severity: e.severity ?? rule.meta.severity }));
      expect(actual).toEqual(expect.arrayContaining(expected));
      expect(actual).toHaveLength(expected.length);
      for (const e of c.expect) {
        const finding = findings.find((f) => ownId(f) === e.at && f.path === e.path);
        expect(finding?.ruleId).toBe(rule.meta.id);
        if (e.message !== undefined) expect(finding?.message).toContain(e.message);
      }
    });
    test.each(cases.quiet.map((c) => [c.name, c] as const))('quiet: %s', (_name, c) => {
      expect(findingsOf(rule, c.api)).toEqual([]);
    });
  });
}

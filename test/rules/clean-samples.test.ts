import { evaluate } from '../../lib/engine/evaluate';
import { apiFromSketch } from '../../lib/model/sketch';
import { RULES } from '../../lib/rules';
import { CLEAN_SAMPLES } from '../support/clean-samples';

/**
 * No rule may fire on a clean real-world configuration. The only exception is IR014, which is
 * a policy ("make content handling explicit") and fires wherever the field is unset by design.
 */
const POLICY_RULES = new Set(['IR014']);

describe('every rule stays quiet on the clean samples', () => {
  test.each(Object.entries(CLEAN_SAMPLES))('%s', (_name, sketch) => {
    const { findings, errors } = evaluate({ region: 'eu-west-1', apis: [apiFromSketch(sketch)] }, RULES.filter((rule) => !POLICY_RULES.has(rule.meta.id)).map((rule) => ({ rule })));
    expect(errors).toEqual([]);
    expect(findings.map((f) => `${f.ruleId} ${f.resource.arn} ${f.path}: ${f.message}`)).toEqual([]);
  });
});

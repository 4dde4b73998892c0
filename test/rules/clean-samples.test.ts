import { evaluate } from '../../lib/engine/evaluate';
import { apiFromSketch } from '../../lib/model/sketch';
import { RULES } from '../../lib/rules';
import { CLEAN_SAMPLES } from '../support/clean-samples';

/**
 * No rule may fire on a clean real-world configuration. The exception is a policy rule (IR014,
 * "make content handling explicit"), which fires on valid configurations by design.
 */
const NOT_POLICY = RULES.filter((rule) => rule.meta.kind !== 'policy');

describe('every rule stays quiet on the clean samples', () => {
  test.each(Object.entries(CLEAN_SAMPLES))('%s', (_name, sketch) => {
    const { findings, errors } = evaluate({ region: 'eu-west-1', apis: [apiFromSketch(sketch)] }, NOT_POLICY.map((rule) => ({ rule })));
    expect(errors).toEqual([]);
    expect(findings.map((f) => `${f.ruleId} ${f.resource.arn} ${f.path}: ${f.message}`)).toEqual([]);
  });
});

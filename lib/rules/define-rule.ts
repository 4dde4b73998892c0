import type { Rule } from './rule';

/** Declares a rule; only here for type inference and so every rule file reads the same way. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

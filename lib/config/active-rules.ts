import type { ActiveRule } from '../engine/evaluate';
import { didYouMean } from '../model/closest-name';
import type { Rule } from '../rules/rule';
import { ConfigError, type AuditConfig, type RuleSetting } from './audit-config';

/**
 * The rules a run uses: every rule is on by default except those whose metadata says
 * `enabledByDefault: false`; configuration turns rules off or on, or changes their severity
 * (naming a severity for a rule that is off by default turns it on). A setting for a rule that does not exist is an error, not a silent no-op,
 * because it almost always is a typo that leaves a rule on that the user meant to silence.
 */
export function activeRules(rules: readonly Rule[], config: AuditConfig, origin: string): ActiveRule[] {
  const settings = new Map<Rule, RuleSetting>();
  for (const [key, setting] of Object.entries(config.rules ?? {})) {
    const rule = rules.find((candidate) => candidate.meta.id === key || candidate.meta.name === key);
    if (rule === undefined) {
      const known = rules.flatMap(({ meta }) => [meta.id, meta.name]);
      throw new ConfigError(`${origin}: rules.${key}: no rule has this id or name${didYouMean(key, known)} (see \`apigw-audit rules\`)`);
    }
    settings.set(rule, setting);
  }
  return rules.flatMap((rule): ActiveRule[] => {
    const setting = settings.get(rule);
    if (setting === undefined) return rule.meta.enabledByDefault === false ? [] : [{ rule }];
    if (setting === 'off') return [];
    if (typeof setting === 'string') return [{ rule, severityOverride: setting }];
    if (setting.enabled === false) return [];
    return [setting.severity === undefined ? { rule } : { rule, severityOverride: setting.severity }];
  });
}

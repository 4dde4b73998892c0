import * as z from 'zod';
import { RULE_KINDS } from '../model/rule-kind';
import { SEVERITIES } from '../model/severity';
import type { Rule } from './rule';

/** The rule id prefixes (docs/rules.md) and the rule-family folder each lives in. */
export const RULE_ID = /^(IR|RR|HP|WS|SEC)\d{3}$/;

const metaSchema = z.object({
  id: z.string().regex(RULE_ID, 'must be a catalog id such as IR004'),
  name: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
  kind: z.enum(RULE_KINDS),
  severity: z.enum(SEVERITIES),
  title: z.string().min(10).max(150).refine((title) => !title.endsWith('.'), 'must not end with a period'),
  rationale: z.string().min(20),
  remediation: z.string().min(10),
  enabledByDefault: z.literal(false).optional(),
  source: z.string().regex(/^https:\/\//, 'must be an https URL'),
  examples: z.object({ fires: z.record(z.string(), z.unknown()), quiet: z.record(z.string(), z.unknown()) }),
});

/** A rule list that failed validation; the message names the rule and the field. */
export class RuleRegistryError extends Error {
  override name = 'RuleRegistryError';
}

/**
 * Validates every rule's metadata when the registry loads (Prowler-style), so a rule with a
 * typo in its severity, a missing remediation or an id that does not match its registry key
 * never ships. Returns the rules sorted by id.
 */
export function createRegistry(rulesById: Record<string, Rule>): readonly Rule[] {
  const names = new Map<string, string>();
  for (const [key, rule] of Object.entries(rulesById)) {
    const result = metaSchema.safeParse(rule.meta);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new RuleRegistryError(`rule ${key}: meta.${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`);
    }
    if (rule.meta.id !== key) throw new RuleRegistryError(`rule ${key}: meta.id is "${rule.meta.id}"; it must match its file and registry key`);
    const clash = names.get(rule.meta.name);
    if (clash !== undefined) throw new RuleRegistryError(`rule ${key}: name "${rule.meta.name}" is already used by ${clash}`);
    names.set(rule.meta.name, key);
    if (Object.keys(rule.check).length === 0) throw new RuleRegistryError(`rule ${key}: has no check`);
  }
  return Object.values(rulesById).sort((a, b) => a.meta.id.localeCompare(b.meta.id));
}

import { RULE_KINDS } from '../model/rule-kind';
import { compareText } from '../model/compare-text';
import { SEVERITIES } from '../model/severity';
import { OPTIONAL_FIELDS } from './reports-only-with';
import type { Rule } from './rule';
import { isPlainObject } from './values';

/** The rule id prefixes (docs/rules.md) and the rule-family folder each lives in. */
export const RULE_ID = /^(IR|RR|HP|WS|SEC)\d{3}$/;

const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const isText = (value: unknown, min: number, max = Number.POSITIVE_INFINITY): value is string => typeof value === 'string' && value.length >= min && value.length <= max;

/**
 * What every rule's metadata must satisfy: a field, the test, and what the message says when
 * it fails. Plain checks rather than a schema library: the registry loads at every start of
 * the CLI and of the Lambda, and these few checks cost nothing to load.
 */
const META_CHECKS: readonly (readonly [field: string, ok: (meta: Record<string, unknown>) => boolean, problem: string])[] = [
  ['id', (meta) => typeof meta['id'] === 'string' && RULE_ID.test(meta['id']), 'must be a catalog id such as IR004'],
  ['name', (meta) => typeof meta['name'] === 'string' && KEBAB_CASE.test(meta['name']), 'must be kebab-case'],
  ['kind', (meta) => (RULE_KINDS as readonly unknown[]).includes(meta['kind']), `must be one of ${RULE_KINDS.join(', ')}`],
  ['severity', (meta) => (SEVERITIES as readonly unknown[]).includes(meta['severity']), `must be one of ${SEVERITIES.join(', ')}`],
  ['title', (meta) => isText(meta['title'], 10, 150), 'must be 10 to 150 characters'],
  ['title', (meta) => !String(meta['title']).endsWith('.'), 'must not end with a period'],
  ['rationale', (meta) => isText(meta['rationale'], 20), 'must be at least 20 characters'],
  ['remediation', (meta) => isText(meta['remediation'], 10), 'must be at least 10 characters'],
  ['enabledByDefault', (meta) => meta['enabledByDefault'] === undefined || meta['enabledByDefault'] === false, 'must be false or absent'],
  ['source', (meta) => typeof meta['source'] === 'string' && meta['source'].startsWith('https://'), 'must be an https URL'],
  ['examples', (meta) => isPlainObject(meta['examples']) && isPlainObject(meta['examples']['fires']) && isPlainObject(meta['examples']['quiet']), 'must hold a fires and a quiet example'],
  ['reportsOnlyWith', (meta) => meta['reportsOnlyWith'] === undefined || isFieldList(meta['reportsOnlyWith']), `must be absent or a list of distinct fields among ${OPTIONAL_FIELDS.join(', ')}`],
];

/** A non-empty list of distinct optional fields: an empty one would skip every resource. */
function isFieldList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && new Set(value).size === value.length && value.every((field) => (OPTIONAL_FIELDS as readonly unknown[]).includes(field));
}

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
    const meta = rule.meta as unknown as Record<string, unknown>;
    const failed = META_CHECKS.find(([, ok]) => !ok(meta));
    if (failed !== undefined) throw new RuleRegistryError(`rule ${key}: meta.${failed[0]} ${failed[2]}`);
    if (rule.meta.id !== key) throw new RuleRegistryError(`rule ${key}: meta.id is "${rule.meta.id}"; it must match its file and registry key`);
    const clash = names.get(rule.meta.name);
    if (clash !== undefined) throw new RuleRegistryError(`rule ${key}: name "${rule.meta.name}" is already used by ${clash}`);
    names.set(rule.meta.name, key);
    if (Object.keys(rule.check).length === 0) throw new RuleRegistryError(`rule ${key}: has no check`);
    if (rule.meta.reportsOnlyWith !== undefined && rule.check.integration === undefined && rule.check.integrationResponse === undefined) {
      throw new RuleRegistryError(`rule ${key}: meta.reportsOnlyWith is declared but the rule has no integration or integrationResponse check it could apply to`);
    }
  }
  // Ids are ASCII (RULE_ID), so code-unit order is the order localeCompare gave, without its cost.
  return Object.values(rulesById).sort((a, b) => compareText(a.meta.id, b.meta.id));
}

import { didYouMean } from '../model/closest-name';
import { expectedType, isOneOf, isRecord, unknownKeys, unrecognizedKeys } from '../model/input-problems';
import { quoteValue } from '../model/quote-value';
import { SEVERITIES, type Severity } from '../model/severity';

/** `none` never fails the run on findings, as on the command line (`--fail-on none`). */
export const FAIL_ON_VALUES = [...SEVERITIES, 'none'] as const;
export type FailOn = (typeof FAIL_ON_VALUES)[number];

/**
 * The audit configuration, the same object whether it comes from `--config FILE` or from the
 * Lambda's environment. Per rule (by id or name): "off", a severity, or
 * `{ "enabled": false }` / `{ "enabled": true }` / `{ "severity": "low" }`.
 */
export interface AuditConfig {
  rules?: Record<string, RuleSetting>;
  minSeverity?: Severity;
  failOn?: FailOn;
}
export type RuleSetting = 'off' | Severity | { enabled?: boolean; severity?: Severity };

const CONFIG_KEYS = ['rules', 'minSeverity', 'failOn'] as const;
const RULE_OBJECT_KEYS = ['enabled', 'severity'] as const;
const RULE_SETTING = `"off", a severity (${SEVERITIES.join(', ')}), {"enabled": false} or {"severity": "low"}`;

/** A configuration that does not fit; the message names where it came from and the field. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Validates a parsed configuration object; `origin` names the file or variable it came from.
 * The first problem is reported, in the order of the keys above, then keys that are no key.
 */
export function parseAuditConfig(value: unknown, origin: string): AuditConfig {
  const fail = (where: string, problem: string) => new ConfigError(`${origin}: ${where}: ${problem}`);
  if (!isRecord(value)) throw fail('(top level)', expectedType('object', value));
  const config: AuditConfig = {};
  if (value.rules !== undefined) {
    if (!isRecord(value.rules)) throw fail('rules', expectedType('record', value.rules));
    for (const [key, setting] of Object.entries(value.rules)) {
      const problem = ruleSettingProblem(setting);
      if (problem !== undefined) throw fail(`rules.${key}`, problem);
    }
    // Each setting was checked above; a copy, as a key such as "__proto__" stays a plain key.
    config.rules = Object.fromEntries(Object.entries(value.rules)) as Record<string, RuleSetting>;
  }
  if (value.minSeverity !== undefined) {
    if (!isOneOf(SEVERITIES, value.minSeverity)) throw fail('minSeverity', oneOf(value.minSeverity, SEVERITIES));
    config.minSeverity = value.minSeverity;
  }
  if (value.failOn !== undefined) {
    if (!isOneOf(FAIL_ON_VALUES, value.failOn)) throw fail('failOn', oneOf(value.failOn, FAIL_ON_VALUES));
    config.failOn = value.failOn;
  }
  const unknown = unknownKeys(value, CONFIG_KEYS)[0];
  if (unknown !== undefined) throw new ConfigError(`${origin}: unknown key "${unknown}"${didYouMean(unknown, CONFIG_KEYS)}; the keys are ${CONFIG_KEYS.join(', ')}`);
  return config;
}

/**
 * Why a rule's setting does not fit, if it does not: an object whose fields fit but that has
 * other keys names them; anything else gets the list of what a setting may be.
 */
function ruleSettingProblem(setting: unknown): string | undefined {
  if (setting === 'off' || isOneOf(SEVERITIES, setting)) return undefined;
  const fieldsFit = isRecord(setting) && (setting.enabled === undefined || typeof setting.enabled === 'boolean') && (setting.severity === undefined || isOneOf(SEVERITIES, setting.severity));
  if (!fieldsFit) return oneOf(setting, ['off', ...SEVERITIES], RULE_SETTING);
  const unknown = unknownKeys(setting, RULE_OBJECT_KEYS);
  return unknown.length === 0 ? undefined : unrecognizedKeys(unknown);
}

/** `must be ...; got "of" (did you mean "off"?)`: the bad value and the allowed ones. */
function oneOf(value: unknown, allowed: readonly string[], description = allowed.map((option) => `"${option}"`).join(', ')): string {
  return `must be ${description}; got ${quoteValue(value)}${typeof value === 'string' ? didYouMean(value, allowed) : ''}`;
}

/**
 * Parses configuration JSON text, e.g. a file or an environment variable's value. With
 * `quoteText`, text that is no JSON is quoted back in the error, as a variable's bad value is
 * (a file's whole text would not help).
 */
export function parseAuditConfigText(text: string, origin: string, { quoteText = false } = {}): AuditConfig {
  // JSON.parse would say "Unexpected end of JSON input", which names neither the cause nor the fix.
  if (text.trim() === '') throw new ConfigError(`${origin}: empty; the configuration is a JSON object such as {"minSeverity": "low"}, or {} for the defaults`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${origin}: not valid JSON: ${(error as Error).message}${quoteText ? `; got ${quoteValue(text)}` : ''}`);
  }
  return parseAuditConfig(value, origin);
}

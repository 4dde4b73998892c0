import * as z from 'zod';
import { didYouMean } from '../model/closest-name';
import { quoteValue } from '../model/quote-value';
import { SEVERITIES } from '../model/severity';

/**
 * The audit configuration, the same object whether it comes from `--config FILE` or from the
 * Lambda's environment. Per rule (by id or name): "off", a severity, or
 * `{ "enabled": false }` / `{ "enabled": true }` / `{ "severity": "low" }`.
 */
/** `must be one of ...; got "of" (did you mean "off"?)`: the bad value and the allowed ones. */
const oneOf =
  (allowed: readonly string[], description = allowed.map((value) => `"${value}"`).join(', ')) =>
  (issue: { input?: unknown }) => {
    return `must be ${description}; got ${quoteValue(issue.input)}${typeof issue.input === 'string' ? didYouMean(issue.input, allowed) : ''}`;
  };

const severity = z.enum(SEVERITIES, { error: oneOf(SEVERITIES) });

const ruleSetting = z.union(
  [z.literal('off'), z.enum(SEVERITIES), z.strictObject({ enabled: z.boolean().optional(), severity: severity.optional() })],
  { error: oneOf(['off', ...SEVERITIES], `"off", a severity (${SEVERITIES.join(', ')}), {"enabled": false} or {"severity": "low"}`) },
);

/** `none` never fails the run on findings, as on the command line (`--fail-on none`). */
export const FAIL_ON_VALUES = [...SEVERITIES, 'none'] as const;
export type FailOn = (typeof FAIL_ON_VALUES)[number];

export const auditConfigSchema = z.strictObject({
  rules: z.record(z.string(), ruleSetting).optional(),
  minSeverity: severity.optional(),
  failOn: z.enum(FAIL_ON_VALUES, { error: oneOf(FAIL_ON_VALUES) }).optional(),
});

const CONFIG_KEYS = Object.keys(auditConfigSchema.shape);

export type AuditConfig = z.infer<typeof auditConfigSchema>;
export type RuleSetting = z.infer<typeof ruleSetting>;

/** A configuration that does not fit; the message names where it came from and the field. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates a parsed configuration object; `origin` names the file or variable it came from. */
export function parseAuditConfig(value: unknown, origin: string): AuditConfig {
  const result = auditConfigSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.map(String).join('.') : '(top level)';
  if (issue?.code === 'unrecognized_keys' && issue.path.length === 0) {
    const key = issue.keys[0] ?? '';
    throw new ConfigError(`${origin}: unknown key "${key}"${didYouMean(key, CONFIG_KEYS)}; the keys are ${CONFIG_KEYS.join(', ')}`);
  }
  throw new ConfigError(`${origin}: ${where}: ${issue?.message ?? 'invalid configuration'}`);
}

/** Parses configuration JSON text, e.g. a file or an environment variable's value. */
export function parseAuditConfigText(text: string, origin: string): AuditConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${origin}: not valid JSON: ${(error as Error).message}`);
  }
  return parseAuditConfig(value, origin);
}

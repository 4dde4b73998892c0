import * as z from 'zod';
import { SEVERITIES } from '../model/severity';

/**
 * The audit configuration, the same object whether it comes from `--config FILE` or from the
 * Lambda's environment. Per rule (by id or name): "off", a severity, or
 * `{ "enabled": false }` / `{ "enabled": true }` / `{ "severity": "low" }`.
 */
const severity = z.enum(SEVERITIES);

const ruleSetting = z.union([
  z.literal('off'),
  severity,
  z.strictObject({ enabled: z.boolean().optional(), severity: severity.optional() }),
]);

export const auditConfigSchema = z.strictObject({
  rules: z.record(z.string(), ruleSetting).optional(),
  minSeverity: severity.optional(),
  failOn: severity.optional(),
});

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

import * as z from 'zod';
import { parseMaxRate } from '../collect/adaptive-rate';
import type { ActiveRule } from '../engine/evaluate';
import { SEVERITIES, type Severity } from '../model/severity';
import { RULES } from '../rules';
import { DEFAULT_RETENTION_DAYS } from '../lifecycle/classify-run';
import { activeRules } from './active-rules';
import { ConfigError, parseAuditConfigText } from './audit-config';

/**
 * `changes`: a digest only when findings appear, come back or are resolved (a baseline on the
 * first run); `every-run`: every finding at or above the threshold, each run.
 */
export const ALERT_MODES = ['changes', 'every-run'] as const;
export type AlertMode = (typeof ALERT_MODES)[number];

/** What the deployed function audits and where it alerts, as serverless.yml's params set it. */
export interface LambdaSettings {
  topicArn: string;
  /**
   * The topic's region and account, which the stack creates with the function: so also the
   * function's own (where its logs are) and the audited account. Read from the ARN because
   * `serverless invoke local` passes no invokedFunctionArn.
   */
  topicRegion: string;
  accountId: string;
  /** The regions a scheduled run audits; a manual run may narrow them, never widen them. */
  regions: string[];
  /** Findings at or above this severity go into the SNS digest. */
  alertThreshold: Severity;
  /** Findings below this severity are neither logged nor alerted. */
  minSeverity: Severity;
  rules: ActiveRule[];
  alertMode: AlertMode;
  /** The finding-state table; without one change tracking is off and every run alerts every finding. */
  stateTable?: string;
  /** Days a resolved finding is remembered (the table's TTL). */
  retentionDays: number;
  /** The most API Gateway requests/s the walk sends per region (the stack's maxRate); the quota when unset. */
  maxRate?: number;
  /** The suppression file shipped with the function (the JSON packaging writes from the user's file), read at cold start. */
  suppressionsFile?: string;
  /** Import each run's findings into Security Hub (param `securityHub`). */
  securityHub: boolean;
}

export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

const regionList = z
  .string()
  .transform((text) => text.split(',').map((region) => region.trim()).filter((region) => region !== ''))
  .pipe(z.array(z.string().regex(REGION_PATTERN, 'each region must look like "eu-west-1"')).min(1, 'name at least one region'));

/**
 * The environment as the stack sets it. Other variables (the runtime's own) pass untouched,
 * so the object is not strict. AUDIT_REGIONS falls back to the function's own region.
 */
const environmentSchema = z.object({
  ALERT_TOPIC_ARN: z.string().regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}(\.fifo)?$/, 'must be an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)'),
  AUDIT_REGIONS: regionList.optional(),
  AWS_REGION: z.string().optional(),
  ALERT_THRESHOLD: z.enum(SEVERITIES).default('high'),
  AUDIT_CONFIG: z.string().optional(),
  ALERT_MODE: z.enum(ALERT_MODES).default('changes'),
  STATE_TABLE: z
    .string()
    .regex(/^[\w.-]{3,255}$/, 'must be a DynamoDB table name (3 to 255 letters, digits, "_", "-" or ".")')
    .optional(),
  STATE_RETENTION_DAYS: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of days')
    .transform(Number)
    .pipe(z.number().min(1, 'must be at least 1 day'))
    .default(DEFAULT_RETENTION_DAYS),
  SUPPRESSIONS_FILE: z.string().min(1, 'must be the path of the suppression file').optional(),
  AUDIT_MAX_RATE: z.string().optional(),
  SECURITY_HUB: z.enum(['true', 'false'], 'must be "true" or "false"').default('false'),
});

/**
 * Reads and validates the function's configuration. A bad value fails with a ConfigError that
 * names the variable, so a wrong deploy param shows up in the first invocation's error, not
 * as a quietly different audit.
 */
export function readLambdaSettings(env: NodeJS.ProcessEnv): LambdaSettings {
  const result = environmentSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    const got = typeof env[variable] === 'string' ? `; got "${env[variable]}"` : '';
    throw new ConfigError(`${variable}: ${issue?.message ?? 'invalid value'}${got}`);
  }
  const { ALERT_TOPIC_ARN, AUDIT_REGIONS, AWS_REGION, ALERT_THRESHOLD, AUDIT_CONFIG, ALERT_MODE, STATE_TABLE, STATE_RETENTION_DAYS, SUPPRESSIONS_FILE, AUDIT_MAX_RATE, SECURITY_HUB } = result.data;
  const regions = AUDIT_REGIONS ?? (AWS_REGION === undefined ? undefined : [AWS_REGION]);
  if (regions === undefined) throw new ConfigError('AUDIT_REGIONS: not set, and AWS_REGION is not set either');
  const maxRate = AUDIT_MAX_RATE === undefined || AUDIT_MAX_RATE.trim() === '' ? undefined : parseMaxRate(AUDIT_MAX_RATE);
  if (typeof maxRate === 'string') throw new ConfigError(`AUDIT_MAX_RATE: ${maxRate}`);
  const config = AUDIT_CONFIG === undefined || AUDIT_CONFIG.trim() === '' ? {} : parseAuditConfigText(AUDIT_CONFIG, 'AUDIT_CONFIG');
  return {
    topicArn: ALERT_TOPIC_ARN,
    topicRegion: ALERT_TOPIC_ARN.split(':')[3] ?? '',
    accountId: ALERT_TOPIC_ARN.split(':')[4] ?? '',
    regions: [...new Set(regions)],
    alertThreshold: ALERT_THRESHOLD,
    minSeverity: config.minSeverity ?? 'info',
    rules: activeRules(RULES, config, 'AUDIT_CONFIG'),
    alertMode: ALERT_MODE,
    ...(STATE_TABLE === undefined ? {} : { stateTable: STATE_TABLE }),
    retentionDays: STATE_RETENTION_DAYS,
    ...(SUPPRESSIONS_FILE === undefined ? {} : { suppressionsFile: SUPPRESSIONS_FILE }),
    ...(maxRate === undefined ? {} : { maxRate }),
    securityHub: SECURITY_HUB === 'true',
  };
}

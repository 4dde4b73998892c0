import { parseMaxRate } from '../collect/adaptive-rate';
import type { ActiveRule } from '../engine/evaluate';
import { expectedOneOf, expectedType, isOneOf } from '../model/input-problems';
import { quoteValue } from '../model/quote-value';
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

const TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}(\.fifo)?$/;
const TABLE_NAME = /^[\w.-]{3,255}$/;

/** A variable that does not fit: a ConfigError naming it, what it must be, and what it was. */
function badVariable(env: NodeJS.ProcessEnv, variable: string, problem: string): ConfigError {
  const value = env[variable];
  return new ConfigError(`${variable}: ${problem}${typeof value === 'string' ? `; got ${quoteValue(value)}` : ''}`);
}

/** A variable that must be one of `allowed`, `fallback` when unset. */
function oneOf<T extends string>(env: NodeJS.ProcessEnv, variable: string, allowed: readonly T[], fallback: T, problem = expectedOneOf(allowed)): T {
  const value = env[variable];
  if (value === undefined) return fallback;
  if (!isOneOf(allowed, value)) throw badVariable(env, variable, problem);
  return value;
}

/** AUDIT_REGIONS: comma-separated regions, at least one; undefined when unset. */
function regionList(env: NodeJS.ProcessEnv): string[] | undefined {
  const text = env.AUDIT_REGIONS;
  if (text === undefined) return undefined;
  const regions = text.split(',').map((region) => region.trim()).filter((region) => region !== '');
  if (!regions.every((region) => REGION_PATTERN.test(region))) throw badVariable(env, 'AUDIT_REGIONS', 'each region must look like "eu-west-1"');
  if (regions.length === 0) throw badVariable(env, 'AUDIT_REGIONS', 'name at least one region');
  return regions;
}

function retentionDays(env: NodeJS.ProcessEnv): number {
  const text = env.STATE_RETENTION_DAYS;
  if (text === undefined) return DEFAULT_RETENTION_DAYS;
  if (!/^\d+$/.test(text)) throw badVariable(env, 'STATE_RETENTION_DAYS', 'must be a whole number of days');
  if (Number(text) < 1) throw badVariable(env, 'STATE_RETENTION_DAYS', 'must be at least 1 day');
  return Number(text);
}

/**
 * Reads and validates the function's configuration. A bad value fails with a ConfigError that
 * names the variable, so a wrong deploy param shows up in the first invocation's error, not
 * as a quietly different audit. Variables are checked in a fixed order and the first bad one
 * is reported; other variables (the runtime's own) pass untouched. AUDIT_REGIONS falls back to
 * the function's own region.
 */
export function readLambdaSettings(env: NodeJS.ProcessEnv): LambdaSettings {
  const { ALERT_TOPIC_ARN, AWS_REGION, AUDIT_CONFIG, STATE_TABLE, SUPPRESSIONS_FILE, AUDIT_MAX_RATE } = env;
  if (ALERT_TOPIC_ARN === undefined) throw badVariable(env, 'ALERT_TOPIC_ARN', expectedType('string', undefined));
  if (!TOPIC_ARN.test(ALERT_TOPIC_ARN)) throw badVariable(env, 'ALERT_TOPIC_ARN', 'must be an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)');
  const AUDIT_REGIONS = regionList(env);
  const ALERT_THRESHOLD = oneOf(env, 'ALERT_THRESHOLD', SEVERITIES, 'high');
  const ALERT_MODE = oneOf(env, 'ALERT_MODE', ALERT_MODES, 'changes');
  if (STATE_TABLE !== undefined && !TABLE_NAME.test(STATE_TABLE)) throw badVariable(env, 'STATE_TABLE', 'must be a DynamoDB table name (3 to 255 letters, digits, "_", "-" or ".")');
  const STATE_RETENTION_DAYS = retentionDays(env);
  if (SUPPRESSIONS_FILE === '') throw badVariable(env, 'SUPPRESSIONS_FILE', 'must be the path of the suppression file');
  const SECURITY_HUB = oneOf(env, 'SECURITY_HUB', ['true', 'false'], 'false', 'must be "true" or "false"');
  const regions = AUDIT_REGIONS ?? (AWS_REGION === undefined ? undefined : [AWS_REGION]);
  if (regions === undefined) throw new ConfigError('AUDIT_REGIONS: not set, and AWS_REGION is not set either');
  const maxRate = AUDIT_MAX_RATE === undefined || AUDIT_MAX_RATE.trim() === '' ? undefined : parseMaxRate(AUDIT_MAX_RATE);
  if (typeof maxRate === 'string') throw new ConfigError(`AUDIT_MAX_RATE: ${maxRate}`);
  const config = AUDIT_CONFIG === undefined || AUDIT_CONFIG.trim() === '' ? {} : parseAuditConfigText(AUDIT_CONFIG, 'AUDIT_CONFIG', { quoteText: true });
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

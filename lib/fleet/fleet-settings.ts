import { ConfigError } from '../config/audit-config';
import { readLambdaSettings, type LambdaSettings } from '../config/lambda-settings';

/**
 * Which accounts a fleet run audits (param fleetAccounts): a list of account ids and
 * organizational unit ids (every ACTIVE account below each unit, nested units included), or
 * `organization` for every ACTIVE account of the organization.
 */
export type FleetAccounts = { kind: 'organization' } | { kind: 'list'; accountIds: string[]; unitIds: string[] };

/** Who a fleet deployment audits, and with which role: what the fleet functions and the change audits share. */
export interface FleetTargets {
  accounts: FleetAccounts;
  /** The role each member account has for the auditor (stack/member-role.yml). */
  memberRoleName: string;
}

export interface FleetSettings extends LambdaSettings, FleetTargets {
  /** The stack's walk bucket: each item's walk parts and outcome. */
  walkBucket: string;
}

export const ACCOUNT_ID = /^\d{12}$/;
export const UNIT_ID = /^ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** The single-account settings plus the fleet's; a bad value names its variable. */
export function readFleetSettings(env: NodeJS.ProcessEnv): FleetSettings {
  const settings = readLambdaSettings(env);
  const targets = readFleetTargets(env);
  const walkBucket = env['WALK_BUCKET'] ?? '';
  if (!BUCKET_NAME.test(walkBucket)) throw new ConfigError(`WALK_BUCKET: must be an S3 bucket name; got "${walkBucket}"`);
  return { ...settings, ...targets, walkBucket };
}

/** FLEET_ACCOUNTS and MEMBER_ROLE_NAME; a bad value names its variable. */
export function readFleetTargets(env: NodeJS.ProcessEnv): FleetTargets {
  const accounts = parseFleetAccounts(env['FLEET_ACCOUNTS'] ?? '');
  const memberRoleName = env['MEMBER_ROLE_NAME'] ?? '';
  if (!ROLE_NAME.test(memberRoleName)) throw new ConfigError(`MEMBER_ROLE_NAME: must be an IAM role name (1 to 64 letters, digits or +=,.@_-); got "${memberRoleName}"`);
  return { accounts, memberRoleName };
}

export function parseFleetAccounts(text: string): FleetAccounts {
  const entries = text.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (entries.length === 1 && entries[0] === 'organization') return { kind: 'organization' };
  if (entries.length === 0) throw new ConfigError('FLEET_ACCOUNTS: name the accounts: account ids and organizational unit ids separated by commas, or "organization"');
  const bad = entries.filter((entry) => !ACCOUNT_ID.test(entry) && !UNIT_ID.test(entry));
  if (bad.length > 0) throw new ConfigError(`FLEET_ACCOUNTS: ${bad.map((entry) => JSON.stringify(entry)).join(', ')}: neither a 12-digit account id nor an organizational unit id (ou-xxxx-yyyyyyyy); "organization" stands alone`);
  return { kind: 'list', accountIds: [...new Set(entries.filter((entry) => ACCOUNT_ID.test(entry)))], unitIds: [...new Set(entries.filter((entry) => UNIT_ID.test(entry)))] };
}

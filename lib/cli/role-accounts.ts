import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { AuditInput } from '../engine/audit-result';
import { UsageError } from './exit-codes';

/**
 * An IAM role ARN: partition, 12-digit account, optional path, then the role name (IAM's
 * limits: 64 characters of letters, digits and +=,.@_-). A mistyped one is refused before any
 * call, naming it, rather than failing as an AssumeRole validation error later.
 */
const ROLE_ARN = /^arn:aws(?:-[a-z]+)*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;

/** The most roles one run assumes: each is an account walked in parallel with the others. */
const MAX_ROLES = 100;

/** One `--role-arn`: the account it reads, and the role that reads it. */
export interface RoleTarget {
  roleArn: string;
  accountId: string;
}

/** An account a live walk reads with credentials other than the caller's own. */
export interface LiveAccount {
  accountId: string;
  credentials: AwsCredentialIdentityProvider;
}

/** `--role-arn ARN ...`, checked and without repeats. */
export function parseRoleArns(arns: readonly string[]): RoleTarget[] {
  const unique = [...new Set(arns)];
  if (unique.length > MAX_ROLES) throw new UsageError(`--role-arn: at most ${MAX_ROLES} roles in one run; got ${unique.length}`);
  return unique.map((roleArn) => {
    const accountId = ROLE_ARN.exec(roleArn)?.[1];
    if (accountId === undefined) throw new UsageError(`--role-arn must be an IAM role ARN such as arn:aws:iam::123456789012:role/apigw-audit-member; got "${roleArn}"`);
    return { roleArn, accountId };
  });
}

/**
 * Assumes each role with the standard credential chain (AWS_PROFILE, ...; AWS_ENDPOINT_URL_STS
 * reaches an emulator), all at once, through STS in `region`. A role that cannot be assumed is
 * no reason to skip the others: it becomes an error input for each region of its account,
 * naming the role, so the audit is incomplete, never "complete".
 */
export async function assumeRoles(roles: readonly RoleTarget[], regions: readonly string[]): Promise<{ accounts: LiveAccount[]; failed: AuditInput[] }> {
  // Loaded only with --role-arn: an audit without it does not load the STS client.
  const { assumeMemberRole, sessionNameOf } = await import('../fleet/member-credentials');
  const sessionName = sessionNameOf(`cli-${Date.now()}`);
  const [stsRegion] = regions;
  if (stsRegion === undefined) throw new UsageError('--role-arn needs --region: it reads live accounts');
  const outcomes = await Promise.all(
    roles.map(async ({ roleArn, accountId }) => {
      try {
        return { accountId, credentials: await assumeMemberRole(roleArn, sessionName, stsRegion) };
      } catch (error) {
        return { accountId, roleArn, message: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
  const accounts: LiveAccount[] = [];
  const failed: AuditInput[] = [];
  for (const outcome of outcomes) {
    if (outcome.credentials !== undefined) {
      accounts.push({ accountId: outcome.accountId, credentials: outcome.credentials });
      continue;
    }
    for (const region of regions) {
      failed.push({
        snapshot: { version: 1, accountId: outcome.accountId, region, apis: [] },
        errors: [{ source: 'collector', operation: 'AssumeRole', arn: outcome.roleArn, message: `${outcome.message}; account ${outcome.accountId} was not audited` }],
        complete: false,
      });
    }
  }
  return { accounts, failed };
}

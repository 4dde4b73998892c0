import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { boundedHttpHandler } from '../collect/bounded-http-handler';
import { credentialsHint } from '../collect/call-error';
import { partitionOf } from '../model/arn';
import type { FleetTarget } from './fleet-item';
import type { FleetSettings } from './fleet-settings';

/** The member role cannot be assumed: the item is recorded as not audited, with this message. */
export class AssumeRoleError extends Error {
  override name = 'AssumeRoleError';
}

/**
 * Credentials of a member account's role for one item invocation: AssumeRole once, from the
 * auditor's own role (the function's credentials), through the regional STS endpoint of the
 * stack; 15 minutes, Lambda's longest invocation. AWS_ENDPOINT_URL_STS reaches an emulator.
 */
export async function assumeMemberRole(roleArn: string, sessionName: string, region: string): Promise<AwsCredentialIdentityProvider> {
  const sts = new STSClient({ region, requestHandler: boundedHttpHandler() });
  let credentials: AwsCredentialIdentity;
  try {
    const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: sessionName, DurationSeconds: 900 }));
    if (Credentials?.AccessKeyId === undefined || Credentials.SecretAccessKey === undefined) throw new Error('the response holds no credentials');
    credentials = {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      ...(Credentials.SessionToken === undefined ? {} : { sessionToken: Credentials.SessionToken }),
      ...(Credentials.Expiration === undefined ? {} : { expiration: Credentials.Expiration }),
    };
  } catch (error) {
    throw new AssumeRoleError(`cannot assume ${roleArn}: ${error instanceof Error ? error.message : String(error)}${credentialsHint(error)}`, { cause: error });
  } finally {
    sts.destroy();
  }
  return async () => credentials;
}

/** A role session name from the run id: letters, digits and =,.@_- only, at most 64 characters. */
export function sessionNameOf(runId: string): string {
  return `apigw-audit-${runId.replace(/[^\w=,.@-]/g, '-')}`.slice(0, 64);
}

/** The member role of an account, in the partition of the region it is audited in. */
export function memberRoleArn(accountId: string, region: string, roleName: string): string {
  return `arn:${partitionOf(region)}:iam::${accountId}:role/${roleName}`;
}

/**
 * The role an item reads (and exports) with: the member role, except for the auditor's own
 * account, audited with the function's own role (it has no member role to assume from itself).
 */
export function memberRoleOf(target: FleetTarget, settings: Pick<FleetSettings, 'accountId' | 'memberRoleName'>): string | undefined {
  return target.accountId === settings.accountId ? undefined : memberRoleArn(target.accountId, target.region, settings.memberRoleName);
}

/**
 * The credentials one run reads (or exports) an account-region with: the member role's, assumed
 * for the run, or none for the auditor's own account, which the function's own role reads.
 */
export async function fleetCredentials(
  target: FleetTarget,
  settings: Pick<FleetSettings, 'accountId' | 'memberRoleName' | 'topicRegion'>,
  runId: string,
): Promise<AwsCredentialIdentityProvider | undefined> {
  const roleArn = memberRoleOf(target, settings);
  return roleArn === undefined ? undefined : assumeMemberRole(roleArn, sessionNameOf(runId), settings.topicRegion);
}

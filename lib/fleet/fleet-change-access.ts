import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { createDynamoStateStore } from '../lifecycle/dynamo-state-store';
import type { AuditRunDependencies } from '../lambda/audit-run';
import type { ChangeAccess } from '../lambda/change-audit';
import type { SecurityHubExport } from '../lambda/security-hub-export';
import { statePartitionOf } from './fleet-item';
import type { FleetTargets } from './fleet-settings';
import { fleetCredentials } from './member-credentials';
import { resolveAccounts } from './organization-accounts';

/**
 * How long the listed accounts of `organization` or unit ids are reused: change batches come
 * a minute apart at most, and an account that just joined waits at most this long (its events
 * come back from the queue meanwhile, and are audited on a later delivery).
 */
const ACCOUNTS_TTL_MS = 5 * 60_000;

/**
 * Change audits in fleet mode: a member account forwards its API Gateway V2 changes to this
 * account's bus (stack/member-role.yml), and its change audit runs as a fleet item's would:
 * with the member role (the fleet's credentials path), in the item's partition of the state
 * table, exporting to Security Hub with that role. The auditor's own account is audited with
 * the function's role, in its fleet partition too. An account the fleet does not audit is
 * refused, even from inside the organization.
 * `exportWith` is the Security Hub export with an account's credentials (undefined: the function's own).
 */
export function fleetChangeAccess(targets: FleetTargets, organizations: () => OrganizationsClient, exportWith: (credentials: AwsCredentialIdentityProvider | undefined) => SecurityHubExport): ChangeAccess {
  let listed: { at: number; accounts: Promise<string[]> } | undefined;
  const auditedAccounts = (): Promise<string[]> => {
    if (listed === undefined || Date.now() - listed.at > ACCOUNTS_TTL_MS) {
      const accounts = resolveAccounts(targets.accounts, organizations);
      // A failed listing is not kept: the next batch lists again.
      accounts.catch(() => {
        if (listed?.accounts === accounts) listed = undefined;
      });
      listed = { at: Date.now(), accounts };
    }
    return listed.accounts;
  };

  return {
    async open(accountId, region, deps, runId) {
      const { settings } = deps;
      const own = accountId === settings.accountId;
      if (!own) {
        const audited = await auditedAccounts();
        if (!audited.includes(accountId)) return { refusal: `change events from account ${accountId}: not one of the ${audited.length} accounts this fleet audits (FLEET_ACCOUNTS)` };
      }
      const credentials = await fleetCredentials({ accountId, region }, { ...settings, memberRoleName: targets.memberRoleName }, runId);
      const { stateTable } = settings;
      const tracking = async () => {
        const setup = await deps.tracking();
        return stateTable === undefined ? setup : { ...setup, store: createDynamoStateStore(stateTable, statePartitionOf(accountId, region)) };
      };
      return { deps: { ...deps, tracking, securityHub: exportWith(credentials), ...(credentials === undefined ? {} : { credentials }) } };
    },
  };
}

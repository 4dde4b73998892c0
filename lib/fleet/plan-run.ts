import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import { ConfigError } from '../config/audit-config';
import { EventError, parseAuditEvent } from '../config/audit-event';
import { resolveRequest } from '../lambda/audit-request';
import type { FleetScope, FleetTarget } from './fleet-item';
import { ACCOUNT_ID, type FleetSettings } from './fleet-settings';
import { resolveAccounts } from './organization-accounts';
import { largestFirst, type WalkSizes } from './walk-sizes';

/** The most accounts a manual execution may name (the longest list of a manual event is 1,000 API ids). */
const MAX_ACCOUNTS = 1_000;

/**
 * Step Functions passes at most 256 KB (262,144 bytes) from one state to the next; the plan is
 * one such payload (PlanRun's output, FinishRun's input), kept below it with room to spare.
 */
const MAX_PLAN_BYTES = 250_000;

/**
 * The targets step's output: the map reads `targets` (one item each) and hands every item the
 * shared `scope`, so the payload grows by one small target per account-region (about 50
 * bytes: 4,000 account-regions are some 200 KB of Step Functions' 256 KB).
 */
export interface FleetPlan {
  scope: FleetScope;
  targets: FleetTarget[];
}

/**
 * The first step of a fleet run: the account-regions to audit, one map item each. A scheduled
 * run (input `{}`) audits every target account in every configured region; a manual execution
 * may narrow with `accounts`, and the single-account event's `regions`, `apiIds`,
 * `minSeverity` and `dryRun` (docs: README, fleet mode). Narrowing only: an account or region
 * outside the deployed ones is refused here, before any walk. `sizes` (the last run's calls per
 * account-region) orders the items largest first.
 */
export async function planRun(input: unknown, runId: string, startedAt: Date, settings: FleetSettings, organizations: () => OrganizationsClient, sizes: WalkSizes = {}): Promise<FleetPlan> {
  const { accounts, rest } = splitAccounts(input);
  const event = parseAuditEvent(rest);
  const request = resolveRequest(event, settings);
  const targetAccounts = await resolveAccounts(settings.accounts, organizations);
  const outside = (accounts ?? []).filter((account) => !targetAccounts.includes(account));
  if (outside.length > 0) throw new EventError(`invalid input: accounts: ${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} not audited by this deployment (${targetAccounts.length} accounts are)`);
  const chosen = accounts === undefined ? targetAccounts : targetAccounts.filter((account) => accounts.includes(account));
  if (request.apiIds !== undefined && chosen.length !== 1) throw new EventError('invalid input: apiIds: API ids belong to one account and region; add "accounts" with the one account and "regions" with the one region they are in');
  const scope: FleetScope = {
    runId,
    startedAt: startedAt.toISOString(),
    trigger: event.trigger,
    ...(request.apiIds === undefined ? {} : { apiIds: request.apiIds }),
    minSeverity: request.minSeverity,
    dryRun: request.dryRun,
    narrowed: request.narrowed || chosen.length < targetAccounts.length,
  };
  const targets = chosen.flatMap((accountId) => request.regions.map((region): FleetTarget => ({ accountId, region })));
  // The Distributed Map starts items in this order: the largest account-regions first.
  const plan = { scope, targets: largestFirst(targets, sizes) };
  refuseOversizedPlan(plan);
  return plan;
}

/**
 * A plan Step Functions could not pass on fails the execution with its own States.DataLimitExceeded
 * and no word of why; refused here instead, with the numbers and what to do about them.
 */
function refuseOversizedPlan(plan: FleetPlan): void {
  const bytes = Buffer.byteLength(JSON.stringify(plan));
  if (bytes <= MAX_PLAN_BYTES) return;
  const fitting = Math.floor((plan.targets.length * MAX_PLAN_BYTES) / bytes);
  throw new ConfigError(
    `the run has ${plan.targets.length} account-regions, a plan of ${Math.ceil(bytes / 1024)} KB; Step Functions passes at most 256 KB between states, about ${fitting} account-regions: ` +
      'deploy one stack per part of the organization (fleetAccounts with organizational unit ids) or audit fewer regions',
  );
}

/** `accounts` is the fleet's own field; the rest is the single-account event, checked as it is there. */
function splitAccounts(input: unknown): { accounts?: string[]; rest: unknown } {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || !('accounts' in input)) return { rest: input };
  const { accounts, ...rest } = input as Record<string, unknown>;
  if (!Array.isArray(accounts) || accounts.length === 0 || accounts.length > MAX_ACCOUNTS) throw new EventError(`invalid input: accounts: must be a list of 1 to ${MAX_ACCOUNTS} account ids`);
  const bad = accounts.filter((account) => typeof account !== 'string' || !ACCOUNT_ID.test(account));
  if (bad.length > 0) throw new EventError(`invalid input: accounts: ${JSON.stringify(bad[0])} is not a 12-digit account id`);
  return { accounts: [...new Set(accounts as string[])], rest };
}

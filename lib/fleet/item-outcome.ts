import type { AuditSummary } from '../engine/audit-result';
import type { DigestPlan } from '../lambda/digest-plan';
import type { TrackingSummary } from '../lambda/track-changes';
import type { FleetTarget } from './fleet-item';

/**
 * How one account-region of a fleet run ended:
 * - `audited`: read completely and evaluated;
 * - `incomplete`: evaluated, but some APIs could not be read (their findings prove nothing);
 * - `failed`: not audited at all (the role could not be assumed, the region is not enabled, the
 *   listing failed, a step kept failing), with `reason`.
 */
export type ItemStatus = 'audited' | 'incomplete' | 'failed';

/** The small part, returned to the state machine and logged. */
export interface ItemResult {
  accountId: string;
  region: string;
  status: ItemStatus;
  reason?: string;
  apisAudited: number;
  findings: number;
  errors: number;
  /** API Gateway calls the walk made, over all its invocations. */
  calls: number;
  walkInvocations: number;
}

/** What the digest step reads back from the walk bucket: the result, the counts and what to alert. */
export interface ItemOutcome extends ItemResult {
  summary?: AuditSummary;
  changeTracking?: TrackingSummary;
  /** What this account-region contributes to the run's digest; absent when nothing is to be alerted. */
  digest?: DigestPlan;
}

export function failedOutcome(target: FleetTarget, reason: string, walkInvocations = 0, calls = 0): ItemOutcome {
  return { accountId: target.accountId, region: target.region, status: 'failed', reason, apisAudited: 0, findings: 0, errors: 1, calls, walkInvocations };
}

import { EventError, type AuditEvent } from '../config/audit-event';
import type { LambdaSettings } from '../config/lambda-settings';
import { atLeast, type Severity } from '../model/severity';

/** One run's scope: the deployed configuration, narrowed by a manual event. */
export interface AuditRequest {
  /** `change`: a batch of CloudTrail change events (lib/lambda/change-audit.ts). */
  trigger: AuditEvent['trigger'] | 'change';
  /** The audited account: the deployment's own, or the one a change event names. */
  accountId: string;
  regions: string[];
  apiIds?: string[];
  minSeverity: Severity;
  dryRun: boolean;
  /** Requests/s the walk may send, below the deployment's maxRate (change audits). */
  maxRate?: number;
  /**
   * Fewer APIs, regions or severities than the deployed configuration: what the run did not
   * look at proves nothing, so change tracking resolves less and calls no suppression stale.
   */
  narrowed: boolean;
}

/**
 * Applies an event to the settings. A manual run may only narrow: a region outside the
 * deployed ones is refused here, before any call, because the function's role could not read
 * it anyway. API ids are unique only within a region, so naming them needs exactly one region.
 */
export function resolveRequest(event: AuditEvent, settings: LambdaSettings): AuditRequest {
  if (event.trigger === 'schedule') return { trigger: 'schedule', accountId: settings.accountId, regions: settings.regions, minSeverity: settings.minSeverity, dryRun: false, narrowed: false };
  const outside = (event.regions ?? []).filter((region) => !settings.regions.includes(region));
  if (outside.length > 0) {
    throw new EventError(`invalid event: regions: ${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} not audited by this deployment (AUDIT_REGIONS: ${settings.regions.join(', ')})`);
  }
  const regions = event.regions === undefined ? settings.regions : [...new Set(event.regions)];
  if (event.apiIds !== undefined && regions.length > 1) {
    throw new EventError(`invalid event: apiIds: API ids are per region; add "regions" with the one region they are in (audited: ${regions.join(', ')})`);
  }
  const minSeverity = event.minSeverity ?? settings.minSeverity;
  return {
    trigger: 'manual',
    accountId: settings.accountId,
    regions,
    ...(event.apiIds === undefined ? {} : { apiIds: event.apiIds }),
    minSeverity,
    dryRun: event.dryRun ?? false,
    // regions is a subset of the deployed ones (checked above), so fewer means narrower.
    narrowed: event.apiIds !== undefined || regions.length < settings.regions.length || !atLeast(settings.minSeverity, minSeverity),
  };
}

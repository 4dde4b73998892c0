import * as z from 'zod';
import { SEVERITIES } from '../model/severity';
import { REGION_PATTERN } from './lambda-settings';

/** EventBridge's scheduled event; its other fields (id, time, resources...) are not used. */
const scheduledEvent = z.looseObject({ source: z.literal('aws.events'), 'detail-type': z.literal('Scheduled Event') });

/**
 * The longest lists a manual event may hold. A region holds at most 600 APIs by default (the
 * quota can be raised a little) and AWS has fewer than 40 regions: anything longer is a
 * mistake or an attack, refused before it is even read item by item.
 */
export const MAX_EVENT_LIST = { apiIds: 1_000, regions: 50 } as const;

/** A manual invoke narrows the deployed configuration (docs/design.md, "Lambda event"). */
const manualEvent = z.strictObject({
  apiIds: z.array(z.string().regex(/^[a-z0-9]{1,64}$/, 'an API id is lower-case letters and digits, e.g. "a1b2c3d4e5"')).min(1).max(MAX_EVENT_LIST.apiIds).optional(),
  regions: z.array(z.string().regex(REGION_PATTERN, 'a region looks like "eu-west-1"')).min(1).max(MAX_EVENT_LIST.regions).optional(),
  minSeverity: z.enum(SEVERITIES).optional(),
  dryRun: z.boolean().optional(),
});

/** What started a run: the schedule (runs the deployed configuration) or a manual invoke. */
export type AuditEvent = { trigger: 'schedule' } | ({ trigger: 'manual' } & z.infer<typeof manualEvent>);

/** An event that does not fit; the message names the field, and no AWS call was made. */
export class EventError extends Error {
  override name = 'EventError';
}

const EXPECTED = 'expected a scheduled event or {"apiIds"?: ["id"], "regions"?: ["eu-west-1"], "minSeverity"?: "high", "dryRun"?: true}';

export function parseAuditEvent(event: unknown): AuditEvent {
  refuseHugeLists(event);
  if (scheduledEvent.safeParse(event).success) return { trigger: 'schedule' };
  // No event at all is `{}`, the deployed configuration: `serverless invoke local` without
  // --data passes an empty string, a console test event may be null.
  const result = manualEvent.safeParse(event === '' || event === null || event === undefined ? {} : event);
  if (result.success) return { trigger: 'manual', ...result.data };
  const issue = result.error.issues[0];
  throw new EventError(`invalid event: ${issue === undefined ? 'does not fit' : `${fieldOf(issue)}: ${issue.message}`}; ${EXPECTED}`);
}

/** Checked first, by length alone: a list of 200,000 ids is refused without reading one. */
function refuseHugeLists(event: unknown): void {
  if (typeof event !== 'object' || event === null) return;
  for (const [field, max] of Object.entries(MAX_EVENT_LIST)) {
    const value: unknown = (event as Record<string, unknown>)[field];
    if (Array.isArray(value) && value.length > max) throw new EventError(`invalid event: ${field}: at most ${max} items, got ${value.length}; narrow the run or use the scheduled configuration`);
  }
}

/** `regions[1]`, or the unknown keys themselves, or "(event)" for the whole value. */
function fieldOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return issue.keys.join(', ');
  if (issue.path.length === 0) return '(event)';
  return issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
}

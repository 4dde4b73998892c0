import { expectedOneOf, expectedType, isOneOf, isRecord, tooSmall, unknownKeys, unrecognizedKeys } from '../model/input-problems';
import { SEVERITIES, type Severity } from '../model/severity';
import { REGION_PATTERN } from './lambda-settings';

/** EventBridge's scheduled event; its other fields (id, time, resources...) are not used. */
function isScheduledEvent(event: unknown): boolean {
  return isRecord(event) && event.source === 'aws.events' && event['detail-type'] === 'Scheduled Event';
}

/**
 * The longest lists a manual event may hold. A region holds at most 600 APIs by default (the
 * quota can be raised a little) and AWS has fewer than 40 regions: anything longer is a
 * mistake or an attack, refused before it is even read item by item.
 */
export const MAX_EVENT_LIST = { apiIds: 1_000, regions: 50 } as const;

/** A manual invoke narrows the deployed configuration (docs/design.md, "Lambda event"). */
interface ManualEvent {
  apiIds?: string[];
  regions?: string[];
  minSeverity?: Severity;
  dryRun?: boolean;
}

/** What started a run: the schedule (runs the deployed configuration) or a manual invoke. */
export type AuditEvent = { trigger: 'schedule' } | ({ trigger: 'manual' } & ManualEvent);

const MANUAL_FIELDS = ['apiIds', 'regions', 'minSeverity', 'dryRun'] as const;
const API_ID = /^[a-z0-9]{1,64}$/;

/** Where a manual event does not fit (`regions[1]`, `dryRun`, "(event)" for the whole) and why. */
interface EventProblem {
  field: string;
  message: string;
}

/** An event that does not fit; the message names the field, and no AWS call was made. */
export class EventError extends Error {
  override name = 'EventError';
}

const EXPECTED = 'expected a scheduled event or {"apiIds"?: ["id"], "regions"?: ["eu-west-1"], "minSeverity"?: "high", "dryRun"?: true}';

export function parseAuditEvent(event: unknown): AuditEvent {
  refuseHugeLists(event);
  if (isScheduledEvent(event)) return { trigger: 'schedule' };
  // No event at all is `{}`, the deployed configuration: `serverless invoke local` without
  // --data passes an empty string, a console test event may be null.
  const manual = event === '' || event === null || event === undefined ? {} : event;
  if (!isRecord(manual)) throw eventError({ field: '(event)', message: expectedType('object', manual) });
  const problem = manualEventProblem(manual);
  if (problem !== undefined) throw eventError(problem);
  // Each field was checked above.
  const { apiIds, regions, minSeverity, dryRun } = manual as ManualEvent;
  return {
    trigger: 'manual',
    ...(apiIds === undefined ? {} : { apiIds }),
    ...(regions === undefined ? {} : { regions }),
    ...(minSeverity === undefined ? {} : { minSeverity }),
    ...(dryRun === undefined ? {} : { dryRun }),
  };
}

function eventError({ field, message }: EventProblem): EventError {
  return new EventError(`invalid event: ${field}: ${message}; ${EXPECTED}`);
}

/** The first field that does not fit, in the order of MANUAL_FIELDS, then keys that are no field. */
function manualEventProblem(event: Record<string, unknown>): EventProblem | undefined {
  const problem =
    listProblem('apiIds', event.apiIds, (id) => API_ID.test(id), 'an API id is lower-case letters and digits, e.g. "a1b2c3d4e5"') ??
    listProblem('regions', event.regions, (region) => REGION_PATTERN.test(region), 'a region looks like "eu-west-1"');
  if (problem !== undefined) return problem;
  if (event.minSeverity !== undefined && !isOneOf(SEVERITIES, event.minSeverity)) return { field: 'minSeverity', message: expectedOneOf(SEVERITIES) };
  if (event.dryRun !== undefined && typeof event.dryRun !== 'boolean') return { field: 'dryRun', message: expectedType('boolean', event.dryRun) };
  const unknown = unknownKeys(event, MANUAL_FIELDS);
  return unknown.length === 0 ? undefined : { field: unknown.join(', '), message: unrecognizedKeys(unknown) };
}

/** An optional list of at least one string, each passing `fits` (its length was checked first, by refuseHugeLists). */
function listProblem(field: string, value: unknown, fits: (item: string) => boolean, unfit: string): EventProblem | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return { field, message: expectedType('array', value) };
  const bad = value.findIndex((item) => typeof item !== 'string' || !fits(item));
  if (bad >= 0) return { field: `${field}[${bad}]`, message: typeof value[bad] === 'string' ? unfit : expectedType('string', value[bad]) };
  return value.length === 0 ? { field, message: tooSmall('array') } : undefined;
}

/** Checked first, by length alone: a list of 200,000 ids is refused without reading one. */
function refuseHugeLists(event: unknown): void {
  if (typeof event !== 'object' || event === null) return;
  for (const [field, max] of Object.entries(MAX_EVENT_LIST)) {
    const value: unknown = (event as Record<string, unknown>)[field];
    if (Array.isArray(value) && value.length > max) throw new EventError(`invalid event: ${field}: at most ${max} items, got ${value.length}; narrow the run or use the scheduled configuration`);
  }
}

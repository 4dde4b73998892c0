import { EventError } from '../config/audit-event';
import type { FleetItem } from './fleet-item';
import type { FleetPlan } from './plan-run';

/**
 * What the state machine passes each fleet function (stack/fleet-state-machine.cjs). The
 * state machine builds these itself, so a shape that does not fit is a bug or a hand-made
 * test input: refused with the field's name.
 */
export function planStepEvent(event: unknown): { input: unknown; runId: string; startedAt: Date } {
  const record = objectOf(event, 'event');
  const runId = record['runId'];
  const startedAt = record['startedAt'];
  if (typeof runId !== 'string' || !/^[\w-]{1,80}$/.test(runId)) throw new EventError('invalid event: runId: must be the execution name (letters, digits, _ and -; at most 80)');
  if (typeof startedAt !== 'string' || Number.isNaN(Date.parse(startedAt))) throw new EventError('invalid event: startedAt: must be the execution start time (ISO 8601)');
  return { input: record['input'] ?? {}, runId, startedAt: new Date(startedAt) };
}

export function itemStepEvent(event: unknown): FleetItem {
  const record = objectOf(event, 'event');
  const scope = objectOf(record['scope'], 'scope');
  const target = objectOf(record['target'], 'target');
  if (typeof scope['runId'] !== 'string' || typeof scope['startedAt'] !== 'string') throw new EventError('invalid event: scope: runId and startedAt expected');
  if (typeof target['accountId'] !== 'string' || typeof target['region'] !== 'string') throw new EventError('invalid event: target: accountId and region expected');
  if (record['cursor'] !== undefined) {
    const cursor = objectOf(record['cursor'], 'cursor');
    if (typeof cursor['prefix'] !== 'string' || typeof cursor['invocations'] !== 'number' || typeof cursor['done'] !== 'boolean') throw new EventError('invalid event: cursor: prefix, invocations and done expected');
  }
  return record as unknown as FleetItem;
}

export function finishStepEvent(event: unknown): FleetPlan {
  const record = objectOf(event, 'event');
  objectOf(record['scope'], 'scope');
  if (!Array.isArray(record['targets'])) throw new EventError('invalid event: targets: the list of account-regions expected');
  return record as unknown as FleetPlan;
}

function objectOf(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new EventError(`invalid event: ${field}: an object expected`);
  return value as Record<string, unknown>;
}

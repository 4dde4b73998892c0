import { isPlainObject, show } from '../../rules/values';
import type { SourcePath } from '../positions';
import { frameworkMerge } from './framework-merge';
import { holdsVariable } from './framework-variables';
import type { UnreadConfiguration } from './unread-configuration';

/** One function of the service, as the framework reads it, and where it is written. */
export interface ServiceFunction {
  name: string;
  definition: Record<string, unknown>;
  origin: SourcePath;
}

/** One event of a function: its settings under the event's type (`websocket`, `httpApi`), and where it is written. */
export interface FunctionEvent {
  function: ServiceFunction;
  settings: unknown;
  origin: SourcePath;
}

/**
 * The service's functions, as the framework reads `functions`: a map of definitions, or a list of
 * such maps merged in order (each usually a `${file(...)}` include). A function set to null is
 * dropped, as the framework drops it. What comes from a variable is named as not read; what the
 * framework refuses (a function that is not a map) is named as refused.
 */
export function serviceFunctions(functions: unknown, unread: UnreadConfiguration): ServiceFunction[] {
  if (functions === undefined || functions === null) return [];
  if (holdsVariable(functions)) {
    unread.notRead(['functions'], `the functions come from ${show(functions)}, which the scan does not resolve`);
    return [];
  }
  const parts: [Record<string, unknown>, SourcePath][] = [];
  if (Array.isArray(functions)) {
    functions.forEach((part: unknown, index) => {
      if (holdsVariable(part)) unread.notRead(['functions', index], `these functions come from ${show(part)}, which the scan does not resolve`);
      else if (isPlainObject(part)) parts.push([part, ['functions', index]]);
      else if (part !== null && part !== undefined) unread.refused(['functions', index], `not a map of functions but ${show(part)}`);
    });
  } else if (isPlainObject(functions)) {
    parts.push([functions, ['functions']]);
  } else {
    unread.refused(['functions'], `not a map of functions but ${show(functions)}`);
    return [];
  }
  // Merged as the framework merges a list; each function keeps the place of its last part.
  const merged = new Map<string, ServiceFunction>();
  for (const [part, path] of parts) {
    for (const [name, definition] of Object.entries(part)) {
      const origin = [...path, name];
      if (definition === null || definition === undefined) continue;
      if (holdsVariable(definition)) unread.notRead(origin, `function ${show(name)} comes from ${show(definition)}, which the scan does not resolve`);
      else if (!isPlainObject(definition)) unread.refused(origin, `function ${show(name)} is not a map but ${show(definition)}`);
      else merged.set(name, { name, definition: frameworkMerge(merged.get(name)?.definition, definition) as Record<string, unknown>, origin });
    }
  }
  return [...merged.values()];
}

/** The event types that generate API Gateway V2 resources. */
type ApiEventType = 'websocket' | 'httpApi';

/**
 * The `websocket` and `httpApi` events of every function. An event that comes from a variable,
 * or a list of events that does, is named as not read: it may be one of these. Events that are
 * not a list are refused, as the framework refuses them.
 */
export function apiGatewayEvents(functions: readonly ServiceFunction[], unread: UnreadConfiguration): Record<ApiEventType, FunctionEvent[]> {
  const found: Record<ApiEventType, FunctionEvent[]> = { websocket: [], httpApi: [] };
  for (const fn of functions) {
    const events = fn.definition['events'];
    const eventsPath = [...fn.origin, 'events'];
    if (events === undefined || events === null) continue;
    if (holdsVariable(events)) unread.notRead(eventsPath, `the events come from ${show(events)}, which the scan does not resolve`);
    else if (!Array.isArray(events)) unread.refused(eventsPath, `not a list of events but ${show(events)}`);
    else {
      events.forEach((event: unknown, index) => {
        const origin = [...eventsPath, index];
        if (holdsVariable(event)) unread.notRead(origin, `the event comes from ${show(event)}, which the scan does not resolve`);
        if (!isPlainObject(event)) return;
        for (const type of ['websocket', 'httpApi'] as const) {
          if (Object.hasOwn(event, type)) found[type].push({ function: fn, settings: event[type], origin: [...origin, type] });
        }
      });
    }
  }
  return found;
}

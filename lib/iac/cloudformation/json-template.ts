import type { Position } from '../source-map';
import { IacError } from '../iac-error';
import { MAX_NESTING } from './nesting-limit';
import { SourceOffsets } from './source-offsets';

/**
 * Levels whose entries the first pass records (the template's sections and the logical ids in
 * them); below them it records where each container starts, and a container's own entries
 * are recorded the first time a position inside it is asked for. A 20 MB template then costs
 * a map per resource read, not per object of the file.
 */
const EAGER_LEVELS = 2;

type Container = Record<string, unknown> | unknown[];

interface Frame {
  container: Container;
  /** The keys seen so far in an object: a set, so the duplicate check is linear. */
  keys: Set<string> | undefined;
  /** In an object, the key whose value comes next; undefined while a key is expected. */
  key: string | undefined;
  /** In a list, the index of the next item. */
  index: number;
}

/**
 * A JSON template: `JSON.parse` for the values (fast on 20 MB), then one linear pass over the
 * text that rejects a duplicate key (which `JSON.parse` would silently take the last of, and
 * CloudFormation rejects) and nesting deeper than MAX_NESTING, puts back the text of numbers
 * (`"PayloadFormatVersion": 1.0` is "1.0" to CloudFormation, not 1) and notes where things are
 * written. Undefined when the text is not JSON, so it can be read as YAML.
 */
export function parseJsonTemplate(text: string, file: string): { value: unknown; positionOf(path: readonly (string | number)[]): Position | undefined } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const offsets = new SourceOffsets(text);
  const starts = new WeakMap<object, number>();
  const root = { value };
  walk(text, 0, root, { file, offsets, starts, eagerLevels: EAGER_LEVELS });
  const recorded = new WeakSet<object>();
  const positionOf = (path: readonly (string | number)[]): Position | undefined => {
    let node: unknown = value;
    for (const segment of path) {
      if (typeof node !== 'object' || node === null) break;
      const start = starts.get(node);
      if (start !== undefined && !recorded.has(node)) {
        recorded.add(node);
        walk(text, start, { value: node }, { file, offsets, starts: undefined, eagerLevels: MAX_NESTING + 1 });
      }
      node = (node as Record<string, unknown>)[String(segment)];
    }
    return offsets.positionOf(value, path);
  };
  return { value: root.value, positionOf };
}

interface WalkOptions {
  file: string;
  offsets: SourceOffsets;
  /** Where containers below the eager levels start; undefined when walking one lazily. */
  starts: WeakMap<object, number> | undefined;
  eagerLevels: number;
}

/** One pass over the JSON value that starts at `from`, whose parsed form is `holder.value`. */
function walk(text: string, from: number, holder: { value: unknown }, options: WalkOptions): void {
  const { offsets, starts, eagerLevels } = options;
  const stack: Frame[] = [{ container: holder as Record<string, unknown>, keys: undefined, key: 'value', index: 0 }];
  const fail = (message: string, offset: number): never => {
    throw new IacError(options.file, message, offsets.position(offset));
  };
  /** The frame's slot the next value fills; records where a list item starts. */
  const slot = (frame: Frame, offset: number): string | number => {
    if (!Array.isArray(frame.container)) return frame.key!;
    if (stack.length - 1 <= eagerLevels) offsets.set(frame.container, String(frame.index), offset);
    return frame.index;
  };
  const filled = (frame: Frame): void => {
    if (Array.isArray(frame.container)) frame.index += 1;
    else frame.key = undefined;
  };
  for (let i = from; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const frame = stack[stack.length - 1]!;
    if (code === 0x7b || code === 0x5b) {
      // { or [
      const child = (frame.container as Record<string | number, unknown>)[slot(frame, i)] as Container;
      if (stack.length > MAX_NESTING) fail(`nested deeper than ${MAX_NESTING} levels`, i);
      if (stack.length === eagerLevels + 1) starts?.set(child, i);
      stack.push({ container: child, keys: code === 0x7b ? new Set() : undefined, key: undefined, index: 0 });
    } else if (code === 0x7d || code === 0x5d) {
      // } or ]
      stack.pop();
      filled(stack[stack.length - 1]!);
      if (stack.length === 1) return;
    } else if (code === 0x22) {
      // "
      const end = stringEnd(text, i);
      if (frame.keys !== undefined && frame.key === undefined) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        if (frame.keys.has(key)) fail(`duplicate key ${JSON.stringify(key)}`, i);
        frame.keys.add(key);
        frame.key = key;
        if (stack.length - 1 <= eagerLevels) offsets.set(frame.container, key, i);
      } else {
        slot(frame, i);
        filled(frame);
      }
      i = end;
    } else if (code === 0x2d || (code >= 0x30 && code <= 0x39) || code === 0x74 || code === 0x66 || code === 0x6e) {
      // a number, true, false or null
      let end = i + 1;
      while (end < text.length && !/[\s,\]}]/.test(text[end]!)) end += 1;
      const at = slot(frame, i);
      if (code !== 0x74 && code !== 0x66 && code !== 0x6e) (frame.container as Record<string | number, unknown>)[at] = text.slice(i, end);
      filled(frame);
      i = end - 1;
    }
  }
}

/** The index of the quote that closes the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  for (;;) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes += 1;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
}

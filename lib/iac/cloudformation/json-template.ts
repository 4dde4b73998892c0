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

/**
 * How many keys an object may have before its duplicate check moves from comparing each new
 * key with the ones before it (no allocation: most objects have a handful) to a set (linear,
 * for a Resources map of thousands).
 */
const LINEAR_KEYS = 16;

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
  /**
   * Only the containers just below the eager levels have a start: the first position asked
   * inside one has its entries recorded, and its start is forgotten so it is walked once.
   */
  const recordEntriesAlong = (path: readonly (string | number)[]): void => {
    let node: unknown = value;
    for (let level = 0; level < EAGER_LEVELS; level += 1) {
      if (typeof node !== 'object' || node === null) return;
      node = (node as Record<string, unknown>)[String(path[level])];
    }
    const start = typeof node === 'object' && node !== null ? starts.get(node) : undefined;
    if (start === undefined) return;
    starts.delete(node as object);
    walk(text, start, { value: node }, { file, offsets, starts: undefined, eagerLevels: MAX_NESTING + 1 });
  };
  const positionOf = (path: readonly (string | number)[]): Position | undefined => {
    if (path.length > EAGER_LEVELS) recordEntriesAlong(path);
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
  // The open containers by depth (0 is the holder), in parallel arrays rather than a frame
  // object per container: a 20 MB template opens hundreds of thousands of them. Below the
  // eager levels a container's parsed value is looked up only when a number in it needs it.
  const containers: (Container | undefined)[] = [holder as Record<string, unknown>];
  const isList: boolean[] = [false];
  /** In an object, the key whose value comes next; undefined while a key is expected. */
  const pendingKey: (string | undefined)[] = ['value'];
  /** In a list, the index of the next item. */
  const nextIndex: number[] = [0];
  /** Where an object's keys start in `keys`; its keys are the ones from there to `keyCount`. */
  const firstKey: number[] = [0];
  /** An object's keys as a set, once it has more than LINEAR_KEYS. */
  const keySets: (Set<string> | undefined)[] = [undefined];
  // A stack of the keys of the open objects, its top kept apart: setting an array's length is slow.
  const keys: string[] = [];
  let keyCount = 0;
  let depth = 0;
  const fail = (message: string, offset: number): never => {
    throw new IacError(options.file, message, offsets.position(offset));
  };
  /** The parsed value of the container open at `depth`, looked up along the slots above it. */
  const container = (at: number): Container => {
    let known = at;
    while (containers[known] === undefined) known -= 1;
    for (let below = known + 1; below <= at; below += 1) {
      const above = below - 1;
      const found = (containers[above] as Record<string | number, unknown>)[isList[above] ? nextIndex[above]! : pendingKey[above]!];
      // Not a container only when a later duplicate of its key replaced it (JSON.parse keeps the
      // last): the pass reports that duplicate when it gets there, and writes to a stand-in until then.
      containers[below] = typeof found === 'object' && found !== null ? (found as Container) : {};
    }
    return containers[at]!;
  };
  /** The slot of the container at `depth` the next value fills; records where a list item starts. */
  const slot = (offset: number): string | number => {
    if (!isList[depth]) return pendingKey[depth]!;
    if (depth <= eagerLevels) offsets.set(container(depth), String(nextIndex[depth]), offset);
    return nextIndex[depth]!;
  };
  const filled = (): void => {
    if (isList[depth]) nextIndex[depth] = nextIndex[depth]! + 1;
    else pendingKey[depth] = undefined;
  };
  const addKey = (key: string, offset: number): void => {
    const set = keySets[depth];
    if (set !== undefined) {
      if (set.has(key)) fail(`duplicate key ${JSON.stringify(key)}`, offset);
      set.add(key);
      return;
    }
    const first = firstKey[depth]!;
    for (let k = first; k < keyCount; k += 1) if (keys[k] === key) fail(`duplicate key ${JSON.stringify(key)}`, offset);
    keys[keyCount] = key;
    keyCount += 1;
    if (keyCount - first > LINEAR_KEYS) {
      keySets[depth] = new Set(keys.slice(first, keyCount));
      keyCount = first;
    }
  };
  for (let i = from; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x7b || code === 0x5b) {
      // { or [
      slot(i);
      if (depth >= MAX_NESTING) fail(`nested deeper than ${MAX_NESTING} levels`, i);
      depth += 1;
      containers[depth] = undefined;
      if (depth === eagerLevels + 1) starts?.set(container(depth), i);
      isList[depth] = code === 0x5b;
      pendingKey[depth] = undefined;
      nextIndex[depth] = 0;
      firstKey[depth] = keyCount;
      keySets[depth] = undefined;
    } else if (code === 0x7d || code === 0x5d) {
      // } or ]
      keyCount = firstKey[depth]!;
      depth -= 1;
      filled();
      if (depth === 0) return;
    } else if (code === 0x22) {
      // "
      const end = stringEnd(text, i);
      if (!isList[depth] && pendingKey[depth] === undefined) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        addKey(key, i);
        pendingKey[depth] = key;
        if (depth <= eagerLevels) offsets.set(container(depth), key, i);
      } else {
        slot(i);
        filled();
      }
      i = end;
    } else if (code === 0x2d || (code >= 0x30 && code <= 0x39)) {
      // a number: CloudFormation reads its text
      let end = i + 1;
      while (end < text.length && isNumberChar(text.charCodeAt(end))) end += 1;
      (container(depth) as Record<string | number, unknown>)[slot(i)] = text.slice(i, end);
      filled();
      i = end - 1;
    } else if (code === 0x74 || code === 0x66 || code === 0x6e) {
      // true, false or null: JSON.parse's value stands
      slot(i);
      filled();
      i += code === 0x66 ? 4 : 3;
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

/** Whether a character can continue a JSON number (digits, sign, point, exponent). */
function isNumberChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x2d || code === 0x2b || code === 0x65 || code === 0x45;
}

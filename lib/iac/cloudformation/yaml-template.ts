import { EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, YAMLException, type Event, type ScalarEvent } from 'js-yaml';
import { IacError } from '../iac-error';
import { MAX_NESTING } from './nesting-limit';
import { SourceOffsets } from './source-offsets';
import { setOwn } from '../../model/set-own';

/**
 * How many values aliases may add to a template in all. Without a bound, 800 bytes of nested
 * aliases ("billion laughs") stand for a billion values that every walk of the template
 * would visit.
 */
export const MAX_ALIAS_VALUES = 100_000;

/** What a tag on a node makes of its value; throws TagError for a tag it does not know. */
export type TagHandler = (tag: string, value: unknown) => unknown;

interface Collection {
  value: Record<string, unknown> | unknown[];
  tag: string | undefined;
  tagOffset: number;
  /** Where it is written: its tag when it has one, else where its content starts. */
  start: number;
  anchor: string | undefined;
  /** In a map: the keys seen so far (a set, so the duplicate check is linear). */
  keys: Set<string> | undefined;
  /**
   * In a map: the key whose value comes next and where it is written (`merge` for a plain `<<`,
   * YAML's merge key); undefined while a key is expected.
   */
  key: { name: string; offset: number; merge: boolean } | undefined;
  /** Values in it, aliases counted at their full size; and how deep it nests. */
  size: number;
  depth: number;
}

interface Anchored {
  value: unknown;
  size: number;
  depth: number;
  /** False while the anchored collection is still being read: an alias to it would contain itself. */
  complete: boolean;
}

/**
 * A YAML template read from js-yaml's event stream, which is linear in the size of the text
 * (the `yaml` library's composer took 20 s for 20 MB, and its duplicate-key check is
 * quadratic). Values are composed here, so that
 * - a duplicate key is an error, found with one set per map;
 * - an alias shares the anchored value instead of copying it, and may add at most
 *   MAX_ALIAS_VALUES values in all; an alias inside the node it names is an error;
 * - nesting, aliases included, stops at MAX_NESTING;
 * - plain scalars YAML would read as numbers keep their text (`PayloadFormatVersion: 1.0` is
 *   the string "1.0" to CloudFormation), `true`/`false` and `null`/`~` are what they are;
 * - tags go to `onTag`, which knows CloudFormation's short forms.
 */
export function parseYamlTemplate(text: string, file: string, onTag: TagHandler): { value: unknown; offsets: SourceOffsets } {
  const offsets = new SourceOffsets(text);
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: MAX_NESTING });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    throw new IacError(file, `not valid YAML or JSON: ${error.reason}`, error.mark === undefined ? undefined : offsets.position(error.mark.position));
  }
  return { value: new Composer(text, file, offsets, onTag).compose(events), offsets };
}

class Composer {
  private readonly stack: Collection[] = [];
  private readonly anchors = new Map<string, Anchored>();
  private aliasValues = 0;
  private root: unknown = null;
  private documents = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly offsets: SourceOffsets,
    private readonly onTag: TagHandler,
  ) {}

  compose(events: readonly Event[]): unknown {
    for (const event of events) {
      switch (event.type) {
        case EVENT_ID.DOCUMENT:
          this.documents += 1;
          if (this.documents > 1) this.fail('holds more than one YAML document; a template is one', 0);
          break;
        case EVENT_ID.MAPPING:
        case EVENT_ID.SEQUENCE:
          this.stack.push({
            value: event.type === EVENT_ID.MAPPING ? {} : [],
            tag: this.slice(event.tagStart, event.tagEnd),
            tagOffset: event.tagStart,
            start: event.tagStart >= 0 ? event.tagStart : event.start,
            anchor: this.slice(event.anchorStart, event.anchorEnd),
            keys: event.type === EVENT_ID.MAPPING ? new Set() : undefined,
            key: undefined,
            size: 1,
            depth: 1,
          });
          this.startAnchor(this.slice(event.anchorStart, event.anchorEnd));
          break;
        case EVENT_ID.SCALAR:
          this.scalar(event);
          break;
        case EVENT_ID.ALIAS:
          this.alias(event.anchorStart, event.anchorEnd);
          break;
        case EVENT_ID.POP:
          this.close();
          break;
      }
    }
    return this.root;
  }

  private scalar(event: ScalarEvent): void {
    const raw = getScalarValue(this.text, event);
    const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
    const offset = quoted ? event.valueStart - 1 : event.valueStart;
    const tag = this.slice(event.tagStart, event.tagEnd);
    const plain = event.style === SCALAR_STYLE.PLAIN && tag === undefined;
    const value = this.tagged(tag, event.tagStart, plain ? plainScalar(raw) : raw);
    const top = this.stack[this.stack.length - 1];
    if (top?.keys !== undefined && top.key === undefined) {
      if (tag !== undefined) this.fail('a mapping key that is not a plain value', offset);
      const name = String(value);
      // A plain `<<` is the merge key (several may merge into one map); a quoted one is a name.
      const merge = plain && raw === '<<';
      if (!merge && top.keys.has(name)) this.fail(`duplicate key ${JSON.stringify(name)}`, offset);
      if (!merge) top.keys.add(name);
      top.key = { name, offset, merge };
      return;
    }
    const anchor = this.slice(event.anchorStart, event.anchorEnd);
    if (anchor !== undefined) this.anchors.set(anchor, { value, size: 1, depth: 1, complete: true });
    this.add(value, offset, 1, 1);
  }

  private alias(anchorStart: number, anchorEnd: number): void {
    const name = this.text.slice(anchorStart, anchorEnd);
    const anchored = this.anchors.get(name);
    const offset = anchorStart - 1;
    if (anchored === undefined) this.fail(`alias *${name} names no anchor before it`, offset);
    if (!anchored.complete) this.fail(`alias *${name} is inside the node &${name} it names, so it would never end`, offset);
    this.aliasValues += anchored.size;
    if (this.aliasValues > MAX_ALIAS_VALUES) this.fail(`aliases expand to more than ${MAX_ALIAS_VALUES} values (an alias "bomb"); write the values out or use fewer aliases`, offset);
    const top = this.stack[this.stack.length - 1];
    if (top?.keys !== undefined && top.key === undefined) this.fail('a mapping key that is not a plain value', offset);
    if (this.stack.length + anchored.depth > MAX_NESTING) this.fail(`nested deeper than ${MAX_NESTING} levels through aliases`, offset);
    this.add(anchored.value, offset, anchored.size, anchored.depth);
  }

  private startAnchor(anchor: string | undefined): void {
    if (anchor !== undefined) this.anchors.set(anchor, { value: undefined, size: 0, depth: 0, complete: false });
  }

  private close(): void {
    const collection = this.stack.pop();
    if (collection === undefined) return; // the end of the document
    const value = this.tagged(collection.tag, collection.tagOffset, collection.value);
    if (collection.anchor !== undefined) this.anchors.set(collection.anchor, { value, size: collection.size, depth: collection.depth, complete: true });
    this.add(value, collection.start, collection.size, collection.depth);
  }

  /** Puts a finished value into the collection being read (or makes it the document). */
  private add(value: unknown, offset: number, size: number, depth: number): void {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) {
      this.root = value;
      return;
    }
    top.size += size;
    top.depth = Math.max(top.depth, depth + 1);
    if (Array.isArray(top.value)) {
      this.offsets.set(top.value, String(top.value.length), offset);
      top.value.push(value);
      return;
    }
    const key = top.key;
    // A collection or an alias where a key is expected: `? [a, b]\n: value`.
    if (key === undefined) this.fail('a mapping key that is not a plain value', offset);
    top.key = undefined;
    if (key.merge) return this.merge(top.value, value, key.offset);
    setOwn(top.value, key.name, value);
    this.offsets.set(top.value, key.name, key.offset);
  }

  /**
   * `<<: *base` or `<<: [*a, *b]`, as js-yaml (which reads serverless.yml) and PyYAML (which
   * `aws cloudformation package` and `sam` use) merge it: each key of the merged maps, in
   * order, that the map does not already hold; a key written in the map after it replaces the
   * merged one. Merged entries are located at the `<<`.
   */
  private merge(target: Record<string, unknown>, value: unknown, offset: number): void {
    const sources = Array.isArray(value) ? value : [value];
    for (const source of sources) {
      if (typeof source !== 'object' || source === null || Array.isArray(source)) this.fail('a merge key (<<) takes a map or a list of maps', offset);
      for (const [name, item] of Object.entries(source)) {
        if (Object.hasOwn(target, name)) continue;
        setOwn(target, name, item);
        this.offsets.set(target, name, offset);
      }
    }
  }

  private tagged(tag: string | undefined, offset: number, value: unknown): unknown {
    if (tag === undefined) return value;
    if (tag === '!!str') return typeof value === 'string' ? value : String(value);
    if (tag.startsWith('!!')) return value;
    try {
      const result = this.onTag(tag, value);
      // The long form's key (`Fn::Sub`) is written where the tag is, so paths through it keep positions.
      if (typeof result === 'object' && result !== null && result !== value) for (const key of Object.keys(result)) this.offsets.set(result, key, offset);
      return result;
    } catch (error) {
      if (error instanceof TagError) this.fail(error.message, offset);
      throw error;
    }
  }

  private slice(start: number, end: number): string | undefined {
    return start < 0 ? undefined : this.text.slice(start, end);
  }

  private fail(message: string, offset: number): never {
    throw new IacError(this.file, message, this.offsets.position(Math.max(0, offset)));
  }
}

/** Thrown by a TagHandler for a tag it does not know; reported at the tag. */
export class TagError extends Error {}

/** YAML 1.2 core schema: null and booleans; numbers and everything else keep their text. */
function plainScalar(raw: string): unknown {
  if (/^(?:~|null|Null|NULL)?$/.test(raw)) return null;
  if (/^(?:true|True|TRUE)$/.test(raw)) return true;
  if (/^(?:false|False|FALSE)$/.test(raw)) return false;
  return raw;
}

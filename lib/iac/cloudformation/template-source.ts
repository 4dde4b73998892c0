import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type Scalar } from 'yaml';
import { IacError } from '../iac-error';
import { pathKey } from '../property-path';
import type { Position } from '../source-map';

/**
 * The short forms of the intrinsic functions (CloudFormation "Intrinsic function reference").
 * `!Ref` and `!Condition` stand for `Ref` and `Condition`; every other `!Name` for `Fn::Name`.
 */
const SHORT_TAGS = [
  'Ref', 'Condition', 'GetAtt', 'Sub', 'Join', 'If', 'Select', 'FindInMap', 'ImportValue', 'Base64', 'Equals', 'And',
  'Or', 'Not', 'Split', 'GetAZs', 'Cidr', 'Length', 'ToJsonString', 'Transform',
] as const;

/**
 * Accept each short tag on a scalar, a sequence or a mapping and leave the node as it is: the
 * walker below reads the tag itself, so it keeps the position of everything under it.
 */
const customTags = SHORT_TAGS.flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq' as const, resolve: <T>(value: T) => value },
  { tag: `!${name}`, collection: 'map' as const, resolve: <T>(value: T) => value },
]);

export interface TemplateSource {
  /** The template as JSON-like values, short tags in their long form (`{"Fn::Sub": ...}`). */
  value: unknown;
  /** Where each map entry (its key) and list item is written, by path from the document root. */
  positionOf(path: readonly (string | number)[]): Position | undefined;
}

/**
 * Parses a CloudFormation template written in YAML or JSON (JSON is read by the same parser,
 * so both get positions). Plain scalars that YAML would read as numbers keep their text
 * (`PayloadFormatVersion: 1.0` is the string "1.0" to CloudFormation, not the number 1); the
 * readers turn the few numeric properties back into numbers.
 */
export function parseTemplate(text: string, file: string): TemplateSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { customTags, lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const [error] = document.errors;
  if (error !== undefined) throw new IacError(file, `not valid YAML or JSON: ${firstLine(error.message)}`, at(error.pos[0]));
  const unknownTag = document.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (unknownTag !== undefined) {
    const tag = /!\S+/.exec(unknownTag.message)?.[0] ?? firstLine(unknownTag.message);
    throw new IacError(file, `unknown tag ${tag}; CloudFormation's short forms are ${SHORT_TAGS.map((name) => `!${name}`).join(', ')}`, at(unknownTag.pos[0]));
  }
  const positions = new Map<string, Position>();
  const walker = new Walker(document, file, at, positions);
  const value = document.contents === null ? null : walker.value(document.contents, []);
  return { value, positionOf: (path) => positions.get(pathKey(path.map(String))) };
}

class Walker {
  constructor(
    private readonly document: Document,
    private readonly file: string,
    private readonly at: (offset: number) => Position,
    private readonly positions: Map<string, Position>,
  ) {}

  value(node: Node, path: readonly (string | number)[]): unknown {
    if (isAlias(node)) {
      const target = node.resolve(this.document);
      return target === undefined ? null : this.value(target, path);
    }
    const tag = node.tag?.startsWith('!') ? node.tag.slice(1) : undefined;
    return tag === undefined ? this.untagged(node, path) : this.intrinsic(tag, node, path);
  }

  /** The value of a node read without its tag. */
  private untagged(node: Node, path: readonly (string | number)[]): unknown {
    if (isScalar(node)) return scalarValue(node);
    if (isSeq(node)) {
      return node.items.map((item, index) => {
        const itemPath = [...path, index];
        if (isNodeLike(item)) {
          this.remember(itemPath, item);
          return this.value(item, itemPath);
        }
        return null;
      });
    }
    if (isMap(node)) {
      const object: Record<string, unknown> = {};
      for (const pair of node.items) this.entry(pair, path, object);
      return object;
    }
    return null;
  }

  private entry(pair: Pair, path: readonly (string | number)[], object: Record<string, unknown>): void {
    if (!isPair(pair) || !isScalar(pair.key)) {
      throw new IacError(this.file, 'a mapping key that is not a plain value', this.position(pair.key));
    }
    const key = String(scalarValue(pair.key));
    const entryPath = [...path, key];
    this.remember(entryPath, pair.key);
    object[key] = isNodeLike(pair.value) ? this.value(pair.value, entryPath) : null;
  }

  /** `!Ref X` -> `{"Ref": "X"}`, `!GetAtt A.B` -> `{"Fn::GetAtt": ["A", "B"]}`, `!Sub ...` -> `{"Fn::Sub": ...}`. */
  private intrinsic(tag: string, node: Node, path: readonly (string | number)[]): unknown {
    const name = tag === 'Ref' || tag === 'Condition' ? tag : `Fn::${tag}`;
    const inner = this.untagged(node, [...path, name]);
    if (tag === 'GetAtt' && typeof inner === 'string') {
      const dot = inner.indexOf('.');
      return { [name]: dot < 0 ? [inner] : [inner.slice(0, dot), inner.slice(dot + 1)] };
    }
    return { [name]: inner };
  }

  private remember(path: readonly (string | number)[], node: unknown): void {
    const position = this.position(node);
    if (position !== undefined) this.positions.set(pathKey(path.map(String)), position);
  }

  private position(node: unknown): Position | undefined {
    const range = isNodeLike(node) ? node.range : undefined;
    return range ? this.at(range[0]) : undefined;
  }
}

function isNodeLike(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}

/** A scalar YAML reads as a number keeps its text; booleans and null stay what they are. */
function scalarValue(node: Scalar): unknown {
  return typeof node.value === 'number' ? (node.source ?? String(node.value)) : node.value;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

import type { Position } from '../source-map';

/**
 * Where each map entry (its key) and list item of a parsed template is written, kept beside
 * the values rather than by path string, so a 20 MB template costs one small map per object
 * and a lookup walks the path from the root. Lines and columns are worked out only for the
 * offsets asked for.
 */
export class SourceOffsets {
  private readonly byContainer = new WeakMap<object, Map<string, number>>();
  private lineStarts: number[] | undefined;

  constructor(private readonly text: string) {}

  /** Records that `key` of `container` (a list index as its decimal form) is written at `offset`. */
  set(container: object, key: string, offset: number): void {
    let offsets = this.byContainer.get(container);
    if (offsets === undefined) {
      offsets = new Map();
      this.byContainer.set(container, offsets);
    }
    offsets.set(key, offset);
  }

  /** Where the entry at `path` below `root` is written, when it is written in the template. */
  positionOf(root: unknown, path: readonly (string | number)[]): Position | undefined {
    let node = root;
    let offset: number | undefined;
    for (const segment of path) {
      if (typeof node !== 'object' || node === null) return undefined;
      const key = String(segment);
      offset = this.byContainer.get(node)?.get(key);
      if (offset === undefined) return undefined;
      node = (node as Record<string, unknown>)[key];
    }
    return offset === undefined ? undefined : this.position(offset);
  }

  /** The 1-based line and column of a 0-based offset. */
  position(offset: number): Position {
    const starts = (this.lineStarts ??= lineStarts(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

import { isPlainObject } from '../rules/values';
import type { PropertyPath } from './property-path';
import type { Position } from './source-map';

export type SourcePath = readonly (string | number)[];

/**
 * Records where a property and everything inside it is written, when the snapshot's path and
 * the source's path run side by side (same keys below the property). Values that an
 * expression produced have no position of their own; their findings point at the nearest
 * written property above them.
 */
export function positionsAlong(
  value: unknown,
  path: PropertyPath,
  sourcePath: SourcePath,
  positionOf: (path: SourcePath) => Position | undefined,
  out: [PropertyPath, Position][],
): void {
  const position = positionOf(sourcePath);
  if (position !== undefined) out.push([path, position]);
  const children: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : isPlainObject(value) ? Object.entries(value) : [];
  for (const [key, child] of children) positionsAlong(child, [...path, key], [...sourcePath, Array.isArray(value) ? Number(key) : key], positionOf, out);
}

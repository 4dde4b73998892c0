/**
 * The `path` of a finding (e.g. `ResponseParameters["200"]["overwrite:header.x"]`, see
 * `mapPath` in lib/rules/values.ts) as a list of segments, so it can be compared with where
 * unresolved values sit and looked up in a source map. Segments are strings: a list index is
 * its decimal form, as it would be a key in JSON.
 */
export type PropertyPath = readonly string[];

/** Parses `Field`, `Field.Sub`, `Field["key"]`, `Field[0]` chains; undefined for anything else. */
export function parsePropertyPath(path: string): PropertyPath | undefined {
  const segments: string[] = [];
  let rest = path;
  while (rest.length > 0) {
    const name = /^\.?([A-Za-z_$][\w$]*)/.exec(rest);
    const index = /^\[(\d+)\]/.exec(rest);
    const key = /^\[("(?:[^"\\]|\\.)*")\]/.exec(rest);
    const match = name ?? index ?? key;
    if (match === null || (name !== null && segments.length === 0 && rest.startsWith('.'))) return undefined;
    segments.push(key === null ? match[1]! : (JSON.parse(key[1]!) as string));
    rest = rest.slice(match[0].length);
  }
  return segments;
}

/** Whether one path lies at or inside the other (either way round). */
export function overlaps(a: PropertyPath, b: PropertyPath): boolean {
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** A stable key for maps keyed by path. */
export function pathKey(path: PropertyPath): string {
  return JSON.stringify(path);
}

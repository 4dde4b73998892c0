/**
 * EventBridge's event pattern matching, for the operators the stack's rules use: exact string
 * values, `exists`, and `$or` (EventBridge user guide, "Event patterns" and "Comparison
 * operators"). No matcher on the npm registry installs and runs offline here, so this evaluates
 * the packaged pattern itself; any other operator throws, so a pattern it does not understand
 * can never pass a test by accident.
 *
 * The rules, as documented: every field of the pattern must match (AND); a leaf is an array of
 * alternatives (OR), each a value equal to the event's (an array in the event matches if any
 * element does) or an `{ "exists": bool }` filter; a nested object descends into the event;
 * `$or` holds patterns of which at least one must match at that level.
 */
type Pattern = Record<string, unknown>;

export function matchesPattern(event: unknown, pattern: Pattern): boolean {
  return Object.entries(pattern).every(([key, expected]) => {
    if (key === '$or') {
      if (!Array.isArray(expected)) throw new Error('$or must hold an array of patterns');
      return expected.some((alternative) => matchesPattern(event, alternative as Pattern));
    }
    const value = typeof event === 'object' && event !== null && !Array.isArray(event) ? (event as Record<string, unknown>)[key] : undefined;
    if (Array.isArray(expected)) return expected.some((alternative) => matchesLeaf(value, alternative));
    if (typeof expected === 'object' && expected !== null) return matchesPattern(value, expected as Pattern);
    throw new Error(`pattern field ${key}: a leaf must be an array of values or filters`);
  });
}

function matchesLeaf(value: unknown, alternative: unknown): boolean {
  if (typeof alternative === 'object' && alternative !== null) {
    const [operator, ...others] = Object.keys(alternative);
    if (operator !== 'exists' || others.length > 0) throw new Error(`unsupported pattern operator ${JSON.stringify(alternative)}`);
    // `exists` matches leaf values only; what it does with a null leaf is not modelled here.
    if (value === null) throw new Error('exists on a null value: not modelled');
    const present = value !== undefined && typeof value !== 'object';
    return (alternative as { exists: unknown }).exists === present;
  }
  return Array.isArray(value) ? value.some((element) => element === alternative) : value === alternative;
}

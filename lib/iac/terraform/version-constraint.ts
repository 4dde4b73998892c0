/** A release number as Terraform compares them: major, minor, patch. */
export type Version = readonly [number, number, number];

/**
 * Whether every version a module call's `version` constraint admits lies between `lowest` and
 * `highest` (inclusive), whatever is released later. Terraform's syntax ("Version
 * Constraints"): comma-separated terms `OP VERSION` with `=` (or none), `!=`, `>`, `>=`, `<`,
 * `<=` and `~>` (only the rightmost given component may grow: `~> 5.2` is `>= 5.2, < 6.0`,
 * `~> 5.2.1` is `>= 5.2.1, < 5.3.0`); missing components are zero. A constraint this does not
 * read (pre-releases, a reference) admits nothing it can vouch for: false.
 */
export function admitsOnlyBetween(constraint: unknown, lowest: Version, highest: Version): boolean {
  if (typeof constraint !== 'string' || constraint.trim() === '') return false;
  let low: Version = [0, 0, 0];
  let high: { version: Version; inclusive: boolean } | undefined;
  const lower = (version: Version) => {
    if (compare(version, low) > 0) low = version;
  };
  const upper = (version: Version, inclusive: boolean) => {
    const order = high === undefined ? -1 : compare(version, high.version);
    if (order < 0 || (order === 0 && !inclusive)) high = { version, inclusive };
  };
  for (const term of constraint.split(',')) {
    const match = /^\s*(=|!=|>=|<=|>|<|~>)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(term);
    if (match === null) return false;
    const [, operator = '=', ...parts] = match;
    const given = parts.filter((part) => part !== undefined).length;
    const version = parts.map((part) => Number(part ?? 0)) as unknown as Version;
    switch (operator) {
      case '=':
        lower(version);
        upper(version, true);
        break;
      case '>=':
      case '>':
        // `> 5.1.0` admits 5.1.1 and up: a bound no lower than the version itself.
        lower(version);
        break;
      case '<=':
        upper(version, true);
        break;
      case '<':
        upper(version, false);
        break;
      case '~>':
        lower(version);
        upper(given >= 3 ? [version[0], version[1] + 1, 0] : [version[0] + 1, 0, 0], false);
        break;
      // `!=` only takes a version away.
    }
  }
  if (high === undefined || compare(low, lowest) < 0) return false;
  // Below an exclusive bound, the highest release is at most the one before it: `< 6.2.0`
  // admits 6.1.9, so it is within `highest` only when the bound is at most one patch above it.
  return high.inclusive ? compare(high.version, highest) <= 0 : compare(high.version, [highest[0], highest[1], highest[2] + 1]) <= 0;
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

import { RE2JS } from 're2js';

/**
 * Terraform's regular expressions (`replace(x, "/re/", ...)`, `regex()`, `regexall()`) are Go's
 * RE2 syntax, matched by re2js: the same syntax, and matching in time linear in the input,
 * so a pattern such as `^(a+)+$` cannot make the scan backtrack for ever as JavaScript's
 * engine would.
 */
function compile(pattern: string): RE2JS {
  return RE2JS.compile(pattern);
}

/** All matches: each a list of its groups, a map when they are named, or the matched text when there are none. */
export function regexMatches(pattern: string, text: string): unknown[] {
  const regex = compile(pattern);
  const names = Object.entries(regex.namedGroups());
  const matcher = regex.matcher(text);
  const matches: unknown[] = [];
  while (matcher.find()) {
    const groups = matcher.groupCount();
    if (groups === 0) matches.push(matcher.group(0));
    else if (names.length > 0) matches.push(Object.fromEntries(names.map(([name, index]) => [name, matcher.group(index) ?? null])));
    else matches.push(Array.from({ length: groups }, (_, i) => matcher.group(i + 1) ?? null));
  }
  return matches;
}

/** Every match replaced; `$1`, `${1}` and `${name}` in the replacement insert groups, as in Go. */
export function regexReplace(pattern: string, text: string, replacement: string): string {
  const js = replacement.replace(/\$\{(\w+)\}/g, (_whole, group: string) => (/^\d+$/.test(group) ? `$${group}` : `$<${group}>`));
  return compile(pattern).matcher(text).replaceAll(js);
}

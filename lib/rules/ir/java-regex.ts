import { memoizeText } from '../../model/memoize-text';

/**
 * API Gateway matches integration response keys as Java patterns [D-LERR], but the auditor can
 * only run JavaScript's RegExp. The two dialects disagree: Java accepts syntax that JavaScript
 * rejects (possessive quantifiers, atomic groups, inline flags, quantified assertions, a leading
 * `{n}`) and reads other syntax differently (`\A`, `\p{Alpha}`, `\Q...\E`, class intersection).
 * A JS result is therefore evidence about a Java pattern only when the pattern uses none of that
 * syntax.
 *
 * The catalog (IR002) lists `*+`, `++`, `?+`, `\A`, `\Z`, `\z`, `\G`, `(?<name>` and inline
 * `(?i)`/`(?s)` flags. The scan below recognises the rest of Java's own syntax too, so that no
 * valid Java pattern is ever called invalid because JavaScript cannot read it.
 */

/** Escapes that mean something in Java but are a literal letter (or differ) in non-Unicode JS. */
const JAVA_ONLY_ESCAPES = new Set(['A', 'Z', 'z', 'G', 'Q', 'E', 'h', 'H', 'R', 'X', 'e', 'a', 'p', 'P', 'N']);

/** Escapes whose `{...}` form is Java-only (`\x{1F600}`, `\b{g}`); plain `\x41` and `\b` are shared. */
const JAVA_ONLY_BRACED_ESCAPES = new Set(['x', 'b']);

/** `(?i)`, `(?-s)`, `(?ix:...)`: Java's inline flag groups. */
const INLINE_FLAGS = /^\(\?[idmsuxU]*(?:-[idmsuxU]*)?[:)]/;

/** `{n}`, `{n,}`, `{n,m}`: a bounded quantifier (any other `{` is a literal in non-Unicode JS). */
const BRACED_QUANTIFIER = /^\{\d+(?:,\d*)?\}/;

type Previous = 'nothing' | 'atom' | 'assertion' | 'quantifier';

/**
 * The first Java-only construct in a key's regular expression body (e.g. `*+`, `(?i)`, `\A`),
 * or undefined when the body uses only syntax JavaScript reads the same way.
 */
export function javaOnlySyntax(body: string): string | undefined {
  let previous: Previous = 'nothing';
  /** For each open group: whether it is a lookbehind, which Java may quantify and JS may not. */
  const groups: boolean[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body.charAt(i);
    if (c === '\\') {
      const javaOnly = javaOnlyEscape(body, i);
      if (javaOnly !== undefined) return javaOnly;
      const escaped = body.charAt(i + 1);
      previous = escaped === 'b' || escaped === 'B' ? 'assertion' : 'atom';
      i += 2;
    } else if (c === '[') {
      const end = classEnd(body, i);
      const inside = body.slice(i, end);
      const javaOnly = classJavaOnlySyntax(inside);
      if (javaOnly !== undefined) return javaOnly;
      previous = 'atom';
      i = end;
    } else if (c === '(') {
      const rest = body.slice(i);
      if (/^\(\?<[A-Za-z]/.test(rest)) return '(?<name>';
      if (rest.startsWith('(?>')) return '(?>';
      const flags = INLINE_FLAGS.exec(rest)?.[0];
      if (flags !== undefined && flags.length > 3) return flags;
      groups.push(/^\(\?<[=!]/.test(rest));
      previous = 'nothing';
      i += rest.startsWith('(?') ? (rest.startsWith('(?<') ? 4 : 3) : 1;
    } else if (c === ')') {
      previous = groups.pop() === true ? 'assertion' : 'atom';
      i += 1;
    } else if (c === '*' || c === '+' || c === '?' || (c === '{' && BRACED_QUANTIFIER.test(body.slice(i)))) {
      const quantifier = c === '{' ? (BRACED_QUANTIFIER.exec(body.slice(i))?.[0] ?? c) : c;
      if (previous === 'assertion') return `a quantified assertion (${quantifier})`;
      // Java repeats the empty string here; JavaScript reports "nothing to repeat".
      if (c === '{' && previous !== 'atom') return `a quantifier with nothing to repeat (${quantifier})`;
      i += quantifier.length;
      if (previous === 'quantifier') continue;
      const next = body.charAt(i);
      if (next === '+' && previous === 'atom') return `${quantifier}+`;
      if (next === '?') i += 1;
      previous = 'quantifier';
    } else {
      previous = c === '^' || c === '$' ? 'assertion' : c === '|' ? 'nothing' : 'atom';
      i += 1;
    }
  }
  return undefined;
}

export function usesJavaOnlySyntax(body: string): boolean {
  return javaOnlySyntax(body) !== undefined;
}

/**
 * The body as a JavaScript RegExp without the `u` flag (docs/design.md, "Conventions for the
 * predicates"), or undefined when JS cannot compile it. Compiled once per body: several rules
 * ask for every integration response's key, and an account repeats a few. Without the `g` or
 * `y` flag a RegExp keeps no state between tests, so one object serves every caller.
 */
export const compileJsRegex = memoizeText((body: string): RegExp | undefined => {
  try {
    return new RegExp(body);
  } catch {
    return undefined;
  }
});

/** The index just past the `]` that closes the class opening at `start` (a `]` first in the class is a literal, as in Java). */
function classEnd(body: string, start: number): number {
  let i = start + 1;
  if (body.charAt(i) === '^') i += 1;
  if (body.charAt(i) === ']') i += 1;
  while (i < body.length && body.charAt(i) !== ']') i += body.charAt(i) === '\\' ? 2 : 1;
  return Math.min(i + 1, body.length);
}

/** Java-only syntax inside one character class: intersection `&&` and the escapes above. */
function classJavaOnlySyntax(inside: string): string | undefined {
  for (let i = 0; i < inside.length; i += 1) {
    const c = inside.charAt(i);
    if (c === '\\') {
      const javaOnly = javaOnlyEscape(inside, i);
      if (javaOnly !== undefined) return javaOnly;
      i += 1;
    } else if (c === '&' && inside.charAt(i + 1) === '&') {
      return '&&';
    }
  }
  return undefined;
}

/** The Java-only escape starting at `i` (a backslash), if it is one. */
function javaOnlyEscape(text: string, i: number): string | undefined {
  const escaped = text.charAt(i + 1);
  if (JAVA_ONLY_ESCAPES.has(escaped)) return `\\${escaped}`;
  if (JAVA_ONLY_BRACED_ESCAPES.has(escaped) && text.charAt(i + 2) === '{') return `\\${escaped}{`;
  return undefined;
}

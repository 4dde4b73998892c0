import type { SnapshotIntegration } from '../../model/snapshot';
import { compileJsRegex, javaOnlySyntax } from './java-regex';
import { memoizeText } from '../../model/memoize-text';

/**
 * Reading integration response keys as status-code patterns (IR101, IR103). For HTTP and MOCK
 * integrations the key is matched against the backend's status code [D-IR][D-XF]; for AWS
 * (Lambda) against errorMessage, and proxies have no integration responses at all.
 */
export const matchesStatusCodes = (integration: SnapshotIntegration): boolean => integration.IntegrationType === 'HTTP' || integration.IntegrationType === 'MOCK';

const FIRST_CODE = 100;
/** "100".."599": every status code a key can be matched against. */
export const STATUS_CODES: readonly string[] = Array.from({ length: 500 }, (_, i) => String(FIRST_CODE + i));
const MASK_WORDS = Math.ceil(STATUS_CODES.length / 32);
const LITERAL_DIGITS = /^\d+$/;

export interface StatusCodeReading {
  /** The codes "100".."599" the pattern matches in full (`^(?:body)$`): bit i stands for code 100 + i. */
  codes: Uint32Array;
  /** The codes as text, equal for readings that match the same codes: a key for grouping them (IR103). */
  codesKey: string;
  /** The first code it matches in full, if any. */
  firstCode: string | undefined;
  /** A code the pattern matches only a part of (find semantics), when it fully matches none. */
  partialMatch: string | undefined;
  /** The Java-only construct, when JavaScript may read the pattern differently than API Gateway. */
  javaOnly: string | undefined;
}

/**
 * How a key's regex body reads against every status code, or undefined when JavaScript cannot
 * compile it (IR002 reports that, or the pattern is Java-only syntax this auditor cannot run).
 * Full matching is the primary reading; whether API Gateway anchors is unsourced, so a
 * find-based match is kept as the fallback evidence. Cached per body: 500 tests per key.
 */
export const readStatusKey = memoizeText((body: string): StatusCodeReading | undefined => {
  const found = compileJsRegex(body);
  if (found === undefined) return undefined;
  // A literal code (the CDK writes `/${code}/`) needs no regex runs.
  const literal = LITERAL_DIGITS.test(body);
  // A body that compiles on its own has balanced groups, so wrapping it keeps its meaning.
  const full = literal ? undefined : new RegExp(`^(?:${body})$`);
  const codes = new Uint32Array(MASK_WORDS);
  let firstCode: string | undefined;
  let partialMatch: string | undefined;
  STATUS_CODES.forEach((code, i) => {
    // A code the pattern does not even find a match in cannot match in full: one test for most codes.
    if (literal ? !code.includes(body) : !found.test(code)) return;
    partialMatch ??= code;
    if (full === undefined ? code !== body : !full.test(code)) return;
    codes[i >>> 5] = (codes[i >>> 5] ?? 0) | (1 << (i & 31));
    firstCode ??= code;
  });
  return { codes, codesKey: codes.join(','), firstCode, partialMatch: firstCode === undefined ? partialMatch : undefined, javaOnly: literal ? undefined : javaOnlySyntax(body) };
});

/** The lowest status code both readings match in full, if any. */
export function commonStatusCode(a: StatusCodeReading, b: StatusCodeReading): string | undefined {
  for (let word = 0; word < MASK_WORDS; word += 1) {
    const both = (a.codes[word] ?? 0) & (b.codes[word] ?? 0);
    if (both !== 0) return STATUS_CODES[word * 32 + (31 - Math.clz32(both & -both))];
  }
  return undefined;
}

/** A quantifier that repeats its atom an exact number of times, e.g. `{2}`; larger counts stay as written. */
const EXACT_COUNT = /^\{([1-9]\d?)\}/;
const MAX_EXPANDED_COUNT = 16;

/** A character class: `[`, an optional `^`, a leading `]` (a literal), then up to the closing `]`. */
const CHARACTER_CLASS = /^\[\^?\]?(?:\\.|[^\]\\])*\]?/s;
const CLASS_ESCAPE = /\\(.)/gs;

/**
 * A key's regex body in a canonical spelling, so keys that differ only in notation compare
 * equal (IR103): `\d` becomes `[0-9]` (`0-9` inside a class) and an exact count such as
 * `\d{2}` is written out (`[0-9][0-9]`). Only a textual normalisation: unequal results do not
 * prove the patterns differ.
 */
export const normaliseKeyBody = memoizeText((body: string): string => {
  /** One list of atoms per open group; a closed group becomes one atom of its parent. */
  const stack: string[][] = [[]];
  let lastIsAtom = false;
  let i = 0;
  while (i < body.length) {
    const atoms = stack[stack.length - 1] ?? [];
    const c = body.charAt(i);
    const count = c === '{' && lastIsAtom ? EXACT_COUNT.exec(body.slice(i)) : null;
    if (count !== null && Number(count[1]) <= MAX_EXPANDED_COUNT) {
      const atom = atoms.pop() ?? '';
      atoms.push(atom.repeat(Number(count[1])));
      lastIsAtom = false;
      i += count[0].length;
    } else if (c === '\\') {
      const escape = body.slice(i, i + 2);
      atoms.push(escape === '\\d' ? '[0-9]' : escape);
      lastIsAtom = true;
      i += escape.length;
    } else if (c === '[') {
      const characterClass = CHARACTER_CLASS.exec(body.slice(i))?.[0] ?? c;
      atoms.push(characterClass.replace(CLASS_ESCAPE, (escape, letter: string) => (letter === 'd' ? '0-9' : escape)));
      lastIsAtom = true;
      i += characterClass.length;
    } else if (c === '(') {
      stack.push([c]);
      lastIsAtom = false;
      i += 1;
    } else if (c === ')' && stack.length > 1) {
      const group = stack.pop() ?? [];
      (stack[stack.length - 1] ?? []).push(`${group.join('')})`);
      lastIsAtom = true;
      i += 1;
    } else {
      atoms.push(c);
      lastIsAtom = !'|*+?{}^$'.includes(c);
      i += 1;
    }
  }
  return stack.map((atoms) => atoms.join('')).join('');
});

/** True when the reading matches `code` ("100".."599") in full. */
export function matchesStatusCode(reading: StatusCodeReading, code: string): boolean {
  const i = Number(code) - FIRST_CODE;
  return i >= 0 && i < STATUS_CODES.length && ((reading.codes[i >>> 5] ?? 0) & (1 << (i & 31))) !== 0;
}

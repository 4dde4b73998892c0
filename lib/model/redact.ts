/**
 * What a credential looks like, and how it is hidden: the one source of truth for rule SEC004
 * (which reports a credential stored in a mapping) and for every output (which must never
 * repeat one, whichever rule quoted the value). Heuristics: each pattern names its kind, so a
 * finding can say what matched without quoting it.
 */
interface SecretPattern {
  kind: string;
  /** Global, so that redaction replaces every occurrence; `secretKinds` resets lastIndex. */
  pattern: RegExp;
  /**
   * How a match is masked: the whole match, or (for assignments and schemes) everything
   * after the name, so the reader still sees which field held the credential.
   */
  keep?: 'prefix';
}

const SECRET_PATTERNS: readonly SecretPattern[] = [
  { kind: 'an AWS access key id', pattern: /AKIA[0-9A-Z]{16}/g },
  { kind: 'an AWS temporary access key id', pattern: /ASIA[0-9A-Z]{16}/g },
  { kind: 'a private key block', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----(?:[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----|[A-Za-z0-9+/=\s\\n]*)/g },
  { kind: 'a JSON Web Token', pattern: /eyJ[\w-]+\.[\w-]+\.[\w-]+/g },
  { kind: 'a bearer token', pattern: /(bearer\s+)[\w.~+/-]{16,}=*/gi, keep: 'prefix' },
  { kind: 'a basic authentication credential', pattern: /(\bbasic\s+)[A-Za-z0-9+/]{12,}=*/gi, keep: 'prefix' },
  // The catalog's `\S{8,}` minus `$`: in a template `#set($token = $input.path(...))` assigns
  // a variable, not a secret, and a `$` can never start a literal credential there.
  {
    kind: 'a password, secret, API key or token assignment',
    pattern: /((?:password|passwd|secret|api[_-]?key|token)["']?\s*[:=]\s*["']?)[^\s$"',;)}]{8,}/gi,
    keep: 'prefix',
  },
  // Forty base64 characters standing alone, with upper case, lower case and a digit: the shape
  // of an AWS secret access key. Names and ids of that length are rarely all three at once.
  { kind: 'an AWS secret access key', pattern: /(?<![A-Za-z0-9+/])(?=[A-Za-z0-9+/]*[a-z])(?=[A-Za-z0-9+/]*[A-Z])(?=[A-Za-z0-9+/]*[0-9])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=])/g },
];

/** A field or header whose name says it carries a credential. */
const SECRET_NAME = /authorization|api-?key|secret|token|password|passwd|credential/i;

/**
 * A secret-named field followed by a long random-looking value: `x-api-key: k3y0a9...`,
 * `"client_secret" "f81d4fae..."`. The value must look random (see `looksRandom`), so
 * `authorization: required` stays readable.
 */
const NAMED_VALUE = /((?:authorization|api-?key|secret|token|password|passwd|credential)[\w.-]*["'\]]*\W{1,4}["']?)([A-Za-z0-9+/=_.~-]{16,})/gi;

/**
 * Something every pattern above needs (its keyword, or a run of 40 key characters), tested
 * once before the patterns run: most text a report holds has none, and findings number in
 * the hundreds of thousands on a large account.
 */
const MAYBE_SECRET = /AKIA|ASIA|PRIVATE KEY|eyJ|bearer|basic|passw|secret|api[_-]?key|token|authorization|credential/i;

/** No pattern above matches fewer characters, so shorter texts are returned as they are. */
export const MIN_SECRET_CHARS = 8;

/** Shown instead of a credential. Plain ASCII, no characters JSON or SARIF would escape. */
export const REDACTED = '[redacted]';

/** The kinds of secret the text appears to contain, in catalog order; empty when none. */
export function secretKinds(text: string): string[] {
  if (!mayHoldSecret(text)) return [];
  return SECRET_PATTERNS.filter(({ pattern }) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  }).map(({ kind }) => kind);
}

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/**
 * The text with every credential masked. Applied to everything a finding, an error or a
 * digest says, whoever wrote it: a rule that quotes a value cannot know it is a secret.
 */
export function redact(text: string, knownSecrets: readonly string[] = []): string {
  // Too short to hold a credential: skip the patterns.
  if (text.length < MIN_SECRET_CHARS) return text;
  let result = text;
  for (const secret of knownSecrets) result = result.split(secret).join(REDACTED);
  if (!mayHoldSecret(result)) return result;
  for (const { pattern, keep } of SECRET_PATTERNS) {
    pattern.lastIndex = 0;
    result = result.replace(pattern, (match, prefix: unknown) => (keep === 'prefix' && typeof prefix === 'string' ? `${prefix}${REDACTED}` : REDACTED));
  }
  NAMED_VALUE.lastIndex = 0;
  return result.replace(NAMED_VALUE, (match, name: string, value: string) => (looksRandom(value) ? `${name}${REDACTED}` : match));
}

/** False when no pattern can match: the text has neither a pattern's keyword nor a key-shaped run. */
function mayHoldSecret(text: string): boolean {
  return MAYBE_SECRET.test(text) || hasKeyShapedRun(text);
}

/** The length of an AWS secret access key. */
const KEY_CHARS = 40;
const UPPER_CASE = /[A-Z]/;

/**
 * Whether the text has a run of at least 40 base64 characters with upper case, lower case and
 * a digit: the pre-check for a bare secret access key, in one pass. (A regular expression
 * would retry from every character of every long run, such as each finding's ARN.)
 */
function hasKeyShapedRun(text: string): boolean {
  // Without an upper-case letter there is no such run, and most texts (ARNs, ids, messages
  // about keys) have none: one native scan instead of a loop in JavaScript.
  if (text.length < KEY_CHARS || !UPPER_CASE.test(text)) return false;
  let run = 0;
  let kinds = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const kind = code >= 65 && code <= 90 ? 1 : code >= 97 && code <= 122 ? 2 : (code >= 48 && code <= 57) ? 4 : code === 43 || code === 47 ? 8 : 0;
    if (kind === 0) {
      run = 0;
      kinds = 0;
      continue;
    }
    run += 1;
    kinds |= kind;
    if (run >= KEY_CHARS && (kinds & 7) === 7) return true;
  }
  return false;
}

/**
 * Randomness as a credential shows it: at least 3 bits of Shannon entropy per character and
 * both letters and digits. Words, header names and dotted identifiers stay below it.
 */
function looksRandom(value: string): boolean {
  if (value === REDACTED || !/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return false;
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy >= 3;
}

/** A copy of a flat record (a finding's resource, an audit error) with every string field redacted. */
export function redactFields<T extends object>(record: T, knownSecrets: readonly string[] = []): T {
  const copy = { ...record };
  // for...in rather than Object.entries: no array of pairs per record (one per finding node).
  for (const key in copy) {
    const value: unknown = copy[key];
    if (typeof value === 'string') (copy as Record<string, unknown>)[key] = redact(value, knownSecrets);
  }
  return copy;
}

/** Nested lists of child resources: their values belong to other resources, and may be many. */
const CHILD_LISTS = new Set(['integrations', 'routes', 'integrationResponses', 'routeResponses']);
/** A resource's maps nest at most this deep (ResponseParameters: status, then mapping). */
const MAX_DEPTH = 4;

/**
 * The random-looking values a resource keeps under secret-named keys (a header
 * `x-api-key: 'k3y0a9...'`, a mapping `overwrite:header.authorization`): credentials no pattern
 * knows, which `redact` then masks wherever a rule quotes them. Quotes around a static value
 * are dropped, so the value is masked however it is quoted.
 */
export function secretFieldValues(resource: object): string[] {
  const found: string[] = [];
  const visit = (value: Record<string, unknown>, depth: number): void => {
    // Run for every resource with a finding: for...in allocates no pairs, and the name is
    // tested before the value is unquoted, so most fields cost one regular expression test.
    for (const key in value) {
      if (!Object.hasOwn(value, key) || CHILD_LISTS.has(key)) continue;
      const child = value[key];
      if (typeof child === 'string') {
        if (child.length < 12 || !isSecretName(key)) continue;
        const bare = child.replace(/^'(.*)'$/s, '$1');
        if (bare.length >= 12 && looksRandom(bare)) found.push(bare);
      } else if (typeof child === 'object' && child !== null && depth < MAX_DEPTH) {
        visit(child as Record<string, unknown>, depth + 1);
      }
    }
  };
  visit(resource as Record<string, unknown>, 0);
  return found;
}

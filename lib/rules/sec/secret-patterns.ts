/**
 * What a credential looks like in stored configuration (docs/rules/SEC004.md). Heuristics:
 * each pattern names its kind, so a finding can say what matched without quoting it.
 */
const SECRET_PATTERNS: readonly { kind: string; pattern: RegExp }[] = [
  { kind: 'an AWS access key id', pattern: /AKIA[0-9A-Z]{16}/ },
  { kind: 'an AWS temporary access key id', pattern: /ASIA[0-9A-Z]{16}/ },
  { kind: 'a private key block', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { kind: 'a JSON Web Token', pattern: /eyJ[\w-]+\.[\w-]+\.[\w-]+/ },
  { kind: 'a bearer token', pattern: /bearer\s+[\w.-]{16,}/i },
  // The catalog's `\S{8,}` minus `$`: in a template `#set($token = $input.path(...))` assigns
  // a variable, not a secret, and a `$` can never start a literal credential there.
  { kind: 'a password, secret, API key or token assignment', pattern: /(?:password|secret|api[_-]?key|token)\s*[:=]\s*[^\s$]{8,}/i },
];

/** A header whose name says it carries a credential. */
const SECRET_HEADER = /authorization|api-?key|secret|token|password/i;

/** The kinds of secret the text appears to contain, in catalog order; empty when none. */
export function secretKinds(text: string): string[] {
  return SECRET_PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ kind }) => kind);
}

export function isSecretHeaderName(header: string): boolean {
  return SECRET_HEADER.test(header);
}

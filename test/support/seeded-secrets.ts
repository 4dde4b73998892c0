/**
 * One credential of every kind the redaction recognises, as an attacker or a careless
 * developer would store it. The tests look for `tell` in every output: the part of the value a
 * leak would show, long enough that nothing else in a report contains it by chance.
 */
export interface SeededSecret {
  kind: string;
  /** The text as stored in the configuration. */
  text: string;
  /** What must never appear in an output. */
  tell: string;
}

export const SEEDED_SECRETS: readonly SeededSecret[] = [
  { kind: 'AWS access key id', text: 'AKIAZ7Q3X9PLM2VB6TRW', tell: 'Z7Q3X9PLM2VB6TRW' },
  { kind: 'AWS secret access key', text: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY9xmpl3Kq0Z', tell: 'wJalrXUtnFEMI/K7MDENG' },
  { kind: 'bearer token', text: 'Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0', tell: '9f8e7d6c5b4a3928' },
  { kind: 'basic credential', text: 'Basic dXNlcjpzM2NyM3RQYXNzd29yZA==', tell: 'dXNlcjpzM2NyM3RQ' },
  { kind: 'JSON Web Token', text: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk', tell: 'dBjftJeZ4CVPmB92K27u' },
  { kind: 'private key', text: '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7vQx3Lr9Zt\n-----END RSA PRIVATE KEY-----', tell: 'MIIEowIBAAKCAQEA7vQx' },
  { kind: 'password assignment', text: 'password=Hunt3r2-Hunt3r2-Hunt3r2', tell: 'Hunt3r2-Hunt3r2' },
];

/** A random-looking value that only its field name (a secret-named header) marks as a credential. */
export const NAMED_SECRET = { header: 'x-api-key', value: 'k3yQ0a9Zq7Lm2Xc8Vb4Nn6Tt', tell: 'k3yQ0a9Zq7Lm2Xc8' };

/** Every tell found in `output`, for a message that names what leaked. */
export function leakedTells(output: string): string[] {
  return [...SEEDED_SECRETS.map((secret) => secret.tell), NAMED_SECRET.tell].filter((tell) => output.includes(tell) || output.includes(JSON.stringify(tell).slice(1, -1)));
}

/** The seeded credential for the index-th place, round the list. */
export const secretAt = (index: number): string => SEEDED_SECRETS[index % SEEDED_SECRETS.length]!.text;

/** Every string value inside the maps a rule quotes from (mappings, templates), with a credential appended. */
export function seedMaps(value: unknown, secret: string, inMap = false): unknown {
  if (typeof value === 'string') return inMap ? `${value} ${secret}` : value;
  if (Array.isArray(value)) return value.map((item) => seedMaps(item, secret, inMap));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key, seedMaps(child, secret, inMap || /^(ResponseParameters|ResponseTemplates|RequestParameters)$/.test(key))]),
  );
}

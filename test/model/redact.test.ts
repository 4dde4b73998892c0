import { REDACTED, redact, secretFieldValues, secretKinds } from '../../lib/model/redact';
import { NAMED_SECRET, SEEDED_SECRETS } from '../support/seeded-secrets';

describe('redact', () => {
  test.each(SEEDED_SECRETS.map((secret) => [secret.kind, secret] as const))('masks a %s wherever it sits in the text', (_kind, secret) => {
    const text = `static value '${secret.text}' of overwrite:header.x`;
    const redacted = redact(text);
    expect(redacted).toContain(REDACTED);
    expect(redacted).not.toContain(secret.tell);
    expect(secretKinds(secret.text).length).toBeGreaterThan(0);
  });

  test('keeps the name of an assignment or scheme, so the reader sees which field held it', () => {
    expect(redact('#set($password = "Hunt3r2-Hunt3r2")')).toBe(`#set($password = "${REDACTED}")`);
    expect(redact('Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0')).toBe(`Bearer ${REDACTED}`);
  });

  test('masks a random value next to a secret-named field, not a word', () => {
    expect(redact(`x-api-key: ${NAMED_SECRET.value}`)).toBe(`x-api-key: ${REDACTED}`);
    expect(redact('authorization: required-for-every-caller')).toBe('authorization: required-for-every-caller');
  });

  test('masks a value the resource keeps under a secret-named key wherever a message quotes it', () => {
    const integration = { ResponseParameters: { '200': { [`overwrite:header.${NAMED_SECRET.header}`]: `'${NAMED_SECRET.value}'`, 'overwrite:header.x-trace': 'a1b2c3d4e5f6g7h8i9' } } };
    const known = secretFieldValues(integration);
    expect(known).toEqual([NAMED_SECRET.value]);
    expect(redact(`the value "${NAMED_SECRET.value}" is static`, known)).toBe(`the value "${REDACTED}" is static`);
  });

  test('leaves ordinary configuration alone', () => {
    const ordinary = [
      'ResponseParameters["method.response.header.X-Request-Id"]',
      '$input.path(\'$.token\')',
      '#set($token = $input.path(\'$.token\'))',
      'integration.response.header.x-amzn-RequestId',
      'arn:aws:apigateway:eu-west-1::/apis/k3chat7ws1/integrations/ping01/integrationresponses/pr1',
      'Response template "application/json" is not valid Velocity (VTL): Lexical error at line 1',
    ];
    for (const text of ordinary) expect(redact(text)).toBe(text);
  });
});

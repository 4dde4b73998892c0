import { escapeRawInJson, MAX_NAME_CHARS, oneLine, shortName } from '../../lib/report/escape';

describe('escape', () => {
  test('writes newlines, carriage returns, ANSI and OSC escapes out as visible text', () => {
    const hostile = 'chat\n== CRITICAL ==\r\x1b[31mred\x1b]0;pwned\x07\u202egnp.exe\u2028x\x9b';
    const safe = oneLine(hostile);
    expect(safe).toBe('chat\\n== CRITICAL ==\\r\\x1b[31mred\\x1b]0;pwned\\x07\\u202egnp.exe\\u2028x\\x9b');
    expect(safe).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
  });

  test('JSON text keeps its value with DEL, C1, separators and bidi controls written as \\u escapes', () => {
    const value = { 'k\u202e': 'a\x7f\x9b\u2028\u2066\\\u202eé✓' };
    const json = escapeRawInJson(JSON.stringify(value));
    expect(json).not.toMatch(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(json).toContain('\\u009b');
    expect(JSON.parse(json)).toEqual(value);
  });

  test('leaves printable text, accents and emoji as they are', () => {
    expect(oneLine('Café API ✓ "quoted" $default')).toBe('Café API ✓ "quoted" $default');
  });

  test('cuts a long name with an ellipsis, after escaping', () => {
    const name = shortName('n'.repeat(500));
    expect(name).toHaveLength(MAX_NAME_CHARS);
    expect(name.endsWith('…')).toBe(true);
    expect(shortName('short')).toBe('short');
  });
});

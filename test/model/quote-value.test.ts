import { quoteValue } from '../../lib/model/quote-value';

describe('quoteValue', () => {
  test('quotes as JSON, so control characters show escaped, and cuts a long value short', () => {
    expect(quoteValue('of')).toBe('"of"');
    expect(quoteValue('a\u001b[31mb')).toBe('"a\\u001b[31mb"');
    expect(quoteValue('z'.repeat(1000))).toBe(`"${'z'.repeat(79)}...`);
    expect(quoteValue(undefined)).toBe('nothing');
  });
});

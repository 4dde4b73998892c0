import fc from 'fast-check';
import { jsonPieces } from '../../lib/report/json-pieces';

describe('jsonPieces', () => {
  test('joins to exactly what JSON.stringify(value, null, 2) writes, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(jsonPieces(value).join('')).toBe(`${JSON.stringify(value, null, 2)}\n`);
      }),
      { numRuns: 500 },
    );
  });

  test('leaves out undefined keys, writes undefined array items as null and dates as strings, as JSON.stringify does', () => {
    const value = { a: undefined, b: [undefined, 1, { c: new Date(0), d: [] }], e: {}, f: 'x\ny' };
    expect(jsonPieces(value).join('')).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });

  test('a list longer than one piece comes in several pieces, none much over a megabyte', () => {
    const pieces = jsonPieces({ items: Array.from({ length: 30_000 }, (_, index) => ({ index, text: 'x'.repeat(100) })) });
    expect(pieces.length).toBeGreaterThan(2);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(1.1 * 1024 * 1024);
  });
});

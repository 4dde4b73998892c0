import fc from 'fast-check';
import { parse } from 'velocityjs';
import { simpleAst } from '../../lib/rules/ir/vtl';

/** Text and references only: references as `$`, the way the stub renderer sees a template. */
function flatten(nodes: readonly unknown[]): string {
  return nodes.map((node) => (typeof node === 'string' ? node : Array.isArray(node) ? '<block>' : '$')).join('');
}

/** Pieces that make plain references, method calls, and the text around them that could be mistaken for one. */
const piece = fc.constantFrom(
  '$', '$a', '$input', '$context', '.', '.json', '.path', '.b-c', '._x', '(', ')', "('$')", "('$.a')", '("$.a")', '("$a")', "('x', 'y')", '(1, -2)', '( )',
  "'", '"', '\\', '!', '{', '}', '[', ']', '[0]', '-', '_', '1', ' ', '\n', ',', ':', 'x', 'é', '$!', '${',
);

describe('simpleAst reads a simple template as velocityjs does', () => {
  test('whenever it accepts a template, velocityjs parses it to the same text and references', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }).map((pieces) => pieces.join('')), (template) => {
        const simple = simpleAst(template);
        if (simple === undefined) return;
        expect(flatten(parse(template))).toBe(flatten(simple));
      }),
      { numRuns: 20000 },
    );
  });

  test.each([
    ['{"id": "$context.connectionId", "body": $input.json(\'$\')}\n', '{"id": "$", "body": $}\n'],
    ['{"a": "$util.escapeJavaScript($input.path(\'$.a\'))"}', '{"a": "$"}'],
    ['price: $5 and $ alone', 'price: $5 and $ alone'],
  ])('accepts %j', (template, flat) => {
    const simple = simpleAst(template);
    expect(simple).toBeDefined();
    expect(flatten(simple ?? [])).toBe(flat);
  });

  test.each(['#if($a)x#end', '$!{a}', '${a}', '\\$a', '$a[0]', '$a.b($c[0])', "$a.b('x'", '$a(1)'])('leaves %j to velocityjs', (template) => {
    expect(simpleAst(template)).toBeUndefined();
  });
});

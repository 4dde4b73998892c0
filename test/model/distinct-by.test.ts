import { distinctBy } from '../../lib/model/distinct-by';

test('keeps each key\'s first item, in order', () => {
  expect(distinctBy(['a', 'B', 'b', 'c', 'A'], (text) => text.toLowerCase())).toEqual(['a', 'B', 'c']);
  expect(distinctBy([], String)).toEqual([]);
});

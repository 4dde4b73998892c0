/** How many times each message occurs: a walk's failures as `{ message: count }`, compact even when a thousand calls fail alike. */
export function tally(messages: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const message of messages) counts[message] = (counts[message] ?? 0) + 1;
  return counts;
}

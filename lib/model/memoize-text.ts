/**
 * A cache for a pure function of a string (a key's regex body, a template). An account repeats
 * the same few keys and templates across thousands of integration responses, and the work per
 * text (500 regex tests, a Velocity parse) is far more than the lookup. The cache is bounded by
 * entries and by the characters of its keys, so that a snapshot of unique texts cannot grow it
 * without limit; when full it starts over (evicting one entry at a time makes V8 walk the
 * deleted ones on every eviction).
 */
export function memoizeText<T>(compute: (text: string) => T, maxEntries = 4096, maxCharacters = 2_000_000): (text: string) => T {
  const cache = new Map<string, { value: T }>();
  let characters = 0;
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit.value;
    const value = compute(text);
    if (text.length <= maxCharacters) {
      if (cache.size >= maxEntries || characters + text.length > maxCharacters) {
        cache.clear();
        characters = 0;
      }
      cache.set(text, { value });
      characters += text.length;
    }
    return value;
  };
}

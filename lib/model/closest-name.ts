/**
 * "Did you mean": the candidate a mistyped name most likely meant. Case, `_` and `-` are
 * ignored first (`integration_type` is `IntegrationType`); otherwise the nearest candidate by
 * edit distance, if it is near enough that the suggestion helps rather than confuses (at most
 * a third of the name's letters, at least one; never for a single letter).
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const wanted = normalise(name);
  const same = candidates.find((candidate) => normalise(candidate) === wanted);
  if (same !== undefined) return same;
  // Bounded: names longer than this are not typos of our short option, rule and field names.
  if (wanted.length < 2 || wanted.length > 64) return undefined;
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, normalise(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean "X"?)`, or nothing when no candidate is near. */
export function didYouMean(name: string, candidates: readonly string[], quote = '"'): string {
  const suggestion = closestName(name, candidates);
  return suggestion === undefined ? '' : ` (did you mean ${quote}${suggestion}${quote}?)`;
}

const normalise = (name: string) => name.replace(/[_-]/g, '').toLowerCase();

/**
 * Edit distance where an insertion, a deletion, a substitution or a swap of two adjacent letters
 * (`scna` for `scan`) each count one (optimal string alignment), in three rows of memory.
 */
function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      let distance = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, beforePrevious[j - 2]! + 1);
      current[j] = distance;
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

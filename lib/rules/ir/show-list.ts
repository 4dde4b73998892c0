import { show } from '../values';

/** Several values for a message, e.g. `"/4\\d\\d/", "/5\\d\\d/" and 2 more`, never an unbounded list. */
export function showList(values: readonly unknown[], max = 3): string {
  const shown = values.slice(0, max).map((value) => show(value)).join(', ');
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}

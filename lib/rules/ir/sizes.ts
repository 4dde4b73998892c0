/**
 * Measuring template and mapping-value sizes. Lengths count Unicode code points, never more
 * than the UTF-16 units AWS might count, so a length rule cannot fire on a value AWS accepts.
 */

/** "Maximum mapping template size: 300 KB" [D-QWS]. */
export const MAX_TEMPLATE_BYTES = 300 * 1024;

export function utf8Bytes(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Code points: UTF-16 units less one per surrogate pair (what `[...value].length` counts, without an array per template). */
export function characterCount(value: string): number {
  return value.length - (value.match(SURROGATE_PAIR)?.length ?? 0);
}

/** A count as a message shows it, e.g. `307,201`. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** How figures read in docs/benchmarks.md: fixed decimals, thousands separated, so columns compare at a glance. */

export function seconds(value: number): string {
  return `${value.toFixed(2)} s`;
}

export function times(ratio: number): string {
  return `${ratio.toFixed(2)}×`;
}

export function count(value: number): string {
  return value.toLocaleString('en-US');
}

export function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** `"message" ×3; "other" ×1`: what failed, most frequent first. */
export function failureList(failures: Record<string, number>): string {
  return Object.entries(failures)
    .sort((a, b) => b[1] - a[1])
    .map(([message, times]) => `"${message}" ×${times}`)
    .join('; ');
}

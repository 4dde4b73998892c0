/**
 * JavaScript truthiness, which the framework tests its settings with (`if (x)`, `x || default`):
 * `false`, `0`, `''`, null and absent all count as not set.
 */
export function isTruthy(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false && value !== '' && value !== 0;
}

/** `value || fallback`, as the framework writes its defaults. */
export function orDefault(value: unknown, fallback: unknown): unknown {
  return isTruthy(value) ? value : fallback;
}

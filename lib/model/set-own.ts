/**
 * `target[key] = value` for a key read from a file: defined as a plain data property, so a key
 * named `__proto__` is data like any other and never replaces the object's prototype (which
 * `=` would do, dropping the key and changing what the object inherits).
 */
export function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

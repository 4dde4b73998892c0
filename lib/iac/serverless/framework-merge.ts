import { isPlainObject } from '../../rules/values';
import { setOwn } from '../../model/set-own';

/**
 * lodash's `_.merge`, as Serverless Framework v3 uses it: to merge `resources` into the template
 * it generates (so a resource in `resources.Resources` with a generated logical id changes only
 * what it names), and to merge `resources` or `functions` written as a list of parts. Maps merge
 * key by key and lists index by index; an undefined value leaves what was there; anything else
 * replaces it. Returns a new value; neither input is changed.
 */
export function frameworkMerge(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (Array.isArray(override)) {
    const merged: unknown[] = Array.isArray(base) ? [...(base as unknown[])] : [];
    override.forEach((item, index) => {
      merged[index] = frameworkMerge(merged[index], item);
    });
    return merged;
  }
  if (!isPlainObject(override)) return override;
  const merged: Record<string, unknown> = isPlainObject(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(override)) setOwn(merged, key, frameworkMerge(merged[key], value));
  return merged;
}

import { isUnresolved, Unresolved } from '../../model/unresolved';
import { isPlainObject } from '../../rules/values';
import { MAX_ELEMENTS } from './expressions';

/**
 * One instance of a resource or module call: `count` and `for_each` make several, each with
 * its key in the address (`aws_apigatewayv2_route.this["ping"]`, `module.api[0]`) and its
 * `count.index` or `each.key` / `each.value`.
 */
export interface Instance {
  /** What follows the name in the address: `[0]`, `["ping"]`, or nothing. */
  suffix: string;
  /** The key a reference uses to pick this instance (`aws_x.this["ping"]`); undefined for a single one. */
  key: string | number | undefined;
  bindings: Record<string, unknown>;
}

/** A resource or module without `count` or `for_each`. */
export const SINGLE: Instance = { suffix: '', key: undefined, bindings: {} };

/**
 * The instances `count` or `for_each` (already evaluated) make. When it is not known, one
 * instance stands for all of them, with `count.index` / `each` unresolved, so what does not
 * depend on the key is still judged. A list given to `for_each` is a set (Terraform refuses a
 * list there): each element is its own key.
 */
export function instancesOf(meta: 'count' | 'for_each', value: unknown, address: string): Instance[] {
  const known = meta === 'count' ? typeof value === 'number' : Array.isArray(value) || isPlainObject(value);
  if (isUnresolved(value) || !known) {
    const reason = isUnresolved(value) ? value.reason : `${meta} is not a ${meta === 'count' ? 'number' : 'map or set'}`;
    const unknown = new Unresolved(`${meta === 'count' ? 'count.index' : 'each'} of ${address} (${reason})`);
    return [{ suffix: '', key: undefined, bindings: meta === 'count' ? { count: { index: unknown } } : { each: unknown } }];
  }
  const pairs: [string, unknown][] = Array.isArray(value) ? value.map((element) => [String(element), element]) : isPlainObject(value) ? Object.keys(value).sort().map((key) => [key, value[key]]) : [];
  const size = meta === 'count' ? Number(value) : pairs.length;
  if (size > MAX_ELEMENTS) return instancesOf(meta, new Unresolved(`${meta} makes more than ${MAX_ELEMENTS} instances`), address);
  if (meta === 'count') return Array.from({ length: Math.max(0, Math.floor(size)) }, (_, index) => ({ suffix: `[${index}]`, key: index, bindings: { count: { index } } }));
  return pairs.map(([key, element]) => ({ suffix: `[${JSON.stringify(key)}]`, key, bindings: { each: { key, value: element } } }));
}

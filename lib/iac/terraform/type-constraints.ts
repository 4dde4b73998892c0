import { isUnresolved } from '../../model/unresolved';
import { isPlainObject } from '../../rules/values';
import { bind, evaluateValue, type Scope } from './expressions';

/**
 * A variable's `type`, as far as it changes the value a module sees: Terraform fills the
 * attributes an object type declares `optional(T, default)` with their default (or null)
 * when the caller leaves them out. `map(object({ type = optional(string, "AWS_PROXY") }))`
 * decides whether an integration is a proxy, so the scan must apply it too.
 */
export type TypeConstraint =
  | { kind: 'any' }
  | { kind: 'collection'; element: TypeConstraint }
  | { kind: 'object'; attributes: Record<string, TypeConstraint> }
  | { kind: 'tuple'; elements: TypeConstraint[] }
  | { kind: 'optional'; type: TypeConstraint; fallback: unknown };

const ANY: TypeConstraint = { kind: 'any' };

/** The names a type expression uses for its primitive types. */
const PRIMITIVES = { string: ANY, number: ANY, bool: ANY, any: ANY };

/** The type constructors of a type expression, in place of functions (see callFunction). */
export function typeConstructor(name: string, args: unknown[]): TypeConstraint {
  const [first, second] = args;
  switch (name) {
    case 'map':
    case 'list':
    case 'set':
      return { kind: 'collection', element: asType(first) };
    case 'object':
      return { kind: 'object', attributes: isPlainObject(first) ? Object.fromEntries(Object.entries(first).map(([key, type]) => [key, asType(type)])) : {} };
    case 'tuple':
      return { kind: 'tuple', elements: Array.isArray(first) ? first.map(asType) : [] };
    case 'optional':
      return { kind: 'optional', type: asType(first), fallback: args.length > 1 ? second : null };
    default:
      return ANY;
  }
}

function asType(value: unknown): TypeConstraint {
  return isPlainObject(value) && typeof value['kind'] === 'string' ? (value as TypeConstraint) : ANY;
}

/** Evaluates a variable's `type` argument into a constraint (anything not understood constrains nothing). */
export async function typeConstraintOf(raw: unknown, scope: Scope): Promise<TypeConstraint> {
  const type = await evaluateValue(raw, { ...bind(scope, PRIMITIVES), inTypeConstraint: true });
  return asType(type);
}

/** The value with the defaults of its type's optional attributes filled in, as Terraform converts it. */
export function applyDefaults(value: unknown, type: TypeConstraint): unknown {
  if (isUnresolved(value) || value === null || value === undefined) return value;
  switch (type.kind) {
    case 'collection':
      if (Array.isArray(value)) return value.map((item) => applyDefaults(item, type.element));
      return isPlainObject(value) ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, applyDefaults(item, type.element)])) : value;
    case 'tuple':
      return Array.isArray(value) ? value.map((item, index) => applyDefaults(item, type.elements[index] ?? ANY)) : value;
    case 'object': {
      if (!isPlainObject(value)) return value;
      const filled: Record<string, unknown> = { ...value };
      for (const [name, attribute] of Object.entries(type.attributes)) {
        const given = value[name];
        if (attribute.kind === 'optional') filled[name] = applyDefaults(given === undefined || given === null ? attribute.fallback : given, attribute.type);
        else if (given !== undefined) filled[name] = applyDefaults(given, attribute);
      }
      return filled;
    }
    case 'optional':
      return applyDefaults(value, type.type);
    default:
      return value;
  }
}

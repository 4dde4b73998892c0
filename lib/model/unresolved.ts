/**
 * A value a template reader could not work out: a reference to something outside the
 * template (`!ImportValue`, a Terraform variable without a default, a Lambda ARN known only
 * after deploy) or an expression the reader does not evaluate. It stands where the value
 * would be so a rule can tell "set to something unknown" from "not set": `text()` sees no
 * string, `isSet()` sees a value, `entriesOf()` sees no entries. Findings that depend on it
 * are withheld by lib/iac/unresolved-guard.ts, because a rule cannot judge what it cannot see.
 */
export class Unresolved {
  constructor(
    /** What the value is, as written, e.g. `!GetAtt Handler.Arn` or `var.api_id (no default)`. */
    readonly reason: string,
  ) {}

  /** A snapshot dumped to JSON stays readable and says what was not known. */
  toJSON(): string {
    return `(unresolved: ${this.reason})`;
  }
}

export function isUnresolved(value: unknown): value is Unresolved {
  return value instanceof Unresolved;
}

/**
 * Marks snapshot objects whose fields are not all known (symbol-keyed and not enumerable, so
 * JSON output and `Object.entries` never show it). A field in the set, or every field but the
 * id when the set holds `ALL_FIELDS`, reads as unknown although its value looks plain:
 * - a list of children is incomplete when a child's parent id could not be resolved (an
 *   integration response whose IntegrationId is `!ImportValue ...` may belong to any integration);
 * - a resource that a template only refers to (an API created elsewhere) is a placeholder
 *   whose fields are all unknown.
 */
const UNKNOWN_FIELDS = Symbol('apigw-audit.unknownFields');

export const ALL_FIELDS = '*';

type Markable = object & { [UNKNOWN_FIELDS]?: Set<string> };

export function markUnknown(target: object, field: string): void {
  const markable = target as Markable;
  const fields = markable[UNKNOWN_FIELDS] ?? new Set<string>();
  if (markable[UNKNOWN_FIELDS] === undefined) Object.defineProperty(target, UNKNOWN_FIELDS, { value: fields, enumerable: false });
  fields.add(field);
}

/** A resource's own id is always known: it is what the template names it by. */
const ID_FIELDS: ReadonlySet<string> = new Set(['ApiId', 'IntegrationId', 'IntegrationResponseId', 'RouteId', 'RouteResponseId']);

/** Whether reading `field` of `target` reads something unknown (see UNKNOWN_FIELDS). */
export function isUnknownField(target: object, field: string): boolean {
  const fields = (target as Markable)[UNKNOWN_FIELDS];
  if (fields === undefined || ID_FIELDS.has(field)) return false;
  return fields.has(field) || fields.has(ALL_FIELDS);
}

/**
 * A value a template reader could not work out: a reference to something outside the
 * template (`!ImportValue`, a Terraform variable without a default, a Lambda ARN known only
 * after deploy) or an expression the reader does not evaluate. It stands where the value
 * would be so a rule can tell "set to something unknown" from "not set": `text()` sees no
 * string, `isSet()` sees a value, `entriesOf()` sees no entries. Findings that depend on it
 * are withheld by lib/iac/unresolved-guard.ts, because a rule cannot judge what it cannot see.
 *
 * A string with only some parts unknown is a partial value (`Unresolved.text`): it keeps its
 * known text, so a rule that needs only that part still decides (see `readKnownText`).
 */
export class Unresolved {
  constructor(
    /** What the value is, as written, e.g. `!GetAtt Handler.Arn` or `var.api_id (no default)`. */
    readonly reason: string,
    /**
     * For a value known to be one short field, such as a region, an account id or an API id:
     * it holds none of `:`, `/` and whitespace, so it cannot change where an ARN's fields or
     * a path's segments begin.
     */
    readonly token = false,
    /** For a string with unknown parts: its pieces in order, known text and unknown parts. */
    readonly pieces?: readonly (string | Unresolved)[],
  ) {}

  /**
   * A string built from known text and unknown values (`!Sub "arn:aws:apigateway:${AWS::Region}:..."`,
   * a Terraform template): the plain string when every piece is known, else a partial value
   * whose reason is `reason`. Nested partial values are flattened.
   */
  static text(reason: string, pieces: readonly (string | Unresolved)[]): string | Unresolved {
    const flat: (string | Unresolved)[] = [];
    for (const piece of pieces.flatMap((item) => (item instanceof Unresolved && item.pieces !== undefined ? item.pieces : [item]))) {
      const last = flat[flat.length - 1];
      if (typeof piece === 'string' && typeof last === 'string') flat[flat.length - 1] = last + piece;
      else if (piece !== '') flat.push(piece);
    }
    if (flat.every((piece): piece is string => typeof piece === 'string')) return flat.join('');
    return new Unresolved(reason, false, flat);
  }

  /** A snapshot dumped to JSON stays readable and says what was not known. */
  toJSON(): string {
    return `(unresolved: ${this.reason})`;
  }
}

export function isUnresolved(value: unknown): value is Unresolved {
  return value instanceof Unresolved;
}

/**
 * The unresolved-value guard hands a check each partial value it reads with a method under
 * this key; a rule calls it (through `readKnownText`) when its decision rests only on the
 * known text, so the guard does not withhold the findings that follow from it.
 */
export const DECIDED_ON_KNOWN_TEXT = Symbol('apigw-audit.decidedOnKnownText');

/** Stands in for a token (see `Unresolved.token`) in `KnownText.text`: no value holds it. */
export const TOKEN_MARK = '\u0000';

/** What can be known of a string value. */
export interface KnownText {
  /**
   * The text up to the first unknown part that is not a token; each unknown token in it is
   * TOKEN_MARK. The whole string when every part is known.
   */
  text: string;
  /** Whether `text` is the whole value (every unknown part in it is a token). */
  complete: boolean;
  /**
   * Tells the guard that the rule decided on `text` alone. Call it only when every value the
   * unknown parts could take (a token: any text without `:`, `/` or whitespace; after `text`
   * when not complete: anything) leads to the same decision.
   */
  decided(): void;
}

/** The known text of a string or a partial value; undefined for anything else (a fully unknown value too). */
export function readKnownText(value: unknown): KnownText | undefined {
  if (typeof value === 'string') return { text: value, complete: true, decided: () => undefined };
  if (!(value instanceof Unresolved) || value.pieces === undefined) return undefined;
  let text = '';
  let complete = true;
  for (const piece of value.pieces) {
    if (typeof piece === 'string') text += piece;
    else if (piece.token) text += TOKEN_MARK;
    else {
      complete = false;
      break;
    }
  }
  const settle = (value as unknown as Record<symbol, (() => void) | undefined>)[DECIDED_ON_KNOWN_TEXT];
  return { text, complete, decided: () => settle?.() };
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

/** Whether any field of `target` is marked unknown (so reading it may read something unknown). */
export function hasUnknownFields(target: object): boolean {
  return (target as Markable)[UNKNOWN_FIELDS] !== undefined;
}

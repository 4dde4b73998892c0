/**
 * The `$` references inside an HTTP API response-mapping value (http-api-parameter-mapping.html):
 * `$response.header.name`, `$response.body.path`, `$context.name`, `$stageVariables.name`, each
 * also written `${...}`. `$request.*` belongs to request mappings only, but is recognised so
 * HP101 can name it. Shared by the HP value rules, the SEC rules and the template selection
 * rules (IR105-IR107 read `$` references the same way), so they all read a value alike.
 */

/** Where a reference takes its data from; `other` is anything AWS does not document. */
export type ReferenceRoot = 'response.header' | 'response.body' | 'context' | 'stageVariables' | 'request' | 'other';

/** A data source of a mapping value, whatever the API type wrote it as. */
export interface ValueSource {
  root: ReferenceRoot;
  /**
   * What follows the root: the header name, the body path (`''` for the whole body), the
   * context or stage variable name, the request path; for `other`, the whole expression.
   */
  name: string;
  /** The source as written, for messages. */
  text: string;
}

export interface ValueReference extends ValueSource {
  /** Written `${...}` rather than `$...`. */
  braced: boolean;
  /** Where the reference starts and ends in the value. */
  start: number;
  end: number;
}

/**
 * `${...}`, or `$` followed by a name. A `$` preceded by a backslash is escaped (the selection
 * expression convention) and a `$` followed by anything else (`$5`) is plain text: neither is
 * a reference, so neither can produce a finding.
 */
const REFERENCE = /(?<!\\)\$(?:\{([^}]*)\}|([A-Za-z_][\w.\-[\]]*))/g;

/**
 * Context and stage variable names may only use `.` and `_` besides letters and digits
 * ("Only the special characters . and _ are supported"), so without braces such a name ends
 * at the first other character: `$context.requestId-x` is the variable followed by `-x`.
 */
const PLAIN_NAME = /^[\w.]*/;

export function findReferences(value: string): ValueReference[] {
  const references: ValueReference[] = [];
  for (const match of value.matchAll(REFERENCE)) {
    const braced = match[1] !== undefined;
    let expression = match[1] ?? match[2] ?? '';
    let source = classify(expression);
    if (!braced) {
      if (source.root === 'context' || source.root === 'stageVariables') {
        const rootLength = expression.length - source.name.length;
        expression = expression.slice(0, rootLength) + (PLAIN_NAME.exec(source.name)?.[0] ?? '');
      }
      // Without braces a trailing dot is punctuation ("... id $context.requestId."), not a path.
      expression = expression.replace(/\.+$/, '');
      source = classify(expression);
    }
    const text = braced ? `\${${expression}}` : `$${expression}`;
    references.push({ ...source, text, braced, start: match.index, end: match.index + text.length });
  }
  return references;
}

/** The value with its references cut out: the text AWS sends as written. */
export function literalText(value: string): string {
  let literal = '';
  let from = 0;
  for (const reference of findReferences(value)) {
    literal += `${value.slice(from, reference.start)} `;
    from = reference.end;
  }
  return literal + value.slice(from);
}

const ROOTS: readonly Exclude<ReferenceRoot, 'other' | 'response.body'>[] = ['response.header', 'context', 'stageVariables', 'request'];

/** The source an expression (without `$` and braces) names, e.g. `response.body.a.b`. */
export function classify(expression: string): ValueSource {
  const text = `$${expression}`;
  const body = /^response\.body(?:\.(.*)|(\[.*))?$/s.exec(expression);
  if (body !== null) return { root: 'response.body', name: body[1] ?? body[2] ?? '', text };
  for (const root of ROOTS) {
    if (expression.startsWith(`${root}.`) && expression.length > root.length + 1) return { root, name: expression.slice(root.length + 1), text };
  }
  return { root: 'other', name: expression, text };
}

import { findReferences } from '../value-references';
import { memoizeText } from '../../model/memoize-text';

/**
 * Reading an integration response's TemplateSelectionExpression (IR105-IR107, IR118). It uses
 * the selection-expression language of the HTTP API mapping values: `$name` or `${name}`, and
 * `\$` for a literal dollar sign ("most useful when defining an expression that maps to the
 * reserved $default key, e.g. "\$default"" [D-SEL]), so it is read with the same scanner.
 */

/** The variables an expression references (without `$` and braces), e.g. `integration.response.statuscode`. */
export const selectionVariables = memoizeText((expression: string): readonly string[] =>
  findReferences(expression).map((reference) => (reference.braced ? reference.text.slice(2, -1) : reference.text.slice(1))),
);

const UNESCAPED_DOLLAR = /(?<!\\)\$/;
const ESCAPED_DOLLAR = /\\\$/g;

/** True when the expression has no unescaped `$`: a static value, compared with the template keys as written. */
export const isStaticSelection = (expression: string): boolean => !UNESCAPED_DOLLAR.test(expression);

/** The template key a static expression selects: `\$default` selects `$default`. */
export const unescapeSelection = (expression: string): string => expression.replace(ESCAPED_DOLLAR, '$');

const STATUS_CODE_KEY = /^[1-5]\d\d$/;
const STATUS_CODE_VARIABLE = 'integration.response.statuscode';

/**
 * The template keys an expression can select, when what it evaluates to is known (IR107,
 * IR118), else undefined: a static expression selects the key it names once unescaped; an
 * expression that is only the status code variable selects the keys that are status codes.
 * Any other variable (a header, a body path) may evaluate to anything. The `$default`
 * fallback is the caller's business.
 */
export function selectableKeys(expression: string, keys: readonly string[]): readonly string[] | undefined {
  if (isStaticSelection(expression)) return keys.filter((key) => key === unescapeSelection(expression));
  const [only, ...others] = findReferences(expression);
  const whole = only !== undefined && others.length === 0 && only.start === 0 && only.end === expression.length;
  if (whole && selectionVariables(expression)[0] === STATUS_CODE_VARIABLE) return keys.filter((key) => STATUS_CODE_KEY.test(key));
  return undefined;
}

import { findReferences } from '../value-references';
import { memoizeText } from './memo';

/**
 * Reading an integration response's TemplateSelectionExpression (IR105, IR106, IR107). It uses
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

import type { SnapshotIntegration } from '../../model/snapshot';
import { DEFAULT_KEY } from '../selectors';
import { entriesOf, text } from '../values';
import { isStaticSelection, unescapeSelection } from './template-selection';

/**
 * Every statusCode a MOCK integration can answer with, when its request templates say so
 * literally, or undefined when that cannot be known. A MOCK integration has no backend: the
 * request template it selects sets the status (`{"statusCode": 200}`), and the integration
 * response key is matched against it (IR013). The common pattern is a static
 * TemplateSelectionExpression (`200`) selecting one template with one literal statusCode.
 *
 * Only literal values count: a template whose statusCode is computed (`$input...`, `#if`
 * branches that set a variable) or absent, or a selection that may reach several templates
 * of which one is unknown, gives undefined, and the caller cannot rule a miss out.
 */
export function mockStatusCodes(integration: SnapshotIntegration): readonly string[] | undefined {
  if (integration.IntegrationType !== 'MOCK') return undefined;
  const templates = selectableTemplates(integration);
  if (templates.length === 0) return undefined;
  const codes = new Set<string>();
  for (const template of templates) {
    const literal = literalStatusCodes(template);
    if (literal === undefined) return undefined;
    for (const code of literal) codes.add(code);
  }
  return [...codes];
}

/**
 * The request templates the integration's selection can pick: the one a static expression
 * names (or `$default`, which templates fall back to when none matches); with no expression
 * or a variable one, any of them.
 */
function selectableTemplates(integration: SnapshotIntegration): unknown[] {
  const templates = entriesOf(integration.RequestTemplates);
  const expression = text(integration.TemplateSelectionExpression);
  if (expression === undefined || !isStaticSelection(expression)) return templates.map(([, template]) => template);
  const selected = templates.find(([key]) => key === unescapeSelection(expression)) ?? templates.find(([key]) => key === DEFAULT_KEY);
  return selected === undefined ? [] : [selected[1]];
}

const STATUS_CODE_WORD = /statusCode/g;
/** `"statusCode": 200` or `"statusCode": "200"`, as a JSON member of the template. */
const LITERAL_STATUS_CODE = /"statusCode"\s*:\s*"?([1-5]\d\d)"?(?=\s*[,}\s])/g;

/** The literal status codes a template sets, or undefined when any mention of statusCode is not one. */
function literalStatusCodes(template: unknown): string[] | undefined {
  const body = text(template);
  if (body === undefined) return undefined;
  const mentions = body.match(STATUS_CODE_WORD)?.length ?? 0;
  const literals = [...body.matchAll(LITERAL_STATUS_CODE)].map((match) => match[1] ?? '');
  return mentions > 0 && literals.length === mentions ? literals : undefined;
}
